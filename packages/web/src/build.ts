/**
 * Building the web app when its sources changed: `npm start`, `npm test` and the browser tests
 * all call `ensureWebBuild()`, which runs Vite's `build()` only when the hash of the inputs (the
 * app's sources, its config and pinned versions, and core's sources it imports) differs from the
 * hash of the last build, kept in dist/. A lock file lets test files that run side by side wait
 * for one build instead of writing dist/ at the same time.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The web package's folder. */
export const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
/** The built app: index.html, assets/ and the files of public/. */
export const WEB_DIST = join(WEB_DIR, 'dist');
const CORE_DIR = fileURLToPath(new URL('../../core', import.meta.url));
const STAMP = join(WEB_DIST, '.inputs-hash');
const LOCK = join(WEB_DIR, '.build.lock');
/** A lock older than this was left by a process that died: no build takes that long. */
const STALE_LOCK_MS = 5 * 60_000;

export interface WebBuild {
  /** Whether this call built the app (false: dist/ was up to date). */
  built: boolean;
  /** How long the build took, in milliseconds (0 when nothing was built). */
  buildMs: number;
  /** The script and the modules it preloads, which the first page loads: bytes and gzipped bytes. */
  initialJs: { files: string[]; bytes: number; gzipBytes: number };
}

/** Builds the app when its inputs changed since the last build (or always, with `force`). */
export async function ensureWebBuild(options: { force?: boolean } = {}): Promise<WebBuild> {
  const release = await acquireLock();
  try {
    const hash = inputsHash();
    let built = false;
    let buildMs = 0;
    if (options.force || !isBuilt(hash)) {
      const started = performance.now();
      const { build } = await import('vite');
      // Vite takes the mode from NODE_ENV when it is set, and vitest sets it to `test`: a build
      // from a test would ship React's development bundle, which npm start then finds up to date.
      const nodeEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        await build({ configFile: join(WEB_DIR, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
      } finally {
        if (nodeEnv === undefined) delete process.env.NODE_ENV;
        else process.env.NODE_ENV = nodeEnv;
      }
      buildMs = performance.now() - started;
      writeFileSync(STAMP, `${hash}\n`);
      built = true;
    }
    return { built, buildMs, initialJs: initialJs() };
  } finally {
    release();
  }
}

function isBuilt(hash: string): boolean {
  return (
    existsSync(join(WEB_DIST, 'index.html')) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8').trim() === hash
  );
}

/** A hash of every file the build reads from this repository (tests excluded). */
export function inputsHash(): string {
  const files = [
    ...['index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((name) => join(WEB_DIR, name)),
    ...filesUnder(join(WEB_DIR, 'public')),
    ...filesUnder(join(WEB_DIR, 'src', 'app')),
    join(CORE_DIR, 'package.json'),
    ...filesUnder(join(CORE_DIR, 'src')),
  ].filter((file) => !/\.test\.tsx?$/.test(file));
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(relative(WEB_DIR, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The JS the first page loads: the entry script and the modules index.html preloads. */
function initialJs(): WebBuild['initialJs'] {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] as string,
  );
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(WEB_DIST, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes };
}

async function acquireLock(): Promise<() => void> {
  for (;;) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      return () => rmSync(LOCK, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { force: true });
      } catch {
        // Released between the two calls: try again.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
