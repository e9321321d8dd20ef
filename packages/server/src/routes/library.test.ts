import { buildShoesMap, type JourneyMap } from '@touchline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedMap, team } from '../testing/team.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let people: Awaited<ReturnType<typeof team>>;
let library: string;

beforeEach(async () => {
  server = await startTestServer({ config: { openSignup: true } });
  people = await team(server);
  library = `/api/workspaces/${people.slug}/library`;
});
afterEach(async () => {
  await server.close();
});

interface Entry<T = { id: string; name: string }> {
  kind: string;
  item: T;
  updatedBy: string | null;
  updatedAt: number;
}
interface Outcome {
  kind: string;
  id: string;
  outcome: 'added' | 'replaced' | 'kept';
}
interface Usage {
  kind: string;
  id: string;
  name: string;
  maps: { id: string; title: string; status: string }[];
}

const newsletter = {
  id: 'newsletter',
  name: 'Newsletter',
  channel: 'email',
  mode: 'online',
  department: 'marketing',
  match: [{ event: 'email_click', where: [{ property: 'campaign', op: 'starts-with', value: 'nl-' }] }],
};

describe('library items', () => {
  it('adds, replaces, lists, reads and removes items of each kind', async () => {
    const { eddie, vic } = people;
    const added = await eddie.client.request<Entry>('PUT', `${library}/departments/marketing`, {
      id: 'marketing',
      name: 'Marketing',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      kind: 'department',
      item: { name: 'Marketing' },
      updatedBy: eddie.id,
    });
    const replaced = await eddie.client.request<Entry>('PUT', `${library}/departments/marketing`, {
      id: 'marketing',
      name: 'Online marketing',
      description: 'Ads, e-mail and the site',
    });
    expect(replaced.status).toBe(200);
    expect((await eddie.client.request('PUT', `${library}/touchpoints/newsletter`, newsletter)).status).toBe(
      201,
    );
    expect(
      (await eddie.client.request('PUT', `${library}/personas/buyer`, { id: 'buyer', name: 'Buyer' })).status,
    ).toBe(201);

    const departments = await vic.client.get<Entry[]>(`${library}/departments`);
    expect(departments.body.map((e) => e.item)).toEqual([
      { id: 'marketing', name: 'Online marketing', description: 'Ads, e-mail and the site' },
    ]);
    const touchpoint = await vic.client.get<Entry<typeof newsletter>>(`${library}/touchpoints/newsletter`);
    expect(touchpoint.body.item).toEqual(newsletter);
    expect((await vic.client.get<Entry[]>(`${library}/personas`)).body.map((e) => e.item.id)).toEqual([
      'buyer',
    ]);

    // The department keeps its touchpoint's reference whole.
    const inUse = await eddie.client.request('DELETE', `${library}/departments/marketing`);
    expect(inUse.status).toBe(409);
    expect(inUse.body).toMatchObject({
      error: { code: 'in-use', message: expect.stringContaining('newsletter') },
    });
    expect((await eddie.client.request('DELETE', `${library}/touchpoints/newsletter`)).status).toBe(204);
    expect((await eddie.client.request('DELETE', `${library}/departments/marketing`)).status).toBe(204);
    expect((await vic.client.get(`${library}/departments/marketing`)).status).toBe(404);
    expect((await eddie.client.request('DELETE', `${library}/departments/marketing`)).status).toBe(404);
  });

  it('takes a touchpoint only once the library holds its department', async () => {
    const reply = await people.eddie.client.request('PUT', `${library}/touchpoints/newsletter`, newsletter);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: { code: 'unknown-department', message: expect.stringContaining('"marketing"') },
    });
  });

  it('answers bad items with 400 and the fields at fault', async () => {
    const { eddie } = people;
    const cases: [string, unknown, string][] = [
      ['touchpoints/ad', { id: 'ad', name: 'Ad', channel: 'billboard', mode: 'offline' }, 'channel'],
      ['touchpoints/ad', { id: 'ad', name: 'Ad', mode: 'online' }, 'channel'],
      ['personas/buyer', { id: 'buyer', name: 'Buyer', age: 40 }, ''],
      ['personas/buyer', { id: 'buyer', name: '' }, 'name'],
      ['departments/Sales Team', { id: 'Sales Team', name: 'Sales' }, 'id'],
    ];
    for (const [path, body, field] of cases) {
      const reply = await eddie.client.request('PUT', `${library}/${path}`, body);
      expect(reply.status, path).toBe(400);
      expect(reply.body).toMatchObject({
        error: {
          code: 'invalid-input',
          details: expect.arrayContaining([expect.objectContaining({ path: field })]),
        },
      });
    }
    const mismatch = await eddie.client.request('PUT', `${library}/personas/buyer`, {
      id: 'seller',
      name: 'Seller',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ error: { code: 'id-mismatch' } });
    const query = await eddie.client.post(`${library}/from-map/${people.map.id}?replace=maybe`);
    expect(query.status).toBe(400);
    expect((await eddie.client.get(`${library}/channels`)).status).toBe(404);
    expect((await eddie.client.get<Entry[]>(`${library}/personas`)).body).toEqual([]);
  });
});

