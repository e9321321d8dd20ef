/**
 * The access matrix: every route of the OpenAPI document against one table of who may call it.
 *
 * - Another workspace's data is never visible: Eve, owner of workspace `eve`, and her API keys get
 *   the 404 of a workspace that does not exist on every route of workspace `ann`, and Eve gets 404
 *   when she names ann's resources in her own workspace; nothing of ann's changes.
 * - Roles: a member below the route's `may` gets 403 (a viewer cannot write, an editor cannot
 *   manage); the least role that may gets its answer, on resources of its own.
 * - API keys: a read key gets 403 on every route but the reads marked `member or read key`; an
 *   ingest key gets 403 everywhere but POST /api/collect.
 * - Routes outside workspaces keep their rule: public, signed-in (a person, not a key), or the
 *   token in the request.
 *
 * The routes come from /api/openapi.json, so a route added later fails here, by name, until the
 * table says who may call it.
 */
import { buildShoesMap } from '@touchline/core';
import type { Role } from '@touchline/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../env.ts';
import { invited, storedMap } from '../testing/team.ts';
import { type Reply, startTestServer, type TestClient } from '../testing/test-server.ts';

/** Ids of one set of ann's resources, as the routes' paths, queries and bodies name them. */
interface Resources {
  /** Tells sets apart in names and e-mails. */
  n: number;
  workspace: string;
  map: string;
  version: string;
  comment: string;
  key: string;
  invitation: string;
  invitationToken: string;
  link: string;
  shareToken: string;
  user: string;
  persona: string;
  touchpoint: string;
  department: string;
}

/** One request of a route: path parameters the resources do not name, the query and a valid body. */
interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A route of a workspace. Who else asks gets, whatever the route: someone outside the workspace
 * and every key of another workspace 404, as for a workspace that does not exist; a member or a
 * key of the workspace below `may` 403.
 */
interface WorkspaceRoute {
  scope: 'workspace';
  may: 'member or read key' | 'member' | 'editor' | 'owner';
  /** The answer to those who may. */
  ok: number;
  call?: (r: Resources) => Call;
}

/** A route outside workspaces, with its rule in words. */
interface OutsideRoute {
  scope: 'public' | 'signed-in' | 'token';
  rule: string;
  ok: number;
  call?: (r: Resources) => Call;
  /** Token routes: who holds the token, and the answer to a made-up one. */
  holder?: 'anyone' | 'the invited person' | 'an ingest key';
  forged?: number;
  /** The keys' answers, where keys are neither refused as on every signed-in route nor beside the point. */
  keys?: { read: number; ingest: number };
}

type Access = WorkspaceRoute | OutsideRoute;

const ws = (may: WorkspaceRoute['may'], ok: number, call?: (r: Resources) => Call): WorkspaceRoute => ({
  scope: 'workspace',
  may,
  ok,
  ...(call ? { call } : {}),
});

/** The routes of one kind of library item, about ann's item of that kind. */
function libraryItemRoutes(
  plural: string,
  idOf: (r: Resources) => string,
  item: (id: string) => Record<string, unknown>,
): Record<string, WorkspaceRoute> {
  const base = `/api/workspaces/{workspace}/library/${plural}`;
  const named = (r: Resources) => ({ params: { id: idOf(r) } });
  return {
    [`GET ${base}`]: ws('member or read key', 200),
    [`GET ${base}/{id}`]: ws('member or read key', 200, named),
    // Ann's item exists already: a put replaces it (200).
    [`PUT ${base}/{id}`]: ws('editor', 200, (r) => ({ ...named(r), body: item(idOf(r)) })),
    [`DELETE ${base}/{id}`]: ws('editor', 204, named),
  };
}

