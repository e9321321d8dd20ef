import { writeFileSync } from 'node:fs';
import type { FunnelResult, FunnelStep } from '@touchline/analytics';
import { templateById } from '@touchline/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { CliError, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../io.ts';
import { type CliSandbox, cliSandbox, runCli } from '../testing/run-cli.ts';
import {
  alignColumns,
  barChart,
  formatFunnel,
  formatSeconds,
  funnelSpecFromOptions,
  textBar,
} from './funnel.ts';

const runFunnel = (cwd: string, ...args: string[]) => runCli(cwd, 'funnel', ...args);

describe('formatSeconds', () => {
  it.each([
    [null, '-'],
    [0, '0s'],
    [45, '45s'],
    [59.4, '59s'],
    [59.6, '1m'],
    [200, '3m 20s'],
    [3_599.6, '1h'],
    [7_500, '2h 5m'],
    [86_399, '1d'],
    [3 * 86_400 + 4 * 3_600 + 1_000, '3d 4h'],
    [14 * 86_400, '14d'],
  ])('%j seconds read %j', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

describe('bars and columns', () => {
  it('draws bars in eighths of a character, a sliver for any value above 0', () => {
    expect(textBar(10, 10, 8)).toBe('████████');
    expect(textBar(5, 10, 8)).toBe('████');
    // 1/3 of 8 characters is 21.3 eighths -> 21: 2 full blocks and 5/8.
    expect(textBar(1, 3, 8)).toBe('██▋');
    expect(textBar(0.001, 10, 8)).toBe('▏');
    expect(textBar(0, 10, 8)).toBe('');
    expect(textBar(3, 0, 8)).toBe('');
  });

  it('aligns labels, bars and figures', () => {
    expect(
      barChart(
        [
          { label: 'a', value: 4 },
          { label: 'bbb', value: 1_000 },
          { label: 'cc', value: 0 },
        ],
        4,
      ),
    ).toEqual(['a    ▏     4', 'bbb  ████  1,000', `cc${' '.repeat(9)}0`]);
    expect(
      alignColumns([
        ['x', 'long'],
        ['longer', '1'],
      ]),
    ).toEqual(['x       long', 'longer     1']);
  });
});

const step = (
  name: string,
  users: number,
  fromStart: number,
  fromPrevious: number,
  median: number | null,
): FunnelStep => ({
  step: name,
  users,
  conversionFromStart: fromStart,
  conversionFromPrevious: fromPrevious,
  medianSecondsFromPrevious: median,
});

const RESULT: FunnelResult = {
  windowSeconds: 14 * 86_400,
  stepKinds: ['event', 'touchpoint', 'event'],
  steps: [
    step('ad_click', 1_000, 1, 1, null),
    step('cart', 400, 0.4, 0.4, 200),
    step('order_completed', 250, 0.25, 0.625, 7_500),
  ],
  timeToConvert: {
    customers: 250,
    meanSeconds: 90_000,
    medianSeconds: 7_800,
    p90Seconds: 273_600,
    histogram: [
      { label: '<1m', fromSeconds: 0, toSeconds: 60, customers: 0 },
      { label: '1-10m', fromSeconds: 60, toSeconds: 600, customers: 10 },
      { label: '10-60m', fromSeconds: 600, toSeconds: 3_600, customers: 40 },
      { label: '1-24h', fromSeconds: 3_600, toSeconds: 86_400, customers: 160 },
      { label: '1-7d', fromSeconds: 86_400, toSeconds: 604_800, customers: 40 },
      { label: '7d+', fromSeconds: 604_800, toSeconds: null, customers: 0 },
    ],
  },
};

describe('formatFunnel', () => {
  it('prints the step table, a bar per step and the time-to-convert histogram', () => {
    expect(formatFunnel(RESULT)).toBe(
      [
        'Funnel ad_click > cart > order_completed, within 14d',
        'step             users  of start  of previous  median from previous',
        'ad_click         1,000    100.0%            -                     -',
        'cart               400     40.0%        40.0%                3m 20s',
        'order_completed    250     25.0%        62.5%                 2h 5m',
        '',
        `ad_click         ${'█'.repeat(40)}  1,000`,
        `cart             ${'█'.repeat(16)}${' '.repeat(24)}  400`,
        `order_completed  ${'█'.repeat(10)}${' '.repeat(30)}  250`,
        '',
        'Time to convert (ad_click to order_completed): 250 customers, mean 1d 1h, median 2h 10m, p90 3d 4h',
        // Labels are padded to 6, then 2 spaces, the 40-wide bar and 2 more.
        `<1m${' '.repeat(3 + 2 + 40 + 2)}0`,
        `1-10m   ${'█'.repeat(2)}${'▌'}${' '.repeat(37)}  10`,
        `10-60m  ${'█'.repeat(10)}${' '.repeat(30)}  40`,
        `1-24h   ${'█'.repeat(40)}  160`,
        `1-7d    ${'█'.repeat(10)}${' '.repeat(30)}  40`,
        `7d+${' '.repeat(3 + 2 + 40 + 2)}0`,
      ].join('\n'),
    );
  });

  it('adds users per step for each breakdown value and says when nobody completed', () => {
    const text = formatFunnel({
      ...RESULT,
      timeToConvert: { ...RESULT.timeToConvert, customers: 0 },
      by: 'channel',
      breakdown: [
        {
          value: 'search',
          steps: [
            step('ad_click', 600, 1, 1, null),
            step('cart', 300, 0.5, 0.5, 60),
            step('order_completed', 150, 0.25, 0.5, 60),
          ],
        },
        {
          value: '(none)',
          steps: [
            step('ad_click', 400, 1, 1, null),
            step('cart', 100, 0.25, 0.25, 60),
            step('order_completed', 100, 0.25, 1, 60),
          ],
        },
      ],
    });
    const lines = text.split('\n');
    expect(lines).toContain('Time to convert (ad_click to order_completed): nobody completed the funnel');
    expect(lines.slice(-4)).toEqual([
      "Users per step by channel (% of the value's first step)",
      'channel  ad_click         cart  order_completed',
      'search        600  300 (50.0%)      150 (25.0%)',
      '(none)        400  100 (25.0%)      100 (25.0%)',
    ]);
  });

  it('lists the first 20 breakdown values and says how many more there are', () => {
    const breakdown = Array.from({ length: 23 }, (_, i) => ({ value: `v${i}`, steps: RESULT.steps }));
    const lines = formatFunnel({ ...RESULT, by: 'campaign', breakdown }).split('\n');
    expect(lines.filter((line) => /^v\d+ /.test(line))).toHaveLength(20);
    expect(lines.at(-1)).toBe('… and 3 more values (all of them with --json)');
  });
});

describe('funnel options', () => {
  const options = { steps: 'ad_click, cart ,order_completed', window: '14d' };

  it('reads steps, window, breakdown and dates', () => {
    expect(
      funnelSpecFromOptions({
        ...options,
        window: '90m',
        by: ' campaign',
        from: '2026-05-01',
        to: '2026-05-31',
      }),
    ).toEqual({
      steps: ['ad_click', 'cart', 'order_completed'],
      windowSeconds: 5_400,
      by: 'campaign',
      from: Date.UTC(2026, 4, 1),
      to: Date.UTC(2026, 5, 1),
    });
    expect(
      funnelSpecFromOptions({ ...options, steps: Array.from({ length: 30 }, (_, i) => `s${i}`).join(',') })
        .steps,
    ).toHaveLength(30);
  });

  it.each([
    [{ steps: '' }, '--steps: name the steps'],
    [{ steps: ' , ' }, '--steps: name the steps'],
    [{ steps: 'a,,b' }, '--steps a,,b: a step is empty'],
    [
      { steps: Array.from({ length: 31 }, (_, i) => `s${i}`).join(',') },
      '--steps: 31 steps, a funnel has at most 30',
    ],
    [{ window: 'a fortnight' }, '--window a fortnight: give a positive duration'],
    [{ window: '0h' }, '--window 0h: give a positive duration'],
    [{ by: ' ' }, '--by: name a property'],
    [{ from: '2026-13-01' }, '--from 2026-13-01: give a date'],
    [{ from: '2026-06-01', to: '2026-05-31' }, '--from 2026-06-01 is not before --to 2026-05-31'],
  ])('refuses %o as a usage error', (bad, message) => {
    const attempt = () => funnelSpecFromOptions({ ...options, ...bad });
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(EXIT_USAGE);
    }
  });
});

describe('touchline funnel', () => {
  let cli: CliSandbox;

  beforeEach(() => {
    cli = cliSandbox();
  });

  // Steps landing page > product page > cart > order (touchpoints of the shoe map), window 1h.
  // anna: 10:00, 10:05, 10:20, 10:50, complete in 50m. bram: 09:00, 09:10, then the cart at
  // 10:30 is past the hour: 2 steps. carla: a product page before any landing page counts for
  // nothing, then a landing page: 1 step. dirk: 12:00 to 12:03, complete in 3m.
  const EVENTS = [
    'event_id,user_id,timestamp,event,channel,url',
    'a1,anna,2026-05-01T10:00:00Z,page_view,social,/lp/spring',
    'a2,anna,2026-05-01T10:05:00Z,page_view,,/product/1',
    'a3,anna,2026-05-01T10:20:00Z,add_to_cart,,',
    'a4,anna,2026-05-01T10:50:00Z,order_completed,,',
    'b1,bram,2026-05-01T09:00:00Z,page_view,search,/lp/spring',
    'b2,bram,2026-05-01T09:10:00Z,page_view,,/product/2',
    'b3,bram,2026-05-01T10:30:00Z,page_view,,/cart',
    'c1,carla,2026-05-01T08:00:00Z,page_view,,/product/3',
    'c2,carla,2026-05-01T08:30:00Z,page_view,display,/lp/autumn',
    'd1,dirk,2026-05-02T12:00:00Z,page_view,social,/lp/spring',
    'd2,dirk,2026-05-02T12:01:00Z,page_view,,/product/1',
    'd3,dirk,2026-05-02T12:02:00Z,page_view,,/cart',
    'd4,dirk,2026-05-02T12:03:00Z,order_completed,,',
  ].join('\n');
  const STEPS = 'landing-page,product-page,cart,thank-you-page';

  async function setUp() {
    writeFileSync(cli.path('events.csv'), EVENTS);
    writeFileSync(cli.path('shoes.yaml'), JSON.stringify(templateById('shoes')?.build('en')));
    expect((await cli.run('import', 'events.csv')).code).toBe(EXIT_OK);
  }

  it('counts imported events through the map’s touchpoints, as JSON and as text', async () => {
    await setUp();
    const json = await runFunnel(
      cli.cwd,
      '--steps',
      STEPS,
      '--map',
      'shoes.yaml',
      '--window',
      '1h',
      '--by',
      'channel',
      '--json',
    );
    expect(json.stderr).toBe('');
    expect(json.code).toBe(EXIT_OK);
    // Gaps: product page anna 300 bram 600 dirk 60 (median 300); cart anna 900 dirk 60 (480);
    // order anna 1800 dirk 60 (930). Time to convert 3000 and 180: mean and median 1590, p90 3000.
    const steps = (rows: [string, number, number, number, number | null][]) =>
      rows.map(([name, users, fromStart, fromPrevious, median]) => ({
        step: name,
        users,
        conversion_from_start: fromStart,
        conversion_from_previous: fromPrevious,
        median_seconds_from_previous: median,
      }));
    expect(JSON.parse(json.stdout)).toEqual({
      window_seconds: 3_600,
      steps: steps([
        ['landing-page', 4, 1, 1, null],
        ['product-page', 3, 0.75, 0.75, 300],
        ['cart', 2, 0.5, 2 / 3, 480],
        ['thank-you-page', 2, 0.5, 1, 930],
      ]),
      time_to_convert: {
        customers: 2,
        mean_seconds: 1_590,
        median_seconds: 1_590,
        p90_seconds: 3_000,
        histogram: [
          { bucket: '<1m', from_seconds: 0, to_seconds: 60, customers: 0 },
          { bucket: '1-10m', from_seconds: 60, to_seconds: 600, customers: 1 },
          { bucket: '10-60m', from_seconds: 600, to_seconds: 3_600, customers: 1 },
          { bucket: '1-24h', from_seconds: 3_600, to_seconds: 86_400, customers: 0 },
          { bucket: '1-7d', from_seconds: 86_400, to_seconds: 604_800, customers: 0 },
          { bucket: '7d+', from_seconds: 604_800, to_seconds: null, customers: 0 },
        ],
      },
      breakdown: [
        {
          value: 'social',
          steps: steps([
            ['landing-page', 2, 1, 1, null],
            ['product-page', 2, 1, 1, 180],
            ['cart', 2, 1, 1, 480],
            ['thank-you-page', 2, 1, 1, 930],
          ]),
        },
        {
          value: 'display',
          steps: steps([
            ['landing-page', 1, 1, 1, null],
            ['product-page', 0, 0, 0, null],
            ['cart', 0, 0, 0, null],
            ['thank-you-page', 0, 0, 0, null],
          ]),
        },
        {
          value: 'search',
          steps: steps([
            ['landing-page', 1, 1, 1, null],
            ['product-page', 1, 1, 1, 600],
            ['cart', 0, 0, 0, null],
            ['thank-you-page', 0, 0, 0, null],
          ]),
        },
      ],
    });

    const text = await runFunnel(cli.cwd, '--steps', STEPS, '--map', 'shoes.yaml', '--window', '1h');
    expect(text.code).toBe(EXIT_OK);
    expect(text.stdout.split('\n').slice(0, 6)).toEqual([
      'Funnel landing-page > product-page > cart > thank-you-page, within 1h',
      'step            users  of start  of previous  median from previous',
      'landing-page        4    100.0%            -                     -',
      'product-page        3     75.0%        75.0%                    5m',
      'cart                2     50.0%        66.7%                    8m',
      'thank-you-page      2     50.0%       100.0%               15m 30s',
    ]);
    expect(text.stdout).toContain(
      'Time to convert (landing-page to thank-you-page): 2 customers, mean 26m 30s, median 26m 30s, p90 50m',
    );

    // Without the map the names are events: nobody has an event called landing-page.
    const unmapped = await runFunnel(cli.cwd, '--steps', STEPS, '--json');
    expect(JSON.parse(unmapped.stdout).steps.map((s: { users: number }) => s.users)).toEqual([0, 0, 0, 0]);
    // Up to 1 May inclusive: dirk is out.
    const window = await runFunnel(
      cli.cwd,
      '--steps',
      STEPS,
      '--map',
      'shoes.yaml',
      '--window',
      '1h',
      '--to',
      '2026-05-01',
      '--json',
    );
    expect(JSON.parse(window.stdout).steps.map((s: { users: number }) => s.users)).toEqual([3, 2, 1, 1]);
  });

  it('stops on a step the map cannot match, a missing map and bad options', async () => {
    await setUp();
    const silent = await runFunnel(cli.cwd, '--steps', 'landing-page,inserts', '--map', 'shoes.yaml');
    expect(silent.code).toBe(EXIT_INVALID);
    expect(silent.stderr).toContain('funnel step inserts: the touchpoint has no match rules');
    const missing = await runFunnel(cli.cwd, '--steps', 'a,b', '--map', 'nowhere.yaml');
    expect(missing.code).toBe(EXIT_INVALID);
    expect(missing.stderr).toContain('nowhere.yaml: no such file');
    const bad = await runFunnel(cli.cwd, '--steps', 'a,b', '--window', 'soon');
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.stderr).toContain('--window soon: give a positive duration');
    const none = await runFunnel(cli.cwd, '--window', '1d');
    expect(none.code).toBe(EXIT_USAGE);
    expect(none.stderr).toContain("required option '--steps <list>' not specified");
  });
});
