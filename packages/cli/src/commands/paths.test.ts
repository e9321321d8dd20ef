import { writeFileSync } from 'node:fs';
import type { TrackedEvent } from '@touchline/analytics';
import { MemoryEventStore, type PathsResult, paths } from '@touchline/analytics';
import { stringifyMap, templateById } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import { EXIT_USAGE } from '../io.ts';
import { cliSandbox, runCli } from '../testing/run-cli.ts';
import { bar, dateRange, formatPaths, formatShare, parseDateBound } from './paths.ts';

const runPaths = (cwd: string, ...args: string[]) => runCli(cwd, 'paths', ...args);

describe('dates on the command line', () => {
  it('reads a plain date as midnight UTC and a plain --to date as the whole day', () => {
    expect(parseDateBound('--from', '2026-10-01', false)).toBe(Date.UTC(2026, 9, 1));
    expect(parseDateBound('--to', '2026-10-31', true)).toBe(Date.UTC(2026, 10, 1));
    expect(parseDateBound('--to', '2026-10-31T12:30:00Z', true)).toBe(Date.UTC(2026, 9, 31, 12, 30));
    expect(parseDateBound('--from', '2026-10-01T02:00:00+02:00', false)).toBe(Date.UTC(2026, 9, 1));
    expect(dateRange({ from: '2026-10-01', to: '2026-10-01' })).toEqual({
      from: Date.UTC(2026, 9, 1),
      to: Date.UTC(2026, 9, 2),
    });
    expect(dateRange({})).toEqual({});
  });

  it.each([
    ['--from', 'yesterday'],
    ['--from', '2026-13-45'],
    ['--to', '1700000000'],
  ])('refuses %s %s', (option, value) => {
    expect(() => parseDateBound(option, value, false)).toThrow(
      `${option} ${value}: give a date as YYYY-MM-DD or an ISO date-time`,
    );
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => dateRange({ from: '2026-10-02', to: '2026-10-01' })).toThrow(
      '--to 2026-10-01 is not after --from 2026-10-02',
    );
  });
});

describe('formatPaths', () => {
  it('lists paths with counts, shares and bars scaled to the first', () => {
    const result: PathsResult = {
      over: 'touchpoints',
      per: 'session',
      max_steps: 10,
      collapse_repeats: false,
      total_paths: 2000,
      truncated_paths: 0,
      paths: [
        { path: ['ad', 'landing-page', 'product-page'], count: 1234, share: 0.617, truncated: false },
        { path: ['e-shop'], count: 600, share: 0.3, truncated: false },
      ],
      nodes: [],
      edges: [],
    };
    expect(formatPaths(result)).toBe(
      [
        '2,000 paths of sessions over touchpoints',
        '',
        `ad → landing-page → product-page   1,234 (61.7%)  ${'█'.repeat(20)}`,
        `e-shop                               600 (30.0%)  ${'█'.repeat(10)}`,
        '',
        '166 more paths; --json adds the Sankey nodes and edges',
        '',
      ].join('\n'),
    );
  });

  it('says when paths were cut or repeats collapsed, and when there are none', () => {
    const result: PathsResult = {
      over: 'events',
      per: 'customer',
      max_steps: 2,
      collapse_repeats: true,
      total_paths: 3,
      truncated_paths: 1,
      paths: [
        { path: ['a', 'b', '…'], count: 1, share: 1 / 3, truncated: true },
        { path: ['a'], count: 2, share: 2 / 3, truncated: false },
      ],
      nodes: [],
      edges: [],
    };
    expect(formatPaths(result).split('\n')[0]).toBe(
      '3 paths of customers over events, repeats collapsed, 1 cut at 2 steps',
    );
    expect(formatPaths({ ...result, total_paths: 0, paths: [] })).toBe(
      'no paths: no customers with events in the data\n',
    );
  });

  it('draws bars and shares', () => {
    expect(bar(5, 10)).toBe('█'.repeat(10));
    expect(bar(1, 1000)).toBe('█');
    expect(bar(0, 10)).toBe('');
    expect(formatShare(0.1234)).toBe('12.3%');
    expect(formatShare(1)).toBe('100.0%');
  });
});

