import { buildShoesMap } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import { attribution } from './attribution.ts';
import { generateDemoData } from './demo-data.ts';
import { funnel } from './funnel.ts';
import { MemoryEventStore } from './memory-store.ts';
import {
  attributionSpecFromParameters,
  COMMAND_LINE_NAMING,
  dateRangeFromParameters,
  discoverySpecFromParameters,
  funnelSpecFromParameters,
  OptionError,
  type OptionProblem,
  parseDateText,
  pathsSpecFromParameters,
  QUERY_NAMING,
  reportSpecFromParameters,
  touchesSpecFromParameters,
} from './options.ts';
import { report } from './report.ts';
import { touches } from './touches.ts';

const shoes = buildShoesMap('en');

/** The problems an attempt throws; fails when it throws anything else or nothing. */
function problemsOf(attempt: () => unknown): readonly OptionProblem[] {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(OptionError);
    return (error as OptionError).problems;
  }
  throw new Error('no OptionError was thrown');
}

describe('dates', () => {
  it.each([
    ['2026-05-31', false, Date.UTC(2026, 4, 31)],
    ['2026-05-31', true, Date.UTC(2026, 5, 1)],
    ['2026-05-31T12:30', true, Date.UTC(2026, 4, 31, 12, 30)],
    ['2026-05-31 12:30:15.250', false, Date.UTC(2026, 4, 31, 12, 30, 15, 250)],
    ['2026-05-31T12:30:00+02:00', false, Date.UTC(2026, 4, 31, 10, 30)],
    ['2026-05-31T12:30:00-0130', false, Date.UTC(2026, 4, 31, 14)],
  ])('reads %s (upper bound %s), UTC unless zoned', (text, upperBound, expected) => {
    expect(parseDateText(text, upperBound)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', 'yesterday', '1700000000', '2026-05-31T25:00', ''])(
    'refuses %j',
    (text) => {
      expect(parseDateText(text)).toBeNull();
    },
  );
});

describe('one reading, named the command line way or the query string way', () => {
  it.each([
    [
      () => funnelSpecFromParameters({ steps: 'a,b', window: '7x' }, COMMAND_LINE_NAMING),
      () => funnelSpecFromParameters({ steps: 'a,b', window: '7x' }, QUERY_NAMING),
      'window',
      '--window 7x: give a positive duration such as 14d, 12h or 90m',
      'window=7x: give a positive duration such as 14d, 12h or 90m',
    ],
    [
      () => funnelSpecFromParameters({ steps: ' , ' }, COMMAND_LINE_NAMING),
      () => funnelSpecFromParameters({ steps: ' , ' }, QUERY_NAMING),
      'steps',
      '--steps: name the steps, e.g. --steps ad_click,product_view,order_completed',
      'steps: name the steps, e.g. steps=ad_click,product_view,order_completed',
    ],
    [
      () => attributionSpecFromParameters({ conversion: 'o', halfLife: '0d' }, COMMAND_LINE_NAMING),
      () => attributionSpecFromParameters({ conversion: 'o', halfLife: '0d' }, QUERY_NAMING),
      'half-life',
      '--half-life 0d: give a positive duration such as 30d, 12h or 90m',
      'half-life=0d: give a positive duration such as 30d, 12h or 90m',
    ],
    [
      () =>
        touchesSpecFromParameters(
          { conversion: 'o', from: '2026-06-01', to: '2026-05-31' },
          COMMAND_LINE_NAMING,
        ),
      () =>
        touchesSpecFromParameters({ conversion: 'o', from: '2026-06-01', to: '2026-05-31' }, QUERY_NAMING),
      'to',
      '--from 2026-06-01 is not before --to 2026-05-31',
      'from=2026-06-01 is not before to=2026-05-31',
    ],
    [
      () => pathsSpecFromParameters({ over: 'touchpoints' }, undefined, COMMAND_LINE_NAMING),
      () => pathsSpecFromParameters({ over: 'touchpoints' }, undefined, QUERY_NAMING),
      'over',
      '--over touchpoints needs --map <file>',
      'over=touchpoints needs map=<map id>',
    ],
    [
      () => pathsSpecFromParameters({ maxSteps: '1.5' }, undefined, COMMAND_LINE_NAMING),
      () => pathsSpecFromParameters({ maxSteps: '1.5' }, undefined, QUERY_NAMING),
      'max-steps',
      '--max-steps 1.5: give a whole number of at least 1',
      'max-steps=1.5: give a whole number of at least 1',
    ],
    [
      () => reportSpecFromParameters({ churnPeriod: 'soon' }, COMMAND_LINE_NAMING),
      () => reportSpecFromParameters({ churnPeriod: 'soon' }, QUERY_NAMING),
      'churn-period',
      '--churn-period soon: give a duration such as 90d',
      'churn-period=soon: give a duration such as 90d',
    ],
  ])('names the option at fault (%#)', (commandLine, query, option, commandLineMessage, queryMessage) => {
    expect(problemsOf(commandLine)).toEqual([{ option, message: commandLineMessage }]);
    expect(problemsOf(query)).toEqual([{ option, message: queryMessage }]);
  });

  it('lists every problem of the paths references, one a line', () => {
    const attempt = () =>
      pathsSpecFromParameters({ start: 'nowhere', end: 'neither' }, shoes, COMMAND_LINE_NAMING);
    expect(problemsOf(attempt)).toEqual([
      { option: 'start', message: '--start nowhere: not a touchpoint, step or stage of the map' },
      { option: 'end', message: '--end neither: not a touchpoint, step or stage of the map' },
    ]);
    expect(attempt).toThrow(
      '--start nowhere: not a touchpoint, step or stage of the map\n--end neither: not a touchpoint, step or stage of the map',
    );
  });

  it('reads the paths options into a spec', () => {
    expect(
      pathsSpecFromParameters(
        {
          over: 'events',
          per: 'customer',
          collapseRepeats: true,
          maxSteps: '1_000',
          top: '5',
          start: 'ad_click',
          from: '2026-05-01',
          to: '2026-05-01',
        },
        undefined,
        QUERY_NAMING,
      ),
    ).toEqual({
      over: 'events',
      per: 'customer',
      collapseRepeats: true,
      maxSteps: 1000,
      top: 5,
      start: 'ad_click',
      from: Date.UTC(2026, 4, 1),
      to: Date.UTC(2026, 4, 2),
    });
    expect(discoverySpecFromParameters({}, QUERY_NAMING)).toEqual({});
    expect(
      problemsOf(() => dateRangeFromParameters({ from: '2026-05-02', to: '2026-05-01' }, QUERY_NAMING)),
    ).toEqual([{ option: 'to', message: 'to=2026-05-01 is not after from=2026-05-02' }]);
  });
});

describe('defaults', () => {
  // Options left out must mean what the measures do when their spec leaves them out.
  const demo = generateDemoData({ users: 300, seed: 11 });
  const store = new MemoryEventStore([...demo.events], demo.costs());

  it('are the funnel, touches and attribution defaults', async () => {
    const steps = ['ad_click', 'add_to_cart', 'order_completed'];
    expect(await funnel(store, funnelSpecFromParameters({ steps: steps.join(',') }, QUERY_NAMING))).toEqual(
      await funnel(store, { steps }),
    );
    expect(
      await touches(store, touchesSpecFromParameters({ conversion: 'order_completed' }, QUERY_NAMING)),
    ).toEqual(await touches(store, { conversion: 'order_completed' }));
    const spec = attributionSpecFromParameters(
      { conversion: 'order_completed', model: 'time-decay' },
      QUERY_NAMING,
    );
    expect(await attribution(store, spec)).toEqual(
      await attribution(store, { conversion: 'order_completed', model: 'time-decay' }),
    );
    expect(attributionSpecFromParameters({ conversion: 'order_completed' }, QUERY_NAMING).model).toBe('last');
  });

  it("are the report's defaults", async () => {
    const measured = await report(store, shoes, reportSpecFromParameters({}, QUERY_NAMING));
    expect(measured).toEqual(await report(store, shoes));
    expect(measured.customers).toBeGreaterThan(0);
  });
});
