import { readFileSync } from 'node:fs';
import { loadMapText } from '@touchline/core';
import { startTestServer, type TestServer } from '@touchline/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './io.ts';
import { measureUrl } from './remote.ts';
import { type CliSandbox, cliSandbox, runCliWith } from './testing/run-cli.ts';

/**
 * The same seeded events in the sandbox's own store and in workspace `ann` of a real server, with
 * the shoes map as a file here and as a map of the workspace there.
 */
let server: TestServer;
let cli: CliSandbox;
let mapId = '';
let readKey = '';
let ingestKey = '';

beforeAll(async () => {
  cli = cliSandbox();
  for (const args of [
    ['demo-data', '--users', '400', '--seed', '8', '--out', 'events.csv', '--costs', 'costs.csv'],
    ['init', '-t', 'shoes', '-o', 'shoes.yaml'],
    ['import', 'events.csv'],
    ['import-costs', 'costs.csv'],
  ])
    expect((await cli.run(...args)).code, args.join(' ')).toBe(EXIT_OK);
  const loaded = loadMapText(readFileSync(cli.path('shoes.yaml'), 'utf8'), 'shoes.yaml');
  if (!loaded.ok) throw new Error('the shoes map does not load');

  server = await startTestServer();
  const ann = server.client();
  const signedUp = await ann.signUp('ann@example.com');
  const workspace = await ann.get<{ id: string }>('/api/workspaces/ann');
  const events = await server.deps.events.store(workspace.body.id);
  await events.importEvents(cli.path('events.csv'));
  await events.importCosts(cli.path('costs.csv'));
  mapId = (
    await server.deps.store.maps.create({
      workspaceId: workspace.body.id,
      document: loaded.file.map,
      authorId: signedUp.body.user.id,
    })
  ).id;
  const key = async (scope: string) =>
    (await ann.post<{ key: string }>('/api/workspaces/ann/keys', { name: scope, scope })).body.key;
  readKey = await key('read');
  ingestKey = await key('ingest');
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** `touchline ...args --server <url> --workspace ann`, the map file named by its id on the server. */
function onServer(args: readonly string[], key = readKey, workspace = 'ann') {
  return runCliWith(
    { cwd: cli.cwd, env: { TOUCHLINE_API_KEY: key } },
    ...args.map((arg) => (arg === 'shoes.yaml' ? mapId : arg)),
    '--server',
    server.url,
    '--workspace',
    workspace,
  );
}

const STEPS = 'ad_click,add_to_cart,order_completed';

describe('analytics commands with --server', () => {
  it.each([
    [['funnel', '--steps', STEPS]],
    [['funnel', '--steps', STEPS, '--by', 'channel', '--window', '3d', '--to', '2026-10-15']],
    [['funnel', '--steps', 'landing-page,product-page,cart,thank-you-page', '--map', 'shoes.yaml']],
    [['paths']],
    [['paths', '--map', 'shoes.yaml', '--per', 'customer', '--collapse-repeats', '--top', '5']],
    [['paths', '--map', 'shoes.yaml', '--over', 'touchpoints', '--start', 'consideration']],
    [['discover', 'shoes.yaml', '--from', '2026-09-01']],
    [['touches', '--conversion', 'order_completed', '--lookback', '7d']],
    [['attribution', '--conversion', 'order_completed', '--model', 'markov']],
    [['attribution', '--conversion', 'order_completed', '--model', 'time-decay', '--half-life', '2d']],
    [['report', 'shoes.yaml', '--churn-period', '30d']],
  ])('%j prints what it prints over the local store, as text and as JSON', async (args) => {
    for (const json of [[], ['--json']]) {
      const here = await cli.run(...args, ...json);
      expect(here.code, here.stderr).toBe(EXIT_OK);
      const there = await onServer([...args, ...json]);
      expect(there.code, there.stderr).toBe(EXIT_OK);
      expect(there.stdout).toBe(here.stdout);
      expect(there.stderr).toBe('');
    }
  });

  it.each([
    [{ key: '' }, ['funnel', '--steps', STEPS], EXIT_USAGE, 'TOUCHLINE_API_KEY'],
    [{}, ['funnel', '--steps', STEPS, '--data', 'elsewhere'], EXIT_USAGE, '--data and --server'],
    [{}, ['funnel', '--steps', STEPS, '--window', '7x'], EXIT_USAGE, '--window 7x: give a positive duration'],
    [{}, ['report', 'shoes.yaml', '--write'], EXIT_USAGE, '--write and --render need the map file'],
    [
      {},
      ['paths', '--map', 'shoes.yaml', '--start', 'nowhere'],
      EXIT_USAGE,
      'answered 400: start=nowhere: not a touchpoint, step or stage of the map',
    ],
    [{}, ['discover', 'nope'], EXIT_INVALID, 'answered 404: map nope was not found'],
    [{ key: 'ingest' }, ['touches', '--conversion', 'order_completed'], EXIT_INVALID, 'answered 403'],
    [{ workspace: 'bob' }, ['touches', '--conversion', 'order_completed'], EXIT_INVALID, 'answered 404'],
  ])('refuses with %j %j', async (setting: { key?: string; workspace?: string }, args, code, message) => {
    const key = setting.key === 'ingest' ? ingestKey : (setting.key ?? readKey);
    const result = await onServer(args, key, setting.workspace);
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('says when the server cannot be reached, and keeps --workspace for --server', async () => {
    const closed = await startTestServer();
    const url = closed.url;
    await closed.close();
    const unreachable = await runCliWith(
      { cwd: cli.cwd, env: { TOUCHLINE_API_KEY: readKey } },
      ...['touches', '--conversion', 'order_completed', '--server', url, '--workspace', 'ann'],
    );
    expect(unreachable.code).toBe(EXIT_INVALID);
    expect(unreachable.stderr).toContain(`${url}: the server cannot be reached`);
    const lonely = await cli.run('touches', '--conversion', 'order_completed', '--workspace', 'ann');
    expect(lonely.code).toBe(EXIT_USAGE);
    expect(lonely.stderr).toContain('--workspace goes with --server');
    const noWorkspace = await runCliWith(
      { cwd: cli.cwd, env: { TOUCHLINE_API_KEY: readKey } },
      ...['touches', '--conversion', 'order_completed', '--server', server.url],
    );
    expect(noWorkspace.code).toBe(EXIT_USAGE);
    expect(noWorkspace.stderr).toContain('--server needs --workspace');
  });
});

describe('measureUrl', () => {
  it('puts the options in the query string under a base path, leaving out what is not given', () => {
    const url = measureUrl('https://example.com/touchline', 'shoe shop', 'paths', {
      map: 'map_1',
      'collapse-repeats': true,
      top: undefined,
      over: 'touchpoints',
      per: undefined,
    });
    expect(url.href).toBe(
      'https://example.com/touchline/api/workspaces/shoe%20shop/analytics/paths?map=map_1&collapse-repeats=true&over=touchpoints',
    );
    expect(() => measureUrl('localhost:4400', 'ann', 'paths', {})).toThrow('give an http or https URL');
    expect(() => measureUrl('not a url', 'ann', 'paths', {})).toThrow("give the server's URL");
  });
});