const SHOES = buildShoesMap('en');
/** An event ann's store holds from the start: sending it again changes nothing (same event_id). */
const KNOWN_EVENT = {
  event_id: 'access-1',
  user_id: 'c-1',
  timestamp: Date.UTC(2026, 9, 1, 9),
  event: 'page_view',
  channel: 'email',
};
const ANN_EVENTS = [
  KNOWN_EVENT,
  { event_id: 'access-2', user_id: 'c-1', timestamp: Date.UTC(2026, 9, 1, 10), event: 'order_completed' },
  { event_id: 'access-3', user_id: 'c-2', timestamp: Date.UTC(2026, 9, 2, 9), event: 'page_view' },
];
const PASSWORD = 'correct horse battery';

const ACCESS: Record<string, Access> = {
  // Signing up, in and out, and the session.
  'POST /api/auth/signup': {
    scope: 'public',
    rule: 'anyone (sign-up is open on this server; otherwise the first owner and people invited)',
    ok: 201,
    call: (r) => ({ body: { email: `newcomer-${r.n}@example.net`, name: 'Newcomer', password: PASSWORD } }),
  },
  'POST /api/auth/signin': {
    scope: 'public',
    rule: 'anyone, with the right password',
    ok: 200,
    call: () => ({ body: { email: 'eve@example.org', password: PASSWORD } }),
  },
  'POST /api/auth/signout': {
    scope: 'public',
    rule: 'anyone; ends the session of the cookie sent, and no other',
    ok: 204,
  },
  'GET /api/auth/session': { scope: 'signed-in', rule: "a person's own session", ok: 200 },

  // Workspaces, members and invitations.
  'GET /api/workspaces': { scope: 'signed-in', rule: 'the workspaces the person belongs to', ok: 200 },
  'POST /api/workspaces': {
    scope: 'signed-in',
    rule: 'anyone signed in makes a workspace, owned by them',
    ok: 201,
    call: (r) => ({ body: { name: `Side project ${r.n}` } }),
  },
  'GET /api/workspaces/{workspace}': ws('member or read key', 200),
  'PATCH /api/workspaces/{workspace}': ws('owner', 200, () => ({ body: { name: "ann's workspace" } })),
  'GET /api/workspaces/{workspace}/members': ws('member', 200),
  // Ann's own id for those who may not: the answer cannot be "not a member" or "the last owner".
  'PUT /api/workspaces/{workspace}/members/{user}': ws('owner', 200, () => ({ body: { role: 'viewer' } })),
  // Also: a member may remove himself (leave); see 'a member may leave' below.
  'DELETE /api/workspaces/{workspace}/members/{user}': ws('owner', 204),
  'POST /api/workspaces/{workspace}/invitations': ws('owner', 201, (r) => ({
    body: { email: `invitee-${r.n}-again@example.com`, role: 'viewer' },
  })),
  'GET /api/workspaces/{workspace}/invitations': ws('owner', 200),
  'DELETE /api/workspaces/{workspace}/invitations/{invitation}': ws('owner', 204),
  'POST /api/invitations/accept': {
    scope: 'token',
    rule: 'the invitation token, by the signed-in person it was sent to',
    ok: 200,
    holder: 'the invited person',
    forged: 400,
    call: (r) => ({ body: { token: r.invitationToken } }),
    keys: { read: 403, ingest: 403 },
  },

  // API keys.
  'GET /api/workspaces/{workspace}/keys': ws('owner', 200),
  'POST /api/workspaces/{workspace}/keys': ws('owner', 201, () => ({ body: { name: 'CI', scope: 'read' } })),
  'DELETE /api/workspaces/{workspace}/keys/{key}': ws('owner', 204),

  // Maps.
  'GET /api/workspaces/{workspace}/maps': ws('member or read key', 200),
  'POST /api/workspaces/{workspace}/maps': ws('editor', 201, () => ({
    body: { template: 'shoes', language: 'en' },
  })),
  'POST /api/workspaces/{workspace}/maps/import': ws('editor', 201, () => ({
    body: JSON.stringify(SHOES),
    headers: { 'content-type': 'application/json' },
  })),
  'GET /api/workspaces/{workspace}/maps/{map}': ws('member or read key', 200),
  'PUT /api/workspaces/{workspace}/maps/{map}': ws('editor', 200, (r) => ({
    body: { baseVersion: Number(r.version), document: { ...SHOES, title: 'Shoes, again' } },
  })),
  'DELETE /api/workspaces/{workspace}/maps/{map}': ws('editor', 204),
  'GET /api/workspaces/{workspace}/maps/{map}/versions': ws('member or read key', 200),
  'GET /api/workspaces/{workspace}/maps/{map}/diff': ws('member or read key', 200, (r) => ({
    query: { from: r.version },
  })),
  'POST /api/workspaces/{workspace}/maps/{map}/versions/{version}/restore': ws('editor', 200, (r) => ({
    body: { baseVersion: Number(r.version) },
  })),
  'GET /api/workspaces/{workspace}/maps/{map}/export': ws('member or read key', 200, () => ({
    query: { format: 'json' },
  })),
  'GET /api/templates': { scope: 'public', rule: 'anyone', ok: 200 },
  'GET /api/templates/{id}/preview.svg': {
    scope: 'public',
    rule: 'anyone',
    ok: 200,
    call: () => ({ params: { id: 'shoes' } }),
  },

  // Share links.
  'POST /api/workspaces/{workspace}/maps/{map}/share-links': ws('editor', 201, () => ({ body: {} })),
  'GET /api/workspaces/{workspace}/maps/{map}/share-links': ws('editor', 200),
  'DELETE /api/workspaces/{workspace}/maps/{map}/share-links/{link}': ws('editor', 204),
  'GET /api/shared/{token}': {
    scope: 'token',
    rule: "the share link's token, without signing in",
    ok: 200,
    holder: 'anyone',
    forged: 404,
    call: (r) => ({ params: { token: r.shareToken } }),
  },
  'GET /api/shared/{token}/export': {
    scope: 'token',
    rule: "the share link's token, without signing in",
    ok: 200,
    holder: 'anyone',
    forged: 404,
    call: (r) => ({ params: { token: r.shareToken }, query: { format: 'csv' } }),
  },

  // Events.
  'POST /api/collect': {
    scope: 'token',
    rule: 'an ingest key (header or body) sends to its own workspace; sessions are ignored',
    ok: 200,
    holder: 'an ingest key',
    forged: 401,
    call: () => ({ body: { events: [KNOWN_EVENT] } }),
    keys: { read: 403, ingest: 200 },
  },

  // Comments.
  'GET /api/workspaces/{workspace}/maps/{map}/comments': ws('member or read key', 200),
  'POST /api/workspaces/{workspace}/maps/{map}/comments': ws('editor', 201, () => ({
    body: { cell: 'step:checkout', body: 'Shipping costs again?' },
  })),
  'GET /api/workspaces/{workspace}/maps/{map}/comments/{comment}': ws('member or read key', 200),
  // Only its author edits a comment: the fresh thread is the editor's.
  'PATCH /api/workspaces/{workspace}/maps/{map}/comments/{comment}': ws('editor', 200, () => ({
    body: { body: 'Shipping costs, still?' },
  })),
  'DELETE /api/workspaces/{workspace}/maps/{map}/comments/{comment}': ws('editor', 204),
  'POST /api/workspaces/{workspace}/maps/{map}/comments/{comment}/replies': ws('editor', 201, () => ({
    body: { body: 'Yes' },
  })),
  'POST /api/workspaces/{workspace}/maps/{map}/comments/{comment}/resolve': ws('editor', 200),
  'POST /api/workspaces/{workspace}/maps/{map}/comments/{comment}/reopen': ws('editor', 200),
  'GET /api/mentions': {
    scope: 'signed-in',
    rule: 'comments that mention the person, in workspaces they belong to (now)',
    ok: 200,
  },

  // The workspace library.
  'GET /api/workspaces/{workspace}/library/usage': ws('member or read key', 200),
  'GET /api/workspaces/{workspace}/library/links/{map}': ws('member or read key', 200),
  'POST /api/workspaces/{workspace}/library/from-map/{map}': ws('editor', 200),
  ...libraryItemRoutes(
    'personas',
    (r) => r.persona,
    (id) => ({ id, name: 'Returning buyer' }),
  ),
  ...libraryItemRoutes(
    'touchpoints',
    (r) => r.touchpoint,
    (id) => ({
      id,
      name: 'Newsletter',
      channel: 'email',
      mode: 'online',
    }),
  ),
  ...libraryItemRoutes(
    'departments',
    (r) => r.department,
    (id) => ({ id, name: 'Customer service' }),
  ),

  // Analytics.
  'GET /api/workspaces/{workspace}/analytics/funnel': ws('member or read key', 200, () => ({
    query: { steps: 'page_view,order_completed' },
  })),
  'GET /api/workspaces/{workspace}/analytics/paths': ws('member or read key', 200),
  'GET /api/workspaces/{workspace}/analytics/discover': ws('member or read key', 200, (r) => ({
    query: { map: r.map },
  })),
  'GET /api/workspaces/{workspace}/analytics/touches': ws('member or read key', 200, () => ({
    query: { conversion: 'order_completed' },
  })),
  'GET /api/workspaces/{workspace}/analytics/attribution': ws('member or read key', 200, () => ({
    query: { conversion: 'order_completed' },
  })),
  'GET /api/workspaces/{workspace}/analytics/report': ws('member or read key', 200, (r) => ({
    query: { map: r.map },
  })),
  'GET /api/workspaces/{workspace}/analytics/summary': ws('member or read key', 200),
};

