import { writeFileSync } from 'node:fs';
import type { AttributionResult } from '@touchline/analytics';
import { beforeEach, describe, expect, it } from 'vitest';
import { CliError, EXIT_OK, EXIT_USAGE } from '../io.ts';
import { type CliSandbox, cliSandbox, runCli } from '../testing/run-cli.ts';
import { attributionSpecFromOptions, formatAttribution, parseDateOption } from './attribution.ts';

const runAttribution = (cwd: string, ...args: string[]) => runCli(cwd, 'attribution', ...args);

const RESULT: AttributionResult = {
  model: 'last',
  conversionEvent: 'order_completed',
  totalConversions: 1234,
  totalRevenue: 56_789.5,
  channels: [
    { channel: 'search', conversions: 1000, revenue: 50_000 },
    { channel: 'email', conversions: 230.5, revenue: 6_789.5 },
    { channel: '(none)', conversions: 3.5, revenue: 0 },
    { channel: 'display', conversions: -1e-17, revenue: 0 },
  ],
};

describe('formatAttribution', () => {
  it('aligns channel, conversions, share and revenue, with a totals line', () => {
    expect(formatAttribution(RESULT)).toBe(
      [
        'order_completed by channel, last-touch model',
        'channel  conversions   share    revenue',
        'search      1,000.00   81.0%  50,000.00',
        'email         230.50   18.7%   6,789.50',
        '(none)          3.50    0.3%       0.00',
        'display         0.00    0.0%       0.00',
        'total       1,234.00  100.0%  56,789.50',
      ].join('\n'),
    );
  });

  it('shows no share without conversions', () => {
    const text = formatAttribution({
      ...RESULT,
      model: 'markov',
      totalConversions: 0,
      totalRevenue: 0,
      channels: [],
    });
    expect(text.split('\n')).toEqual([
      'order_completed by channel, markov model',
      'channel  conversions  share  revenue',
      'total           0.00      -     0.00',
    ]);
  });
});

describe('attribution options', () => {
  const options = { conversion: 'order_completed', model: 'last', lookback: '30d', halfLife: '7d' };

  it('reads durations, models and dates', () => {
    expect(
      attributionSpecFromOptions({
        ...options,
        model: 'time-decay',
        lookback: '2w',
        halfLife: '36h',
        from: '2026-05-01',
        to: '2026-05-31',
      }),
    ).toEqual({
      conversion: 'order_completed',
      model: 'time-decay',
      lookbackSeconds: 14 * 86_400,
      halfLifeSeconds: 36 * 3_600,
      from: Date.UTC(2026, 4, 1),
      to: Date.UTC(2026, 5, 1),
    });
  });

  it('reads a date alone as a whole day and an instant as it is, UTC unless zoned', () => {
    expect(parseDateOption('--from', '2026-05-31')).toBe(Date.UTC(2026, 4, 31));
    expect(parseDateOption('--to', '2026-05-31', true)).toBe(Date.UTC(2026, 5, 1));
    expect(parseDateOption('--to', '2026-05-31T12:30', true)).toBe(Date.UTC(2026, 4, 31, 12, 30));
    expect(parseDateOption('--to', '2026-05-31T12:30:00+02:00', true)).toBe(Date.UTC(2026, 4, 31, 10, 30));
  });

  it.each([
    [{ model: 'w-shaped' }, '--model w-shaped: use one of first, last, linear'],
    [{ lookback: 'a month' }, '--lookback a month: give a positive duration'],
    [{ lookback: '0d' }, '--lookback 0d: give a positive duration'],
    [{ halfLife: '-1d' }, '--half-life -1d: give a positive duration'],
    [{ from: '2026-02-30' }, '--from 2026-02-30: give a date'],
    [{ to: 'yesterday' }, '--to yesterday: give a date'],
    [{ from: '2026-06-01', to: '2026-05-31' }, '--from 2026-06-01 is not before --to 2026-05-31'],
  ])('refuses %o as a usage error', (bad, message) => {
    const attempt = () => attributionSpecFromOptions({ ...options, ...bad });
    expect(attempt).toThrow(CliError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as CliError).exitCode).toBe(EXIT_USAGE);
    }
  });
});