describe('who may see and change the library', () => {
  it('keeps viewers and read keys to reading', async () => {
    const { ann, vic } = people;
    await ann.client.request('PUT', `${library}/personas/buyer`, { id: 'buyer', name: 'Buyer' });
    const attempts = await Promise.all([
      vic.client.request('PUT', `${library}/personas/student`, { id: 'student', name: 'Student' }),
      vic.client.request('DELETE', `${library}/personas/buyer`),
      vic.client.post(`${library}/from-map/${people.map.id}`),
    ]);
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403);
      expect(attempt.body).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await vic.client.get<Entry[]>(`${library}/personas`)).body).toHaveLength(1);
    expect((await vic.client.get(`${library}/usage`)).status).toBe(200);

    const key = await ann.client.post<{ key: string }>(`/api/workspaces/${people.slug}/keys`, {
      name: 'wiki',
      scope: 'read',
    });
    const program = server.client();
    program.apiKey = key.body.key;
    expect((await program.get<Entry[]>(`${library}/personas`)).body).toHaveLength(1);
    expect((await program.request('PUT', `${library}/personas/x`, { id: 'x', name: 'X' })).status).toBe(403);
  });

  it("never shows another workspace's library, nor reaches its maps", async () => {
    const { ann, zed, zedMap } = people;
    await ann.client.request('PUT', `${library}/personas/buyer`, { id: 'buyer', name: "Ann's buyer" });
    const zedLibrary = `/api/workspaces/${people.zedSlug}/library`;
    await zed.client.request('PUT', `${zedLibrary}/personas/buyer`, { id: 'buyer', name: "Zed's buyer" });
    const outsider = await Promise.all([
      zed.client.get(`${library}/personas`),
      zed.client.get(`${library}/personas/buyer`),
      zed.client.get(`${library}/usage`),
      zed.client.request('PUT', `${library}/personas/buyer`, { id: 'buyer', name: 'Mine' }),
      zed.client.request('DELETE', `${library}/personas/buyer`),
      // Ann's map through Zed's workspace, and Zed's through Ann's.
      zed.client.post(`${zedLibrary}/from-map/${people.map.id}`),
      zed.client.get(`${zedLibrary}/links/${people.map.id}`),
      ann.client.post(`${library}/from-map/${zedMap.id}`),
    ]);
    for (const reply of outsider) expect(reply.status).toBe(404);
    expect((await ann.client.get<Entry>(`${library}/personas/buyer`)).body.item.name).toBe("Ann's buyer");
    expect((await zed.client.get<Entry>(`${zedLibrary}/personas/buyer`)).body.item.name).toBe("Zed's buyer");
  });
});