/** Routes served beside the OpenAPI document, not in it: public. */
const UNDOCUMENTED_PUBLIC_ROUTES = ['/touchline.js', '/api/openapi.json'];

const server = await startTestServer({
  // Open sign-up gives Eve a workspace of her own; sign-ups and sign-ins here outnumber the limit's burst.
  config: { openSignup: true, limits: { ...DEFAULT_CONFIG.limits, signIn: { rate: 1, burst: 1_000 } } },
});
afterAll(async () => {
  await server.close();
});

const document = await server
  .client()
  .get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** Every route of the document, as "METHOD /path". */
const ROUTES = Object.entries(document.body.paths).flatMap(([path, operations]) =>
  Object.keys(operations)
    .filter((method) => HTTP_METHODS.has(method))
    .map((method) => `${method.toUpperCase()} ${path}`),
);
const isWorkspaceRoute = (route: string) => route.split(' ')[1]?.startsWith('/api/workspaces/{workspace}');
const WORKSPACE_ROUTES = ROUTES.filter(isWorkspaceRoute);
const OUTSIDE_ROUTES = ROUTES.filter((route) => !isWorkspaceRoute(route));

function accessOf(route: string): Access {
  const access = ACCESS[route];
  if (!access) throw new Error(`${route} has no entry in the access table: say who may call it`);
  return access;
}

