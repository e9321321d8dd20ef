/**
 * The web app (packages/web, built by Vite into packages/web/dist) served by the server: its
 * content-hashed files under /assets/ cached for a year (immutable), with the gzipped copy the
 * build writes beside each when the browser accepts it; the files of its public folder at the
 * root; and its index.html for every other page address, so a deep link like
 * /w/demo/maps/<id> opens the app, whose router shows the page. The server reads the build's
 * files; it imports nothing of the web package.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import type { AppEnv } from './env.ts';
import { errorBody } from './errors.ts';

/** The web app's build in this repository. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The command that builds the app, for the page shown while it is missing. */
export const WEB_BUILD_COMMAND = 'npm run build -w @touchline/web';

/** A file name without folders or a leading dot: `index-3f2a.js`, `favicon.svg`. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  gzipped?: Uint8Array<ArrayBuffer>;
  type: string;
}

export class WebApp {
  /** Files under assets/ are named by their content, so what was read once stays true. */
  private readonly assets = new Map<string, Asset>();

  constructor(readonly dir: string) {}

  /** `GET /assets/<name>`: a file of the build, immutable; 404 when there is none. */
  async asset(c: Context<AppEnv>, name: string): Promise<Response> {
    const asset = FILE_NAME.test(name) && !name.endsWith('.gz') ? await this.readAsset(name) : undefined;
    if (!asset) return c.json(errorBody('not-found', `no file /assets/${name}`), 404);
    c.header('content-type', asset.type);
    c.header('cache-control', 'public, max-age=31536000, immutable');
    if (asset.gzipped) c.header('vary', 'accept-encoding');
    if (asset.gzipped && acceptsGzip(c.req.header('accept-encoding'))) {
      c.header('content-encoding', 'gzip');
      return c.body(asset.gzipped, 200);
    }
    return c.body(asset.body, 200);
  }

  private async readAsset(name: string): Promise<Asset | undefined> {
    const known = this.assets.get(name);
    if (known) return known;
    const path = join(this.dir, 'assets', name);
    const body = await readIfFile(path);
    if (!body) return undefined;
    const gzipped = await readIfFile(`${path}.gz`);
    const asset: Asset = { body, type: typeOf(name), ...(gzipped ? { gzipped } : {}) };
    this.assets.set(name, asset);
    return asset;
  }

  /**
   * A page address (any GET outside /api/ that no route answered): a file of the app's root
   * (`/favicon.svg`), else index.html for the app's router; while the app is not built, a page
   * that says how to build it.
   */
  async page(c: Context<AppEnv>): Promise<Response> {
    const name = c.req.path.slice(1);
    if (FILE_NAME.test(name) && name !== 'index.html') {
      const file = await readIfFile(join(this.dir, name));
      if (file) {
        return c.body(file, 200, { 'content-type': typeOf(name), 'cache-control': 'public, max-age=3600' });
      }
    }
    const index = await readIfFile(join(this.dir, 'index.html'));
    // Read on each request: a new build names new assets, and index.html is small.
    if (!index) return c.html(NOT_BUILT_PAGE, 503, { 'cache-control': 'no-store' });
    return c.body(index, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  }
}

function typeOf(name: string): string {
  return getMimeType(name) ?? 'application/octet-stream';
}

function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((param) => /^\s*q=0(\.0+)?\s*$/.test(param));
    return (coding === 'gzip' || coding === '*') && !refused;
  });
}

async function readIfFile(path: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    const buffer = await readFile(path);
    const bytes = new Uint8Array(buffer.byteLength);
    bytes.set(buffer);
    return bytes;
  } catch {
    return undefined;
  }
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Touchline: the web app is not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5; padding: 0 1rem">
<h1>The web app is not built yet</h1>
<p>The server runs, and its API answers under <code>/api/</code>, but the pages of the web app have not been built.
Build them once with</p>
<pre><code>${WEB_BUILD_COMMAND}</code></pre>
<p>then reload this page. <code>npm start</code> builds them before it starts the server.</p>
</body>
</html>
`;
