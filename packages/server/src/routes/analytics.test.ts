import { readFileSync } from 'node:fs';
import { type CliSandbox, cliSandbox } from '@touchline/cli/testing';
import { loadMapText } from '@touchline/core';
import { DuckDbEventStore } from '@touchline/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';

/**
 * One server; workspace `ann` holds the events and ad spend of a seeded demo file and the shoes
 * map, workspace `empty` the same map and no events. The CLI measures the same file in a data
 * directory of its own, and over an empty one.
 */
let server: TestServer;
let cli: CliSandbox;
let ann: TestClient;
const keys = { read: '', ingest: '', emptyRead: '' };
const mapIds = { ann: '', empty: '' };

const STEPS = 'ad_click,add_to_cart,order_completed';
const MAP_STEPS = 'landing-page,product-page,cart,thank-you-page';

beforeAll(async () => {
  cli = cliSandbox();
  const prepared = [
    ['demo-data', '--users', '400', '--seed', '7', '--out', 'events.csv', '--costs', 'costs.csv'],
    ['init', '-t', 'shoes', '-o', 'shoes.yaml'],
    ['import', 'events.csv'],
    ['import-costs', 'costs.csv'],
  ];
  for (const args of prepared) expect((await cli.run(...args)).code, args.join(' ')).toBe(0);
  const loaded = loadMapText(readFileSync(cli.path('shoes.yaml'), 'utf8'), 'shoes.yaml');
  if (!loaded.ok) throw new Error('the shoes map does not load');

  server = await startTestServer();
  ann = server.client();
  const signedUp = await ann.signUp('ann@example.com');
  await ann.post('/api/workspaces', { name: 'Empty', slug: 'empty' });
  for (const slug of ['ann', 'empty'] as const) {
    const workspace = await ann.get<{ id: string }>(`/api/workspaces/${slug}`);
    const stored = await server.deps.store.maps.create({
      workspaceId: workspace.body.id,
      document: loaded.file.map,
      authorId: signedUp.body.user.id,
    });
    mapIds[slug] = stored.id;
    if (slug === 'ann') {
      const events = await server.deps.events.store(workspace.body.id);
      await events.importEvents(cli.path('events.csv'));
      await events.importCosts(cli.path('costs.csv'));
    }
  }
  const key = async (slug: string, scope: 'read' | 'ingest') =>
    (await ann.post<{ key: string }>(`/api/workspaces/${slug}/keys`, { name: scope, scope })).body.key;
  keys.read = await key('ann', 'read');
  keys.ingest = await key('ann', 'ingest');
  keys.emptyRead = await key('empty', 'read');
}, 120_000);

afterAll(async () => {
  await server?.close();
});

interface Answer {
  status: number;
  type: string;
  text: string;
}

/** GET with an API key (or none), the body as the bytes' text. */
async function get(path: string, key?: string): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

const analytics = (slug: string, query: string) =>
  `/api/workspaces/${slug}/analytics/${query.replace('{map}', mapIds[slug as 'ann' | 'empty'])}`;

/** A measure as the CLI runs it (`--json`, the map file where the server takes `{map}`) and as a query. */
const CASES: [string, string[], string][] = [
  ['funnel', ['funnel', '--steps', STEPS], `funnel?steps=${STEPS}`],
  [
    'funnel with a window, a breakdown and dates',
    [
      'funnel',
      '--steps',
      STEPS,
      '--window',
      '3d',
      '--by',
      'channel',
      '--from',
      '2026-09-01',
      '--to',
      '2026-10-15',
    ],
    `funnel?steps=${STEPS}&window=3d&by=channel&from=2026-09-01&to=2026-10-15`,
  ],
  [
    'funnel over the map',
    ['funnel', '--steps', MAP_STEPS, '--map', 'shoes.yaml', '--window', '1d'],
    `funnel?steps=${MAP_STEPS}&map={map}&window=1d`,
  ],
  ['paths', ['paths'], 'paths'],
  [
    'paths over touchpoints per customer',
    [
      'paths',
      '--map',
      'shoes.yaml',
      '--per',
      'customer',
      '--collapse-repeats',
      '--top',
      '5',
      '--max-steps',
      '6',
    ],
    'paths?map={map}&per=customer&collapse-repeats&top=5&max-steps=6',
  ],
  [
    'paths from a stage to a touchpoint',
    [
      'paths',
      '--map',
      'shoes.yaml',
      '--start',
      'consideration',
      '--end',
      'thank-you-page',
      '--to',
      '2026-10-01',
    ],
    'paths?map={map}&start=consideration&end=thank-you-page&to=2026-10-01',
  ],
  [
    'paths over events',
    ['paths', '--map', 'shoes.yaml', '--over', 'events', '--collapse-repeats'],
    'paths?map={map}&over=events&collapse-repeats=true',
  ],
  ['discover', ['discover', 'shoes.yaml'], 'discover?map={map}'],
  [
    'discover in September',
    ['discover', 'shoes.yaml', '--from', '2026-09-01', '--to', '2026-09-30'],
    'discover?map={map}&from=2026-09-01&to=2026-09-30',
  ],
  ['touches', ['touches', '--conversion', 'order_completed'], 'touches?conversion=order_completed'],
  [
    'touches within a week',
    ['touches', '--conversion', 'order_completed', '--lookback', '7d', '--from', '2026-08-15T12:00Z'],
    'touches?conversion=order_completed&lookback=7d&from=2026-08-15T12:00Z',
  ],
  [
    'attribution',
    ['attribution', '--conversion', 'order_completed'],
    'attribution?conversion=order_completed',
  ],
  [
    'attribution by Markov chains',
    ['attribution', '--conversion', 'order_completed', '--model', 'markov', '--lookback', '14d'],
    'attribution?conversion=order_completed&model=markov&lookback=14d',
  ],
  [
    'attribution by time decay',
    ['attribution', '--conversion', 'order_completed', '--model', 'time-decay', '--half-life', '2d'],
    'attribution?conversion=order_completed&model=time-decay&half-life=2d',
  ],
  ['report', ['report', 'shoes.yaml'], 'report?map={map}'],
  [
    'report with a churn period and dates',
    ['report', 'shoes.yaml', '--churn-period', '30d', '--from', '2026-09-01', '--to', '2026-10-31'],
    'report?map={map}&churn-period=30d&from=2026-09-01&to=2026-10-31',
  ],
];