function workspaceAccessOf(route: string): WorkspaceRoute {
  const access = accessOf(route);
  if (access.scope !== 'workspace')
    throw new Error(`${route} is a route of a workspace: give it scope 'workspace' in the table`);
  return access;
}

function outsideAccessOf(route: string): OutsideRoute {
  const access = accessOf(route);
  if (access.scope === 'workspace')
    throw new Error(`${route} is outside workspaces: give it scope public, signed-in or token`);
  return access;
}

/** The path parameters the resources name; the table's calls add the rest. */
function pathParameters(r: Resources): Record<string, string> {
  const { workspace, map, version, comment, key, invitation, link, user } = r;
  return { workspace, map, version, comment, key, invitation, link, user };
}

/** Sends the table's request of `route` about the resources `r`. */
function send(client: TestClient, route: string, r: Resources): Promise<Reply> {
  const [method = '', template = ''] = route.split(' ');
  const call = accessOf(route).call?.(r) ?? {};
  const values = { ...pathParameters(r), ...call.params };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${route}: the table gives no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const query = call.query ? `?${new URLSearchParams(call.query)}` : '';
  return client.request(method, `${path}${query}`, call.body, call.headers);
}

/** Whether the route's request names one of ann's resources, beyond her workspace. */
function namesResources(route: string, r: Resources): boolean {
  return (
    /\{(map|comment|key|invitation|link|user|version)\}/.test(route) ||
    accessOf(route).call?.(r).query?.map !== undefined
  );
}

