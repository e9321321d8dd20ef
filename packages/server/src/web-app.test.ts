// The web app's files from a build folder: deep links answer index.html, hashed assets are
// immutable (gzipped when the browser takes it), the API keeps its JSON 404, and a server whose
// app is not built says how to build it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server.ts';
import { WEB_BUILD_COMMAND } from './web-app.ts';

const INDEX =
  '<!doctype html><title>Touchline</title><script type="module" src="/assets/index-abc123.js"></script>';
const SCRIPT = `console.log(${JSON.stringify('the app '.repeat(200))});`;

let dir: string;
let server: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'touchline-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(dir, 'assets', 'plain-def456.css'), 'body{}');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '.inputs-hash'), 'secret-ish\n');
  server = await startTestServer({ webDir: dir });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('pages', () => {
  it.each([
    '/',
    '/signin',
    '/w/demo',
    '/w/demo/maps/123',
    '/invite/tl_inv_x',
    '/.inputs-hash',
    '/index.html',
  ])('%s answers the app’s index.html, never cached stale, under the strict CSP', async (path) => {
    const { response, bytes } = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(bytes.toString()).toBe(INDEX);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    // Scripts fall back to default-src 'self': no inline script, no eval.
    expect(csp).not.toMatch(/script-src/);
  });

  it('serves the files of the public folder by name', async () => {
    const { response, bytes } = await get('/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect(bytes.toString()).toContain('<svg');
  });

  it('answers HEAD like GET, without a body', async () => {
    const response = await fetch(`${server.url}/w/demo`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
  });
});

describe('assets', () => {
  it('sends a hashed file immutable, gzipped when accepted', async () => {
    const gzipped = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate' });
    expect(gzipped.response.status).toBe(200);
    expect(gzipped.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(gzipped.response.headers.get('content-type')).toContain('javascript');
    expect(gzipped.response.headers.get('vary')).toContain('accept-encoding');
    // fetch decodes the body as it arrives; the encoding header says what was sent.
    expect(gzipped.response.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.bytes.toString()).toBe(SCRIPT);

    const raw = await fetch(`${server.url}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect(await raw.text()).toBe(SCRIPT);
    const refused = await fetch(`${server.url}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'gzip;q=0' },
    });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('sends a file without a gzipped copy as it is', async () => {
    const { response, bytes } = await get('/assets/plain-def456.css', { 'accept-encoding': 'gzip' });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-type')).toContain('text/css');
    expect(bytes.toString()).toBe('body{}');
  });

  it.each([
    '/assets/missing-000.js',
    '/assets/index-abc123.js.gz',
    '/assets/..%2Findex.html',
    '/assets/%2e%2e%2f.inputs-hash',
  ])('%s is a 404, never the app or a file outside assets/', async (path) => {
    const { response, bytes } = await get(path);
    expect(response.status).toBe(404);
    expect(bytes.toString()).not.toContain('<title>Touchline');
  });
});

describe('the API beside the app', () => {
  it('keeps its JSON 404 for unknown API paths and for writes to page addresses', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing-here'],
      ['GET', '/api'],
      ['POST', '/w/demo'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { method });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
      expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
    }
  });

  it('still answers its routes and the snippet', async () => {
    expect((await get('/api/templates')).response.status).toBe(200);
    expect((await get('/touchline.js')).response.headers.get('content-type')).toContain('javascript');
  });
});

describe('before the app is built', () => {
  it('answers a page saying how to build it, and the API as always', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'touchline-web-empty-'));
    const bare = await startTestServer({ webDir: empty });
    try {
      const page = await fetch(`${bare.url}/w/demo/maps/123`);
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain(WEB_BUILD_COMMAND);
      expect((await fetch(`${bare.url}/api/templates`)).status).toBe(200);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('serves the API only when told there is no app', async () => {
    const apiOnly = await startTestServer({ webDir: false });
    try {
      const page = await fetch(`${apiOnly.url}/`);
      expect(page.status).toBe(404);
      expect(await page.json()).toMatchObject({ error: { code: 'not-found' } });
    } finally {
      await apiOnly.close();
    }
  });
});
