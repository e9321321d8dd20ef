import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startServer } from './serve.ts';
import { startTestServer, TestClient, type TestServer } from './testing/test-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it('starts a new server with the demo workspace, owned by the first person to sign up', async () => {
  server = await startTestServer({ demo: true, demoCustomers: 150 });
  const signedUp = await server.client().signUp('ann@example.com');
  expect(signedUp.body.workspaces).toEqual([expect.objectContaining({ slug: 'demo', role: 'owner' })]);
  const workspace = await server.deps.store.workspaces.bySlug('demo');
  const maps = await server.deps.store.maps.list(workspace?.id ?? '');
  expect(maps.map((m) => m.title)).toEqual(['Buying shoes online']);
  const summary = await (await server.deps.events.store(workspace?.id ?? '')).summary();
  expect(summary.customers).toBe(150);
  expect(summary.events).toBeGreaterThan(150);
  expect(summary.costRows).toBeGreaterThan(0);
});

it('makes the demo only when the server has no workspace, and keeps everything across a restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'touchline-server-'));
  try {
    const first = await startServer({ dataDir, port: 0, demo: false });
    await new TestClient(first.url).signUp('ann@example.com');
    await first.close();
    const again = await startServer({ dataDir, port: 0, demo: true, demoCustomers: 50 });
    try {
      expect((await again.deps.store.workspaces.all()).map((w) => w.slug)).toEqual(['ann']);
      const signIn = await new TestClient(again.url).post('/api/auth/signin', {
        email: 'ann@example.com',
        password: 'correct horse battery',
      });
      expect(signIn.status).toBe(200);
    } finally {
      await again.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
