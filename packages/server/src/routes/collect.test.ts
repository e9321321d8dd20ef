import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let owner: TestClient;
let ingest: string;

async function workspaceEvents(slug = 'ann') {
  const workspace = await server.deps.store.workspaces.bySlug(slug);
  return (await server.deps.events.store(workspace?.id ?? '')).summary();
}

function event(i: number, extra: Record<string, unknown> = {}) {
  return {
    event_id: `e-${i}`,
    user_id: `c-${i % 7}`,
    timestamp: Date.UTC(2026, 10, 1, 0, 0, i),
    event: i % 3 === 0 ? 'order_completed' : 'page_view',
    channel: i % 2 === 0 ? 'email' : undefined,
    ...extra,
  };
}

beforeEach(async () => {
  server = await startTestServer({
    config: {
      limits: { ...(await import('../env.ts')).DEFAULT_CONFIG.limits, collectPerKey: { rate: 1, burst: 30 } },
    },
  });
  owner = server.client();
  await owner.signUp('ann@example.com');
  ingest = (await owner.post<{ key: string }>('/api/workspaces/ann/keys', { name: 'site', scope: 'ingest' }))
    .body.key;
});
afterEach(async () => {
  await server.close();
});

function site(key = ingest) {
  const client = server.client();
  client.apiKey = key;
  return client;
}

describe('POST /api/collect', () => {
  it('stores a good batch before it answers, and a re-sent one changes nothing', async () => {
    const batch = { events: Array.from({ length: 50 }, (_, i) => event(i)) };
    const reply = await site().post('/api/collect', batch);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ accepted: 50 });
    expect((await workspaceEvents()).events).toBe(50);
    expect((await site().post('/api/collect', batch)).status).toBe(200);
    expect((await workspaceEvents()).events).toBe(50);
  });

  it('refuses a batch with a bad event whole, with the reasons of each bad event', async () => {
    await site().post('/api/collect', { events: [event(1)] });
    const events = [
      event(2),
      event(3, { timestamp: 'yesterday' }),
      event(4, { user_id: '', revenue: 'lots' }),
    ];
    const reply = await site().post('/api/collect', { events });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      error: {
        code: 'invalid-events',
        message: expect.stringContaining('2 of 3 events are invalid; nothing was stored'),
        details: {
          invalidEvents: 2,
          events: [
            { index: 1, problems: ['timestamp "yesterday" is not a date'] },
            { index: 2, problems: ['user_id is empty', 'revenue "lots" is not a number'] },
          ],
        },
      },
    });
    expect((await workspaceEvents()).events).toBe(1);
  });

  it('refuses more than 1,000 events or 1 MB, and what is not JSON', async () => {
    const many = await site().post('/api/collect', {
      events: Array.from({ length: 1001 }, (_, i) => event(i)),
    });
    expect(many.status).toBe(413);
    expect(many.body).toMatchObject({ error: { code: 'too-many-events' } });
    const big = await site().post('/api/collect', {
      events: [event(1, { properties: { padding: 'x'.repeat(1024 * 1024) } })],
    });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ error: { code: 'too-large' } });
    const garbage = await site().request('POST', '/api/collect', '{"events": [', {
      'content-type': 'application/json',
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body).toMatchObject({ error: { code: 'invalid-json' } });
    expect((await workspaceEvents()).events).toBe(0);
  });

  it('takes the key from the body of a text/plain beacon, and answers CORS from any site', async () => {
    const reply = await server
      .client()
      .request('POST', '/api/collect', JSON.stringify({ key: ingest, events: [event(1)] }), {
        'content-type': 'text/plain;charset=UTF-8',
        origin: 'https://shop.example',
      });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    expect((await workspaceEvents()).events).toBe(1);
  });

  it('needs an ingest key of the workspace', async () => {
    expect((await server.client().post('/api/collect', { events: [event(1)] })).status).toBe(401);
    expect((await site('tl_ingest_made-up').post('/api/collect', { events: [event(1)] })).status).toBe(401);
    const read = (await owner.post<{ key: string }>('/api/workspaces/ann/keys', { name: 'r', scope: 'read' }))
      .body.key;
    expect((await site(read).post('/api/collect', { events: [event(1)] })).status).toBe(403);
    expect((await owner.post('/api/collect', { events: [event(1)] })).status).toBe(401);
    expect((await workspaceEvents()).events).toBe(0);
  });

  it('keeps one workspace’s events out of another', async () => {
    await owner.post('/api/workspaces', { name: 'Other', slug: 'other' });
    await site().post('/api/collect', { events: [event(1), event(2)] });
    expect((await workspaceEvents('ann')).events).toBe(2);
    expect((await workspaceEvents('other')).events).toBe(0);
  });

  it('slows a key down past its limit', async () => {
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i++) {
      status = (await site().post('/api/collect', { events: [event(i)] })).status;
    }
    expect(status).toBe(429);
  });
});