/** What someone outside a workspace gets: the answer for a workspace that does not exist. */
const HIDDEN = { error: { code: 'not-found', message: 'workspace ann was not found' } };
const FORBIDDEN = { error: { code: 'forbidden', message: expect.any(String) } };

const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };
const leastRole = (may: WorkspaceRoute['may']): Role =>
  may === 'member' || may === 'member or read key' ? 'viewer' : may;

let ann: TestClient;
let eddie: TestClient;
let vic: TestClient;
let eve: TestClient;
const keyClients = {
  annRead: server.client(),
  annIngest: server.client(),
  eveRead: server.client(),
  eveIngest: server.client(),
};
let annId = '';
let annWorkspaceId = '';
let annsResources: Resources;
let annBefore: unknown;
let sets = 0;

/** A fresh set of resources in ann's workspace; `user` is the member the member routes name (a new viewer by default). */
async function annResources(user?: string): Promise<Resources> {
  const n = ++sets;
  const expectStatus = (reply: Reply, status: number, what: string) => {
    if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  };
  const map = await storedMap(server, 'ann', SHOES);
  const maps = `/api/workspaces/ann/maps/${map.id}`;
  const thread = await eddie.post<{ id: string }>(`${maps}/comments`, {
    cell: 'step:checkout',
    body: 'Is this still true, @vic?',
  });
  expectStatus(thread, 201, 'starting a thread');
  const key = await ann.post<{ apiKey: { id: string } }>('/api/workspaces/ann/keys', {
    name: `key ${n}`,
    scope: 'read',
  });
  expectStatus(key, 201, 'making a key');
  const invitation = await ann.post<{ invitation: { id: string }; token: string }>(
    '/api/workspaces/ann/invitations',
    { email: `invitee-${n}@example.com`, role: 'viewer' },
  );
  expectStatus(invitation, 201, 'inviting');
  const link = await ann.post<{ link: { id: string }; token: string }>(`${maps}/share-links`, {});
  expectStatus(link, 201, 'sharing');
  const items = {
    persona: { id: `buyer-${n}`, name: 'Buyer' },
    touchpoint: { id: `newsletter-${n}`, name: 'Newsletter', channel: 'email', mode: 'online' },
    department: { id: `marketing-${n}`, name: 'Marketing' },
  };
  for (const [kind, item] of Object.entries(items)) {
    const put = await ann.request('PUT', `/api/workspaces/ann/library/${kind}s/${item.id}`, item);
    expectStatus(put, 201, `adding ${kind} ${item.id}`);
  }
  let member = user;
  if (member === undefined) {
    const person = await server.deps.store.accounts.createUser({
      email: `member-${n}@example.com`,
      name: `Member ${n}`,
      passwordHash: 'never signs in',
    });
    await server.deps.store.workspaces.setMember(annWorkspaceId, person.id, 'viewer');
    member = person.id;
  }
  return {
    n,
    workspace: 'ann',
    map: map.id,
    version: String(map.version),
    comment: thread.body.id,
    key: key.body.apiKey.id,
    invitation: invitation.body.invitation.id,
    invitationToken: invitation.body.token,
    link: link.body.link.id,
    shareToken: link.body.token,
    user: member,
    persona: items.persona.id,
    touchpoint: items.touchpoint.id,
    department: items.department.id,
  };
}