describe('the measures over HTTP', () => {
  it.each(CASES)('%s: the JSON the CLI prints, byte for byte', async (_, args, query) => {
    const printed = await cli.run(...args, '--json');
    expect(printed.code, printed.stderr).toBe(0);
    const answer = await get(analytics('ann', query), keys.read);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.text).toBe(printed.stdout);

    // Another workspace has none of these events: its answer is the CLI's over an empty store.
    const empty = await cli.run(...args, '--json', '--data', 'no-events');
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).not.toBe(printed.stdout);
    expect((await get(analytics('empty', query), keys.emptyRead)).text).toBe(empty.stdout);
  });

  it('gives the same answers to requests at the same time', async () => {
    const one = await Promise.all(CASES.map(([, , query]) => get(analytics('ann', query), keys.read)));
    const again = await Promise.all(CASES.map(([, , query]) => get(analytics('ann', query), keys.read)));
    for (const [index, answer] of again.entries()) {
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(one[index]?.text);
    }
    const [, args, query] = CASES[0] as (typeof CASES)[number];
    expect(one[0]?.text).toBe((await cli.run(...args, '--json')).stdout);
    expect((await get(analytics('ann', query), keys.read)).text).toBe(one[0]?.text);
  });

  it("summarises the workspace's event store", async () => {
    const store = await DuckDbEventStore.open(cli.path('.touchline'));
    const expected = await store.summary().finally(() => store.close());
    expect(expected.events).toBeGreaterThan(1_000);
    const summary = await ann.get('/api/workspaces/ann/analytics/summary');
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual(expected);
    expect((await ann.get('/api/workspaces/empty/analytics/summary')).body).toEqual({
      events: 0,
      customers: 0,
      firstEventAt: null,
      lastEventAt: null,
      eventNames: 0,
      costRows: 0,
    });
  });

  it('is in the OpenAPI document', async () => {
    const document = await get('/api/openapi.json');
    const paths = Object.keys((JSON.parse(document.text) as { paths: Record<string, unknown> }).paths);
    for (const measure of ['funnel', 'paths', 'discover', 'touches', 'attribution', 'report', 'summary'])
      expect(paths).toContain(`/api/workspaces/{workspace}/analytics/${measure}`);
  });
});

