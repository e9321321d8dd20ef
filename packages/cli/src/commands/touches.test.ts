import { writeFileSync } from 'node:fs';
import type { TouchesResult } from '@touchline/analytics';
import { beforeEach, describe, expect, it } from 'vitest';
import { CliError, EXIT_OK, EXIT_USAGE } from '../io.ts';
import { type CliSandbox, cliSandbox, runCli } from '../testing/run-cli.ts';
import { distributionRows, formatTouches, touchesSpecFromOptions } from './touches.ts';

const runTouches = (cwd: string, ...args: string[]) => runCli(cwd, 'touches', ...args);

const frequencies = (pairs: [number, number][]) =>
  pairs.map(([count, conversions]) => ({ count, conversions }));

const RESULT: TouchesResult = {
  conversionEvent: 'order_completed',
  lookbackSeconds: 30 * 86_400,
  totalConversions: 1_000,
  touches: {
    mean: 3.2145,
    median: 2.5,
    distribution: frequencies([
      [0, 100],
      [1, 200],
      [2, 200],
      [3, 300],
      [5, 100],
      [10, 60],
      [11, 30],
      [250, 10],
    ]),
  },
  channels: {
    mean: 1.5,
    median: 1,
    distribution: frequencies([
      [0, 100],
      [1, 400],
      [2, 500],
    ]),
  },
};

describe('distributionRows', () => {
  it('fills 0 to 9 and sums the tail into 10+', () => {
    expect(distributionRows(RESULT.touches)).toEqual([
      { label: '0', value: 100 },
      { label: '1', value: 200 },
      { label: '2', value: 200 },
      { label: '3', value: 300 },
      { label: '4', value: 0 },
      { label: '5', value: 100 },
      { label: '6', value: 0 },
      { label: '7', value: 0 },
      { label: '8', value: 0 },
      { label: '9', value: 0 },
      { label: '10+', value: 100 },
    ]);
    expect(distributionRows(RESULT.channels).map((row) => row.label)).toEqual(['0', '1', '2']);
  });
});

describe('formatTouches', () => {
  it('prints mean and median, then both distributions as bars', () => {
    const lines = formatTouches(RESULT).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Touches before order_completed within 30d: 1,000 conversions',
      '                   mean  median',
      'touches            3.21     2.5',
      'distinct channels  1.50     1.0',
    ]);
    expect(lines[5]).toBe('Conversions by touches before them');
    // The largest bar (300 conversions with 3 touches) is 40 characters; 100 is 13 1/3.
    expect(lines[6]).toBe(`0    ${'█'.repeat(13)}▍${' '.repeat(26)}  100`);
    expect(lines[9]).toBe(`3    ${'█'.repeat(40)}  300`);
    expect(lines[10]).toBe(`4    ${' '.repeat(40)}  0`);
    expect(lines[16]).toBe(`10+  ${'█'.repeat(13)}▍${' '.repeat(26)}  100`);
    expect(lines[18]).toBe('Conversions by distinct channels among those touches');
    expect(lines.slice(19)).toEqual([
      `0  ${'█'.repeat(8)}${' '.repeat(32)}  100`,
      `1  ${'█'.repeat(32)}${' '.repeat(8)}  400`,
      `2  ${'█'.repeat(40)}  500`,
    ]);
  });

  it('says only the total without conversions', () => {
    expect(
      formatTouches({
        ...RESULT,
        totalConversions: 0,
        touches: { mean: null, median: null, distribution: [] },
        channels: { mean: null, median: null, distribution: [] },
      }),
    ).toBe('Touches before order_completed within 30d: 0 conversions');
  });
});

describe('touches options', () => {
  const options = { conversion: 'order_completed', lookback: '30d' };

  it('reads the lookback and dates', () => {
    expect(
      touchesSpecFromOptions({ ...options, lookback: '12h', from: '2026-05-01', to: '2026-05-31' }),
    ).toEqual({
      conversion: 'order_completed',
      lookbackSeconds: 12 * 3_600,
      from: Date.UTC(2026, 4, 1),
      to: Date.UTC(2026, 5, 1),
    });
  });

  it.each([
    [{ conversion: ' ' }, '--conversion: name the conversion event'],
    [{ lookback: 'a month' }, '--lookback a month: give a positive duration'],
    [{ lookback: '0s' }, '--lookback 0s: give a positive duration'],
    [{ to: 'tomorrow' }, '--to tomorrow: give a date'],
    [{ from: '2026-06-01', to: '2026-05-31' }, '--from 2026-06-01 is not before --to 2026-05-31'],
  ])('refuses %o as a usage error', (bad, message) => {
    const attempt = () => touchesSpecFromOptions({ ...options, ...bad });
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(EXIT_USAGE);
    }
  });
});