/** What ann's workspace holds, as its owner reads it: a request that changed anything changes this. */
async function annState() {
  const read = async <T = unknown>(path: string) => {
    const reply = await ann.get<T>(path);
    expect(reply.status, path).toBe(200);
    return reply.body;
  };
  const base = '/api/workspaces/ann';
  const map = `${base}/maps/${annsResources.map}`;
  const keys = await read<{ lastUsedAt: number | null }[]>(`${base}/keys`);
  return {
    workspace: await read(base),
    members: await read(`${base}/members`),
    invitations: await read(`${base}/invitations`),
    // Using a key is no change to it.
    keys: keys.map(({ lastUsedAt: _, ...key }) => key),
    maps: await read(`${base}/maps`),
    map: await read(map),
    versions: await read(`${map}/versions`),
    comments: await read(`${map}/comments`),
    shareLinks: await read(`${map}/share-links`),
    library: await read(`${base}/library/usage`),
    personas: await read(`${base}/library/personas`),
    touchpoints: await read(`${base}/library/touchpoints`),
    departments: await read(`${base}/library/departments`),
    events: await read(`${base}/analytics/summary`),
  };
}

async function newKey(owner: TestClient, slug: string, scope: 'read' | 'ingest') {
  const reply = await owner.post<{ key: string }>(`/api/workspaces/${slug}/keys`, { name: scope, scope });
  if (reply.status !== 201) throw new Error(`making a ${scope} key of ${slug}: ${reply.status}`);
  return reply.body.key;
}

beforeAll(async () => {
  ann = server.client();
  const annSignedUp = await ann.signUp('ann@example.com', PASSWORD);
  annId = annSignedUp.body.user.id;
  annWorkspaceId = (await server.deps.store.workspaces.bySlug('ann'))?.id ?? '';
  eddie = (await invited(server, ann, 'ann', 'eddie@example.com', 'editor', 'Eddie')).client;
  vic = (await invited(server, ann, 'ann', 'vic@example.com', 'viewer', 'Vic')).client;
  eve = server.client();
  const eveSignedUp = await eve.signUp('eve@example.org', PASSWORD);
  expect(eveSignedUp.body.workspaces).toEqual([expect.objectContaining({ slug: 'eve', role: 'owner' })]);
  keyClients.annRead.apiKey = await newKey(ann, 'ann', 'read');
  keyClients.annIngest.apiKey = await newKey(ann, 'ann', 'ingest');
  keyClients.eveRead.apiKey = await newKey(eve, 'eve', 'read');
  keyClients.eveIngest.apiKey = await newKey(eve, 'eve', 'ingest');
  expect((await keyClients.annIngest.post('/api/collect', { events: ANN_EVENTS })).status).toBe(200);
  annsResources = await annResources(annId);
  annBefore = await annState();
}, 60_000);

it.each(ROUTES)('%s has an entry in the access table', (route) => {
  expect(() => accessOf(route)).not.toThrow();
  expect(accessOf(route).scope === 'workspace').toBe(isWorkspaceRoute(route));
});

it('names only routes of the OpenAPI document', () => {
  expect(Object.keys(ACCESS).filter((route) => !ROUTES.includes(route))).toEqual([]);
});

describe("another workspace's data is never visible", () => {
  it.each(WORKSPACE_ROUTES)('%s: 404 to Eve and her keys', async (route) => {
    workspaceAccessOf(route);
    for (const [who, client] of [
      ['Eve', eve],
      ["Eve's read key", keyClients.eveRead],
      ["Eve's ingest key", keyClients.eveIngest],
    ] as const) {
      const reply = await send(client, route, annsResources);
      expect({ who, status: reply.status, body: reply.body }).toEqual({ who, status: 404, body: HIDDEN });
    }
    if (namesResources(route, annsResources)) {
      // In her own workspace Eve may do anything; ann's ids still find nothing.
      const reply = await send(eve, route, { ...annsResources, workspace: 'eve' });
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({
        error: { code: 'not-found', message: expect.not.stringMatching(/^no route/) },
      });
    }
  });

  it('leaves everything of ann as it was', async () => {
    expect(await annState()).toEqual(annBefore);
  });
});