describe('touchline paths', () => {
  const shoes = templateById('shoes')?.build('en');
  const EVENTS: TrackedEvent[] = [
    { eventId: 'e1', userId: 'anna', time: Date.UTC(2026, 4, 1, 10), event: 'ad_click', channel: 'social' },
    {
      eventId: 'e2',
      userId: 'anna',
      time: Date.UTC(2026, 4, 1, 10, 1),
      event: 'page_view',
      url: '/lp/spring',
    },
    {
      eventId: 'e3',
      userId: 'anna',
      time: Date.UTC(2026, 4, 1, 10, 2),
      event: 'page_view',
      url: '/product/runner',
    },
    { eventId: 'e4', userId: 'anna', time: Date.UTC(2026, 4, 3, 9), event: 'page_view', url: '/' },
    {
      eventId: 'e5',
      userId: 'bram',
      time: Date.UTC(2026, 4, 2, 9),
      event: 'page_view',
      url: '/',
      sessionId: 's1',
    },
    {
      eventId: 'e6',
      userId: 'bram',
      time: Date.UTC(2026, 4, 2, 9, 5),
      event: 'site_search',
      sessionId: 's1',
    },
    {
      eventId: 'e7',
      userId: 'bram',
      time: Date.UTC(2026, 4, 2, 9, 6),
      event: 'add_to_cart',
      sessionId: 's2',
    },
    { eventId: 'e8', userId: 'carla', time: Date.UTC(2026, 4, 2, 12), event: 'ad_click', channel: 'social' },
    {
      eventId: 'e9',
      userId: 'carla',
      time: Date.UTC(2026, 4, 2, 12, 1),
      event: 'page_view',
      url: '/lp/spring',
    },
  ];
  const csv = [
    'event_id,user_id,timestamp,event,session_id,channel,url',
    ...EVENTS.map((e) =>
      [
        e.eventId,
        e.userId,
        new Date(e.time).toISOString(),
        e.event,
        e.sessionId ?? '',
        e.channel ?? '',
        e.url ?? '',
      ].join(','),
    ),
  ].join('\n');

  async function sandboxWithEvents() {
    const cli = cliSandbox();
    writeFileSync(cli.path('events.csv'), csv);
    writeFileSync(cli.path('shoes.yaml'), stringifyMap(shoes as NonNullable<typeof shoes>, 'yaml'));
    const imported = await cli.run('import', 'events.csv');
    expect(imported.code, imported.stderr).toBe(0);
    return cli;
  }

  it('prints the same paths as the in-memory engine, as JSON and as text', async () => {
    const cli = await sandboxWithEvents();
    const memory = new MemoryEventStore(EVENTS);
    const json = await runPaths(cli.cwd, '--map', 'shoes.yaml', '--json');
    expect(json.code, json.stderr).toBe(0);
    const expected = await paths(memory, {}, shoes);
    expect(JSON.parse(json.stdout)).toEqual(expected);
    // anna: two sessions (a gap of two days); bram: two session ids; carla: one session.
    expect(expected.total_paths).toBe(5);
    expect(expected.paths[0]).toMatchObject({ path: ['ad', 'landing-page'], count: 1 });

    const text = await runPaths(cli.cwd, '--map', 'shoes.yaml', '--per', 'customer', '--collapse-repeats');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('3 paths of customers over touchpoints, repeats collapsed');
    expect(text.stdout).toMatch(/ad → landing-page → product-page → e-shop +1 \(33\.3%\)/);

    const events = await runPaths(
      cli.cwd,
      '--json',
      '--per',
      'customer',
      '--from',
      '2026-05-02',
      '--to',
      '2026-05-02',
    );
    expect(JSON.parse(events.stdout)).toEqual(
      await paths(memory, { per: 'customer', from: Date.UTC(2026, 4, 2), to: Date.UTC(2026, 4, 3) }),
    );
  });

  it.each([
    [['--over', 'touchpoints'], '--over touchpoints needs --map <file>'],
    [['--over', 'steps'], '--over steps: give touchpoints or events'],
    [['--per', 'visit'], '--per visit: give session or customer'],
    [['--max-steps', '0'], '--max-steps 0: give a whole number of at least 1'],
    [['--top', 'ten'], '--top ten: give a whole number of at least 1'],
    [
      ['--map', 'shoes.yaml', '--start', 'nowhere'],
      '--start nowhere: not a touchpoint, step or stage of the map',
    ],
    [['--from', 'May'], '--from May: give a date as YYYY-MM-DD or an ISO date-time'],
  ])('refuses %j', async (args, message) => {
    const cli = cliSandbox();
    writeFileSync(cli.path('shoes.yaml'), stringifyMap(shoes as NonNullable<typeof shoes>, 'yaml'));
    const result = await runPaths(cli.cwd, ...args);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toBe(`${message}\n`);
  });
});
