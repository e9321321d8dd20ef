// The build the server serves, as npm start and npm test make it (here from inside vitest, whose
// NODE_ENV is `test`): React's production bundle, no inline script for the CSP to refuse, a
// gzipped copy of each text asset, and a first page that stays small.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, inputsHash, WEB_DIST, type WebBuild } from './build.ts';

/** What the first page may load, gzipped: React and the app's shell, with room to grow. */
const INITIAL_JS_BUDGET_BYTES = 120 * 1024;

let build: WebBuild;

beforeAll(async () => {
  build = await ensureWebBuild();
}, 120_000);

describe('the web build', () => {
  it('is up to date with its sources, and says so without building again', async () => {
    expect(readFileSync(join(WEB_DIST, '.inputs-hash'), 'utf8').trim()).toBe(inputsHash());
    const again = await ensureWebBuild();
    expect(again.built).toBe(false);
    expect(again.initialJs).toEqual(build.initialJs);
  });

  it('ships React’s production bundle, minified', () => {
    const entry = readFileSync(join(WEB_DIST, build.initialJs.files[0] ?? ''), 'utf8');
    expect(entry).toContain('Minified React error');
    expect(entry).not.toContain('react-dom.development');
    expect(entry.split('\n').length).toBeLessThan(50);
  });

  it('has no inline script in index.html, only module scripts of its own', () => {
    const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\/assets\/[^"]+\.js"/);
      expect(body?.trim()).toBe('');
    }
  });

  it('writes a gzipped copy beside each script and style sheet', () => {
    const assets = readdirSync(join(WEB_DIST, 'assets')).filter((name) => /\.(js|css)$/.test(name));
    expect(assets.length).toBeGreaterThan(2);
    for (const name of assets) {
      const path = join(WEB_DIST, 'assets', name);
      expect(existsSync(`${path}.gz`)).toBe(true);
      expect(gunzipSync(readFileSync(`${path}.gz`)).equals(readFileSync(path))).toBe(true);
    }
  });

  it('keeps the first page’s JS within its budget', () => {
    expect(build.initialJs.files).toHaveLength(1);
    expect(build.initialJs.gzipBytes).toBeGreaterThan(0);
    expect(build.initialJs.gzipBytes).toBeLessThan(INITIAL_JS_BUDGET_BYTES);
  });
});