describe('a viewer cannot write, an editor cannot manage', () => {
  it.each(WORKSPACE_ROUTES)('%s', async (route) => {
    const { may, ok } = workspaceAccessOf(route);
    const least = ROLE_RANK[leastRole(may)];
    for (const [role, client] of [
      ['viewer', vic],
      ['editor', eddie],
    ] as const) {
      if (ROLE_RANK[role] < least) {
        const reply = await send(client, route, annsResources);
        expect({ role, status: reply.status, body: reply.body }).toEqual({
          role,
          status: 403,
          body: FORBIDDEN,
        });
      } else if (route.startsWith('GET ')) {
        // A read changes nothing, so it is made on ann's own resources here.
        expect({ role, status: (await send(client, route, annsResources)).status }).toEqual({
          role,
          status: ok,
        });
      }
    }
  });

  it('leaves everything of ann as it was', async () => {
    expect(await annState()).toEqual(annBefore);
  });
});

/** The answers of ann's keys: reads for a read key where the table says so, nothing else but collecting. */
function keyAnswers(route: string): { read: number; ingest: number } | undefined {
  const access = accessOf(route);
  if (access.scope === 'workspace')
    return { read: access.may === 'member or read key' ? access.ok : 403, ingest: 403 };
  if (access.scope === 'signed-in') return { read: 403, ingest: 403 };
  return access.keys;
}

describe('API keys of the workspace stay within their scope', () => {
  // Public routes and share links answer anyone, keys too: they are left out.
  it.each(ROUTES.filter((route) => !ACCESS[route] || keyAnswers(route)))('%s', async (route) => {
    const expected = keyAnswers(route);
    expect(expected, `${route} has no key answers`).toBeDefined();
    const read = await send(keyClients.annRead, route, annsResources);
    const ingest = await send(keyClients.annIngest, route, annsResources);
    expect({ read: read.status, ingest: ingest.status }).toEqual(expected);
    for (const reply of [read, ingest]) if (reply.status === 403) expect(reply.body).toEqual(FORBIDDEN);
  });

  it('leaves everything of ann as it was', async () => {
    expect(await annState()).toEqual(annBefore);
  });
});

describe('those who may, may', () => {
  const client = (role: Role) => ({ viewer: vic, editor: eddie, owner: ann })[role];

  // Writes act on resources of their own, so no route's success takes another's away.
  it.each(WORKSPACE_ROUTES)('%s', async (route) => {
    const { may, ok } = workspaceAccessOf(route);
    const resources = route.startsWith('GET') ? annsResources : await annResources();
    const reply = await send(client(leastRole(may)), route, resources);
    expect(reply.status, JSON.stringify(reply.body)).toBe(ok);
  });

  it('a member may leave: the one write of a viewer', async () => {
    const { client: mo, id } = await invited(server, ann, 'ann', 'mo@example.com', 'viewer', 'Mo');
    expect((await mo.request('DELETE', `/api/workspaces/ann/members/${id}`)).status).toBe(204);
    expect((await mo.get('/api/workspaces/ann')).body).toEqual(HIDDEN);
  });
});