describe('who may read analytics', () => {
  it('lets owners, viewers and read keys read; not ingest keys, strangers or keys of other workspaces', async () => {
    const expected = await get(analytics('ann', `funnel?steps=${STEPS}`), keys.read);
    expect(expected.status).toBe(200);
    const owner = await ann.get(analytics('ann', `funnel?steps=${STEPS}`));
    expect(owner.status).toBe(200);

    const invited = await ann.post<{ token: string }>('/api/workspaces/ann/invitations', {
      email: 'vic@example.com',
      role: 'viewer',
    });
    const vic = server.client();
    await vic.post('/api/auth/signup', {
      email: 'vic@example.com',
      name: 'Vic',
      password: 'long enough password',
      invitation: invited.body.token,
    });
    const viewer = await fetch(`${server.url}${analytics('ann', `funnel?steps=${STEPS}`)}`, {
      headers: { cookie: vic.cookie ?? '' },
    });
    expect(viewer.status).toBe(200);
    expect(await viewer.text()).toBe(expected.text);
    // The viewer belongs to ann only.
    expect((await vic.get(analytics('empty', 'summary'))).status).toBe(404);

    const ingest = await get(analytics('ann', `funnel?steps=${STEPS}`), keys.ingest);
    expect(ingest.status).toBe(403);
    expect(JSON.parse(ingest.text)).toMatchObject({ error: { code: 'forbidden' } });
    expect((await get(analytics('ann', 'summary'), keys.ingest)).status).toBe(403);
    expect((await get(analytics('ann', `funnel?steps=${STEPS}`))).status).toBe(401);
    expect((await get(analytics('ann', `funnel?steps=${STEPS}`), keys.emptyRead)).status).toBe(404);
  });
});

describe('bad parameters', () => {
  it.each([
    [
      `funnel?steps=${STEPS}&window=7x`,
      'window=7x: give a positive duration such as 14d, 12h or 90m',
      [{ path: 'window', message: 'window=7x: give a positive duration such as 14d, 12h or 90m' }],
    ],
    [
      'funnel?steps=a,,b',
      'steps=a,,b: a step is empty; separate step names with commas',
      [{ path: 'steps', message: 'steps=a,,b: a step is empty; separate step names with commas' }],
    ],
    ['funnel?window=7d', expect.stringContaining('steps'), [expect.objectContaining({ path: 'steps' })]],
    [
      `funnel?steps=landing-page,inserts&map={map}`,
      'funnel step inserts: the touchpoint has no match rules, so no event can count for it',
      [expect.objectContaining({ path: 'steps' })],
    ],
    [
      `funnel?steps=${STEPS}&from=2026-06-01&to=2026-05-31`,
      'from=2026-06-01 is not before to=2026-05-31',
      [expect.objectContaining({ path: 'to' })],
    ],
    [
      `funnel?steps=${STEPS}&windows=7d`,
      expect.stringContaining('windows'),
      expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('windows') })]),
    ],
    [
      'paths?over=touchpoints',
      'over=touchpoints needs map=<map id>',
      [{ path: 'over', message: 'over=touchpoints needs map=<map id>' }],
    ],
    [
      'paths?map={map}&start=nowhere&end=neither',
      'start=nowhere: not a touchpoint, step or stage of the map; end=neither: not a touchpoint, step or stage of the map',
      [expect.objectContaining({ path: 'start' }), expect.objectContaining({ path: 'end' })],
    ],
    [
      'paths?top=ten',
      'top=ten: give a whole number of at least 1',
      [expect.objectContaining({ path: 'top' })],
    ],
    [
      'paths?collapse-repeats=yes',
      expect.any(String),
      [expect.objectContaining({ path: 'collapse-repeats' })],
    ],
    ['discover', expect.stringContaining('map'), [expect.objectContaining({ path: 'map' })]],
    [
      'discover?map={map}&from=May',
      'from=May: give a date as YYYY-MM-DD or an ISO date-time',
      [expect.objectContaining({ path: 'from' })],
    ],
    [
      'touches?conversion=order_completed&lookback=long',
      'lookback=long: give a positive duration such as 30d, 12h or 90m',
      [expect.objectContaining({ path: 'lookback' })],
    ],
    [
      'attribution?conversion=order_completed&model=w-shaped',
      expect.stringMatching(/^model=w-shaped: use one of first, last, linear/),
      [expect.objectContaining({ path: 'model' })],
    ],
    [
      'attribution?conversion=%20',
      'conversion: name the conversion event',
      [expect.objectContaining({ path: 'conversion' })],
    ],
    [
      'report?map={map}&churn-period=soon',
      'churn-period=soon: give a duration such as 90d',
      [expect.objectContaining({ path: 'churn-period' })],
    ],
  ])('%s is a 400 naming the parameter', async (query, message, details) => {
    const answer = await get(analytics('ann', query), keys.read);
    expect(answer.status, answer.text).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({ error: { code: 'invalid-input', message, details } });
  });

  it('answers 404 for a map that is not one of the workspace', async () => {
    for (const query of [
      `funnel?steps=${STEPS}&map=nope`,
      'paths?map=nope',
      'discover?map=nope',
      'report?map=nope',
    ]) {
      const answer = await get(analytics('ann', query), keys.read);
      expect(answer.status, query).toBe(404);
      expect(JSON.parse(answer.text)).toEqual({
        error: { code: 'not-found', message: 'map nope was not found' },
      });
    }
    const othersMap = await get(`/api/workspaces/ann/analytics/report?map=${mapIds.empty}`, keys.read);
    expect(othersMap.status).toBe(404);
  });
});