describe('seeding the library from a map, and where its items are used', () => {
  it("copies a map's personas, touchpoints and departments, keeping what is there unless told to replace", async () => {
    const { eddie } = people;
    const shoes = buildShoesMap('en');
    await eddie.client.request('PUT', `${library}/personas/first-time-buyer`, {
      id: 'first-time-buyer',
      name: 'Our own first-time buyer',
    });
    const seeded = await eddie.client.post<{ items: Outcome[] }>(`${library}/from-map/${people.map.id}`);
    expect(seeded.status).toBe(200);
    const expected = [
      ...(shoes.departments ?? []).map((d) => ['department', d.id]),
      ...(shoes.touchpoints ?? []).map((t) => ['touchpoint', t.id]),
      ...shoes.personas.map((p) => ['persona', p.id]),
    ];
    expect(seeded.body.items.map((o) => [o.kind, o.id])).toEqual(expected);
    expect(seeded.body.items.filter((o) => o.outcome === 'kept').map((o) => o.id)).toEqual([
      'first-time-buyer',
    ]);
    expect((await eddie.client.get<Entry[]>(`${library}/touchpoints`)).body).toHaveLength(
      shoes.touchpoints?.length ?? 0,
    );
    expect((await eddie.client.get<Entry>(`${library}/personas/first-time-buyer`)).body.item.name).toBe(
      'Our own first-time buyer',
    );

    const again = await eddie.client.post<{ items: Outcome[] }>(`${library}/from-map/${people.map.id}`);
    expect(again.body.items.every((o) => o.outcome === 'kept')).toBe(true);
    const replaced = await eddie.client.post<{ items: Outcome[] }>(
      `${library}/from-map/${people.map.id}?replace=true`,
    );
    expect(replaced.body.items.every((o) => o.outcome === 'replaced')).toBe(true);
    expect((await eddie.client.get<Entry>(`${library}/personas/first-time-buyer`)).body.item).toEqual(
      shoes.personas.find((p) => p.id === 'first-time-buyer'),
    );
  });

  it('lists the maps that use each item and whether their copy differs, and links per map', async () => {
    const { eddie } = people;
    const shoes = buildShoesMap('en');
    const small: JourneyMap = {
      ...shoes,
      id: 'newsletter-signup',
      title: 'Signing up for the newsletter',
      personas: [{ id: 'first-time-buyer', name: 'Someone new' }],
      departments: [
        { id: 'web-team', name: 'Web team' },
        ...(shoes.departments ?? []).filter((d) => d.id === 'marketing'),
      ],
      touchpoints: shoes.touchpoints?.filter((t) => t.id === 'newsletter'),
      stages: [
        {
          id: 'signup',
          name: 'Sign-up',
          steps: [{ id: 'subscribes', name: 'Subscribes', touchpoints: ['newsletter'] }],
        },
      ],
    };
    const second = await storedMap(server, people.slug, small);
    await eddie.client.post(`${library}/from-map/${people.map.id}`);

    const usage = await eddie.client.get<Usage[]>(`${library}/usage`);
    expect(usage.status).toBe(200);
    const of = (kind: string, id: string) => usage.body.find((u) => u.kind === kind && u.id === id)?.maps;
    expect(of('touchpoint', 'newsletter')).toEqual(
      expect.arrayContaining([
        { id: people.map.id, title: people.map.title, status: 'linked' },
        { id: second.id, title: 'Signing up for the newsletter', status: 'linked' },
      ]),
    );
    expect(of('persona', 'first-time-buyer')).toEqual(
      expect.arrayContaining([
        { id: people.map.id, title: people.map.title, status: 'linked' },
        { id: second.id, title: 'Signing up for the newsletter', status: 'differs' },
      ]),
    );
    expect(of('touchpoint', 'ad')).toEqual([
      { id: people.map.id, title: people.map.title, status: 'linked' },
    ]);
    expect(usage.body.map((u) => u.id)).not.toContain('web-team');
    expect(usage.body).toHaveLength(
      shoes.personas.length + (shoes.touchpoints?.length ?? 0) + (shoes.departments?.length ?? 0),
    );

    const links = await eddie.client.get<{ kind: string; id: string; status: string; fields?: string[] }[]>(
      `${library}/links/${second.id}`,
    );
    expect(links.body).toEqual([
      {
        kind: 'persona',
        id: 'first-time-buyer',
        status: 'differs',
        fields: ['name', 'description', 'quote', 'goals'],
      },
      { kind: 'touchpoint', id: 'newsletter', status: 'linked' },
      { kind: 'department', id: 'web-team', status: 'local' },
      { kind: 'department', id: 'marketing', status: 'linked' },
    ]);
  });
});

describe('the OpenAPI document', () => {
  it('describes the library and comment routes with the schema of each kind', async () => {
    const doc = await server.client().get<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/workspaces/{workspace}/library/touchpoints/{id}',
        '/api/workspaces/{workspace}/library/from-map/{map}',
        '/api/workspaces/{workspace}/library/usage',
        '/api/workspaces/{workspace}/maps/{map}/comments/{comment}/replies',
        '/api/mentions',
      ]),
    );
    const touchpoint = doc.body.components.schemas.TouchpointEntry?.properties?.item as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(touchpoint.properties)).toEqual(expect.arrayContaining(['channel', 'mode', 'match']));
  });
});
