import type { JourneyMap } from '@touchline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const DAY_MS = 86_400_000;

let server: TestServer;
let clock: number;
beforeEach(async () => {
  clock = Date.UTC(2026, 10, 1);
  server = await startTestServer({ now: () => clock });
});
afterEach(async () => {
  await server.close();
});

interface Created {
  link: { id: string; expiresAt: number | null; active: boolean };
  token: string;
  path: string;
}

/** Ann (owner) with the shoe map, and Ed, an editor of her workspace. */
async function shoeMap() {
  const ann = server.client();
  await ann.signUp('ann@example.com');
  const ed = await ann.addMember('ann', 'ed@example.com', 'editor', 'Ed');
  const map = await ann.post<{ id: string; title: string; document: JourneyMap }>(
    '/api/workspaces/ann/maps',
    {
      template: 'shoes',
      language: 'en',
    },
  );
  return { ann, ed, map: map.body, links: `/api/workspaces/ann/maps/${map.body.id}/share-links` };
}

describe('share links', () => {
  it('opens the map and its exports without signing in, until revoked', async () => {
    const { ann, ed, map, links } = await shoeMap();
    const created = await ed.post<Created>(links, {});
    expect(created.status).toBe(201);
    expect(created.body.path).toBe(`/shared/${created.body.token}`);
    expect(created.body.link).toMatchObject({ expiresAt: null, active: true });

    const visitor = server.client();
    const shared = await visitor.get<{ title: string; version: number; document: JourneyMap }>(
      `/api/shared/${created.body.token}`,
    );
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ title: map.title, version: 1, document: map.document });
    expect(shared.headers.get('cache-control')).toBe('no-store');
    const expected: Record<string, string> = {
      svg: 'image/svg+xml',
      png: 'image/png',
      pdf: 'application/pdf',
      md: 'text/markdown',
      csv: 'text/csv',
    };
    for (const [format, type] of Object.entries(expected)) {
      const reply = await visitor.download(`/api/shared/${created.body.token}/export?format=${format}`);
      expect(reply.status, format).toBe(200);
      expect(reply.headers.get('content-type'), format).toContain(type);
      expect(reply.body.length, format).toBeGreaterThan(0);
    }
    expect((await visitor.get(`/api/shared/${created.body.token}/export?format=yaml`)).status).toBe(400);

    const listed = await ann.get<{ id: string; active: boolean }[]>(links);
    expect(listed.body).toEqual([expect.objectContaining({ id: created.body.link.id, active: true })]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    expect((await ann.request('DELETE', `${links}/${created.body.link.id}`)).status).toBe(204);
    expect((await visitor.get(`/api/shared/${created.body.token}`)).status).toBe(404);
    expect((await visitor.get(`/api/shared/${created.body.token}/export?format=svg`)).status).toBe(404);
    expect((await ann.get<{ active: boolean }[]>(links)).body).toEqual([
      expect.objectContaining({ active: false }),
    ]);
    expect((await ann.request('DELETE', `${links}/${created.body.link.id}`)).status).toBe(404);
    expect((await visitor.get('/api/shared/tl_share_made-up')).status).toBe(404);
  });

  it('stops working when it expires, and shows the version saved since', async () => {
    const { ann, map, links } = await shoeMap();
    const inDays = await ann.post<Created>(links, { expiresInDays: 2 });
    expect(inDays.body.link.expiresAt).toBe(clock + 2 * DAY_MS);
    const at = await ann.post<Created>(links, { expiresAt: clock + 3 * DAY_MS });
    expect(at.body.link.expiresAt).toBe(clock + 3 * DAY_MS);
    const visitor = server.client();

    await ann.request('PUT', `/api/workspaces/ann/maps/${map.id}`, {
      baseVersion: 1,
      document: { ...map.document, title: 'Shoes, second version' },
    });
    const second = await visitor.get<{ title: string; version: number }>(`/api/shared/${inDays.body.token}`);
    expect(second.body).toMatchObject({ title: 'Shoes, second version', version: 2 });

    clock += 2 * DAY_MS - 1;
    expect((await visitor.get(`/api/shared/${inDays.body.token}`)).status).toBe(200);
    clock += 1;
    expect((await visitor.get(`/api/shared/${inDays.body.token}`)).status).toBe(404);
    expect((await visitor.get(`/api/shared/${inDays.body.token}/export?format=png`)).status).toBe(404);
    expect((await visitor.get(`/api/shared/${at.body.token}`)).status).toBe(200);
    clock += DAY_MS;
    expect((await visitor.get(`/api/shared/${at.body.token}`)).status).toBe(404);
    expect((await ann.get<{ active: boolean }[]>(links)).body.map((link) => link.active)).toEqual([
      false,
      false,
    ]);
  });

  it('stops working when the map is deleted', async () => {
    const { ann, map, links } = await shoeMap();
    const created = await ann.post<Created>(links, {});
    expect((await ann.request('DELETE', `/api/workspaces/ann/maps/${map.id}`)).status).toBe(204);
    expect((await server.client().get(`/api/shared/${created.body.token}`)).status).toBe(404);
  });

  it('refuses an expiry in the past, too far ahead, or given twice', async () => {
    const { ann, links } = await shoeMap();
    expect((await ann.post(links, { expiresAt: clock - 1 })).status).toBe(400);
    expect((await ann.post(links, { expiresInDays: 0 })).status).toBe(400);
    expect((await ann.post(links, { expiresInDays: 5000 })).status).toBe(400);
    expect((await ann.post(links, { expiresInDays: 1, expiresAt: clock + DAY_MS })).status).toBe(400);
    expect((await ann.get<unknown[]>(links)).body).toEqual([]);
  });
});