describe('touchline attribution', () => {
  let cli: CliSandbox;

  beforeEach(() => {
    cli = cliSandbox();
  });

  // anna: search, email, then an order of 100. bram: social, an order of 50. carla: an order of
  // 30 without a touch. dirk: display 33 days before an order of 20 (outside a 30-day lookback).
  const EVENTS = [
    'event_id,user_id,timestamp,event,channel,revenue',
    'e1,anna,2026-05-01T10:00:00Z,ad_click,search,',
    'e2,anna,2026-05-02T10:00:00Z,email_click,email,',
    'e3,anna,2026-05-03T10:00:00Z,order_completed,,100',
    'e4,bram,2026-05-01T09:00:00Z,ad_click,social,',
    'e5,bram,2026-05-01T09:30:00Z,order_completed,,50',
    'e6,carla,2026-05-02T12:00:00Z,order_completed,,30',
    'e7,dirk,2026-04-01T08:00:00Z,ad_click,display,',
    'e8,dirk,2026-05-04T08:00:00Z,order_completed,,20',
    'e9,dirk,2026-05-04T08:05:00Z,page_view,,',
  ].join('\n');

  it('credits imported events by the chosen model, lookback and window', async () => {
    writeFileSync(cli.path('events.csv'), EVENTS);
    expect((await cli.run('import', 'events.csv')).code).toBe(EXIT_OK);

    // linear, 30 days: anna search 1/2 and email 1/2 (50 each), bram social 1 (50),
    // carla and dirk (none) 2 (30 + 20).
    const linear = await runAttribution(
      cli.cwd,
      '--conversion',
      'order_completed',
      '--model',
      'linear',
      '--json',
    );
    expect(linear.stderr).toBe('');
    expect(linear.code).toBe(EXIT_OK);
    expect(JSON.parse(linear.stdout)).toEqual({
      model: 'linear',
      conversion_event: 'order_completed',
      total_conversions: 4,
      total_revenue: 200,
      channels: [
        { channel: '(none)', conversions: 2, revenue: 50 },
        { channel: 'social', conversions: 1, revenue: 50 },
        { channel: 'email', conversions: 0.5, revenue: 50 },
        { channel: 'search', conversions: 0.5, revenue: 50 },
      ],
    });

    // last (the default), 40 days: dirk's display counts now; only carla's order is (none).
    const last = await runAttribution(cli.cwd, '--conversion', 'order_completed', '--lookback', '40d');
    expect(last.code).toBe(EXIT_OK);
    expect(last.stdout).toBe(
      [
        'order_completed by channel, last-touch model',
        'channel  conversions   share  revenue',
        '(none)          1.00   25.0%    30.00',
        'display         1.00   25.0%    20.00',
        'email           1.00   25.0%   100.00',
        'social          1.00   25.0%    50.00',
        'search          0.00    0.0%     0.00',
        'total           4.00  100.0%   200.00',
        '',
      ].join('\n'),
    );

    // Up to 3 May inclusive: dirk's order is outside the window, his display a journey without one.
    const window = await runAttribution(
      cli.cwd,
      '--conversion',
      'order_completed',
      '--model',
      'first',
      '--from',
      '2026-04-01',
      '--to',
      '2026-05-03',
      '--json',
    );
    expect(JSON.parse(window.stdout)).toMatchObject({
      total_conversions: 3,
      total_revenue: 180,
      channels: [
        { channel: '(none)', conversions: 1, revenue: 30 },
        { channel: 'search', conversions: 1, revenue: 100 },
        { channel: 'social', conversions: 1, revenue: 50 },
        { channel: 'display', conversions: 0, revenue: 0 },
        { channel: 'email', conversions: 0, revenue: 0 },
      ],
    });
  });

  it('stops with a usage error on a bad option or a missing --conversion', async () => {
    const bad = await runAttribution(cli.cwd, '--conversion', 'order_completed', '--model', 'u-shaped');
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.stderr).toContain('--model u-shaped: use one of');
    const missing = await runAttribution(cli.cwd, '--model', 'last');
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toContain("required option '--conversion <event>' not specified");
  });
});
