import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

it('serves the tracking snippet as JavaScript that other sites may load, under 3 KB gzipped', async () => {
  const reply = await server.client().get<string>('/touchline.js');
  expect(reply.status).toBe(200);
  expect(reply.headers.get('content-type')).toMatch(/^application\/javascript/);
  expect(reply.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  expect(reply.body).toContain('sendBeacon');
  expect(gzipSync(reply.body).length).toBeLessThan(3 * 1024);
});