describe('routes outside workspaces keep their rule', () => {
  const madeUp = (r: Resources): Resources => ({
    ...r,
    shareToken: 'tl_share_made_up',
    invitationToken: 'tl_inv_made_up',
  });

  it.each(OUTSIDE_ROUTES)('%s', async (route) => {
    const access = outsideAccessOf(route);
    const anyone = server.client();
    if (access.scope === 'public') {
      expect((await send(anyone, route, await annResourcesFor(route))).status).toBe(access.ok);
    } else if (access.scope === 'signed-in') {
      const reply = await send(anyone, route, annsResources);
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ error: { code: 'unauthenticated' } });
      expect((await send(eve, route, annsResources)).status).toBe(access.ok);
    } else {
      const r = await annResourcesFor(route);
      const holder =
        access.holder === 'an ingest key'
          ? keyClients.annIngest
          : access.holder === 'the invited person'
            ? await signUp(`invitee-${r.n}@example.com`)
            : anyone;
      const forger =
        access.holder === 'an ingest key'
          ? Object.assign(server.client(), { apiKey: 'tl_ingest_made_up' })
          : holder;
      expect((await send(forger, route, madeUp(r))).status).toBe(access.forged);
      expect((await send(holder, route, r)).status).toBe(access.ok);
    }
  });

  /** Routes that use up what they are given (an invitation) get a set of their own. */
  function annResourcesFor(route: string): Promise<Resources> | Resources {
    return route === 'POST /api/invitations/accept' ? annResources() : annsResources;
  }

  async function signUp(email: string) {
    const person = server.client();
    expect((await person.signUp(email, PASSWORD)).status).toBe(201);
    return person;
  }

  it('serves the snippet and the OpenAPI document to anyone', async () => {
    for (const path of UNDOCUMENTED_PUBLIC_ROUTES) expect((await server.client().get(path)).status).toBe(200);
  });

  it("shows Eve none of ann's workspaces, people or comments", async () => {
    const workspaces = await eve.get<{ slug: string }[]>('/api/workspaces');
    // Hers, and the ones she made above (POST /api/workspaces).
    for (const { slug } of workspaces.body) expect(slug).toMatch(/^(eve|side-project-\d+)$/);
    const session = await eve.get<{ workspaces: { slug: string }[] }>('/api/auth/session');
    expect(session.body.workspaces.map((w) => w.slug)).not.toContain('ann');
    expect(await eve.get('/api/mentions?workspace=ann')).toMatchObject({ status: 404, body: HIDDEN });
    expect((await eve.get('/api/mentions')).body).toEqual({ items: [], next: null });
    // Vic is mentioned in ann's threads, so the empty answers above are not for want of mentions.
    const vics = await vic.get<{ items: { workspace: { slug: string } }[] }>('/api/mentions?workspace=ann');
    expect(vics.body.items.length).toBeGreaterThan(0);
  });

  it("takes no invitation of ann's but by the person invited", async () => {
    const r = await annResources();
    const reply = await eve.post('/api/invitations/accept', { token: r.invitationToken });
    expect(reply.status).toBe(403);
    expect((await eve.get('/api/workspaces/ann')).body).toEqual(HIDDEN);
  });

  it('shows a former member no more of what mentioned them', async () => {
    const { client: mo, id } = await invited(server, ann, 'ann', 'mo2@example.com', 'viewer', 'Mo Two');
    const map = `/api/workspaces/ann/maps/${annsResources.map}`;
    expect((await eddie.post(`${map}/comments`, { cell: 'map', body: 'Over to you, @mo2' })).status).toBe(
      201,
    );
    expect((await mo.get<{ items: unknown[] }>('/api/mentions')).body.items).toHaveLength(1);
    expect((await ann.request('DELETE', `/api/workspaces/ann/members/${id}`)).status).toBe(204);
    expect((await mo.get('/api/mentions')).body).toEqual({ items: [], next: null });
    expect(await mo.get('/api/mentions?workspace=ann')).toMatchObject({ status: 404, body: HIDDEN });
  });

  it("stores the events of Eve's ingest key in her workspace, never in ann's", async () => {
    const summary = async (client: TestClient, slug: string) =>
      (await client.get<{ events: number }>(`/api/workspaces/${slug}/analytics/summary`)).body.events;
    const annEvents = await summary(ann, 'ann');
    const eveEvents = await summary(eve, 'eve');
    const batch = {
      events: [
        { ...KNOWN_EVENT, event_id: 'eve-1' },
        { ...KNOWN_EVENT, event_id: 'eve-2' },
      ],
    };
    expect((await keyClients.eveIngest.post('/api/collect', batch)).body).toEqual({ accepted: 2 });
    // The key in the body, as a beacon sends it, with Eve's session cookie along: still Eve's key that counts.
    const beacon = { ...batch, key: keyClients.eveIngest.apiKey };
    expect((await eve.request('POST', '/api/collect', JSON.stringify(beacon))).status).toBe(200);
    expect(await summary(eve, 'eve')).toBe(eveEvents + 2);
    expect(await summary(ann, 'ann')).toBe(annEvents);
  });
});