describe('touchline touches', () => {
  let cli: CliSandbox;

  beforeEach(() => {
    cli = cliSandbox();
  });

  // anna: search, email, search, then an order (its own channel is no touch): 3 touches, 2
  // channels. bram: social, an order: 1, 1; then an order with nothing since: 0, 0. dirk: display
  // 33 days before his order: outside a 30-day lookback (0, 0), inside a 40-day one (1, 1).
  const EVENTS = [
    'event_id,user_id,timestamp,event,channel',
    'e1,anna,2026-05-01T10:00:00Z,ad_click,search',
    'e2,anna,2026-05-02T10:00:00Z,email_click,email',
    'e3,anna,2026-05-02T11:00:00Z,ad_click,search',
    'e4,anna,2026-05-03T10:00:00Z,order_completed,email',
    'e5,bram,2026-05-01T09:00:00Z,ad_click,social',
    'e6,bram,2026-05-01T09:30:00Z,order_completed,',
    'e7,bram,2026-05-05T09:30:00Z,order_completed,',
    'e8,dirk,2026-04-01T08:00:00Z,ad_click,display',
    'e9,dirk,2026-05-04T08:00:00Z,order_completed,',
  ].join('\n');

  it('counts touches before the imported conversions', async () => {
    writeFileSync(cli.path('events.csv'), EVENTS);
    expect((await cli.run('import', 'events.csv')).code).toBe(EXIT_OK);

    // 30 days: touches 3 1 0 0 -> mean 1, median 0.5; channels 2 1 0 0 -> mean 0.75, median 0.5.
    const json = await runTouches(cli.cwd, '--conversion', 'order_completed', '--json');
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual({
      conversion_event: 'order_completed',
      lookback_seconds: 30 * 86_400,
      total_conversions: 4,
      touches: {
        mean: 1,
        median: 0.5,
        distribution: [
          { touches: 0, conversions: 2 },
          { touches: 1, conversions: 1 },
          { touches: 3, conversions: 1 },
        ],
      },
      distinct_channels: {
        mean: 0.75,
        median: 0.5,
        distribution: [
          { channels: 0, conversions: 2 },
          { channels: 1, conversions: 1 },
          { channels: 2, conversions: 1 },
        ],
      },
    });

    // 40 days: dirk's display counts: touches 3 1 0 1 -> mean 1.25, median 1.
    const text = await runTouches(cli.cwd, '--conversion', 'order_completed', '--lookback', '40d');
    expect(text.code).toBe(EXIT_OK);
    expect(text.stdout.split('\n').slice(0, 4)).toEqual([
      'Touches before order_completed within 40d: 4 conversions',
      '                   mean  median',
      'touches            1.25     1.0',
      'distinct channels  1.00     1.0',
    ]);

    // From 2 May: anna keeps email and search (2, 2); bram's first order is out, his second has nothing.
    const window = await runTouches(
      cli.cwd,
      '--conversion',
      'order_completed',
      '--from',
      '2026-05-02',
      '--json',
    );
    expect(JSON.parse(window.stdout)).toMatchObject({
      total_conversions: 3,
      touches: {
        distribution: [
          { touches: 0, conversions: 2 },
          { touches: 2, conversions: 1 },
        ],
      },
    });
  });

  it('stops with a usage error on a bad lookback or a missing --conversion', async () => {
    const bad = await runTouches(cli.cwd, '--conversion', 'order_completed', '--lookback', 'long');
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.stderr).toContain('--lookback long: give a positive duration');
    const missing = await runTouches(cli.cwd, '--lookback', '30d');
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toContain("required option '--conversion <event>' not specified");
  });
});
