import type { JourneyMap, MatchRule } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import type { TrackedEvent } from './events.ts';
import {
  CustomerFunnel,
  type FunnelResult,
  type FunnelStep,
  funnel,
  funnelToJson,
  medianOfSorted,
  percentileOfSorted,
  TIME_TO_CONVERT_BUCKETS,
} from './funnel.ts';
import { anyRuleMatches, resolveReference } from './match.ts';
import { MemoryEventStore } from './memory-store.ts';
import { FUNNEL_MAP, MINUTE, random, randomFunnelEvents, T0 } from './testing/funnel-events.ts';

const at = (minutes: number) => T0 + minutes * MINUTE;

const MAP = FUNNEL_MAP;

const ev = (
  userId: string,
  minutes: number,
  event: string,
  extra: Partial<TrackedEvent> = {},
): TrackedEvent => ({
  userId,
  time: at(minutes),
  event,
  ...extra,
});

// ---------------------------------------------------------------------------------------------
// Order statistics

describe('median and p90', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[1, 9], 5],
    [[1, 2, 10], 2],
    [[0, 60, 180, 240], 120],
  ])('median of %j is %j (mean of the two middle values when even)', (values, expected) => {
    expect(medianOfSorted(values)).toBe(expected);
  });

  it.each([
    [[], null],
    [[5], 5],
    [[540, 600], 600],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 10],
  ])('nearest-rank p90 of %j is %j', (values, expected) => {
    expect(percentileOfSorted(values, 90)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// The per-customer pass, driven directly

describe('CustomerFunnel', () => {
  const run = (steps: number, windowSeconds: number, rows: [number, number][]) => {
    const pass = new CustomerFunnel(steps, windowSeconds);
    const level = pass.run(
      Float64Array.from(rows, (r) => r[0]),
      Int32Array.from(rows, (r) => r[1]),
      0,
      rows.length,
    );
    return { level, chain: [...pass.chain.subarray(0, level)] };
  };

  it("agrees with ClickHouse's windowFunnel test 01646: a step 3 event before steps 1 and 2 at one time", () => {
    // windowFunnel(...)(timestamp, eventID = 1004, eventID = 1003, eventID = 1002): both orders of
    // the two events at 29 Jan 10:00 give level 2; the 1002 event a day earlier cannot be step 3.
    const day = 86_400_000;
    expect(
      run(3, 1e9, [
        [0, 0b100],
        [day, 0b001],
        [day, 0b010],
      ]).level,
    ).toBe(2);
    expect(
      run(3, 1e9, [
        [0, 0b100],
        [day, 0b010],
        [day, 0b001],
      ]).level,
    ).toBe(2);
  });

  it('lets one event stand for several steps, and takes equal times in step order', () => {
    expect(run(3, 60, [[5, 0b111]])).toEqual({ level: 3, chain: [5, 5, 5] });
    expect(
      run(3, 60, [
        [5, 0b100],
        [5, 0b010],
        [5, 0b001],
      ]),
    ).toEqual({ level: 3, chain: [5, 5, 5] });
    // A step-2 event before any step 1 counts for nothing.
    expect(
      run(2, 60, [
        [1, 0b010],
        [2, 0b001],
      ]),
    ).toEqual({ level: 1, chain: [2] });
  });

  it('includes the window edge and nothing past it', () => {
    expect(
      run(2, 60, [
        [0, 1],
        [60_000, 2],
      ]).level,
    ).toBe(2);
    expect(
      run(2, 60, [
        [0, 1],
        [60_001, 2],
      ]).level,
    ).toBe(1);
  });

  it('keeps the chain that first reached the level and ignores marks beyond the steps', () => {
    expect(
      run(2, 60, [
        [0, 1],
        [1000, 1],
        [2000, 2],
        [3000, 2 | 4 | 8],
      ]),
    ).toEqual({ level: 2, chain: [1000, 2000] });
  });

  it('runs 30 steps, one event each, and stops at the last', () => {
    const rows: [number, number][] = Array.from({ length: 30 }, (_, k) => [1000 * k, 1 << k]);
    // Step 1 again afterwards changes nothing: the funnel is complete.
    rows.push([40_000, 1], [41_000, 1 << 1]);
    expect(run(30, 29, rows)).toEqual({ level: 30, chain: rows.slice(0, 30).map((r) => r[0]) });
    // With a window of 28 s the 30th step, 29 s after the first, is too late.
    expect(run(30, 28, rows.slice(0, 30)).level).toBe(29);
  });

  it('refuses 0 or more than 30 steps and a window that is not positive', () => {
    expect(() => new CustomerFunnel(0, 60)).toThrow(RangeError);
    expect(() => new CustomerFunnel(31, 60)).toThrow('1 to 30 steps');
    expect(() => new CustomerFunnel(30, 60)).not.toThrow();
    expect(() => new CustomerFunnel(2, 0)).toThrow('positive duration');
  });
});

// ---------------------------------------------------------------------------------------------
// The hand-worked example: steps view > basket > checkout > order, window 10 minutes; times in
// minutes. Channels are on the views.

const HAND_EVENTS: TrackedEvent[] = [
  // ann: checkout and cart at the same minute (given in the wrong order) follow each other; the
  // order lands exactly on the window's edge (10 min after the view). Chain 0, 3, 3, 10: level 4.
  ev('ann', 0, 'view', { channel: 'search', url: '/p/1' }),
  ev('ann', 3, 'checkout'),
  ev('ann', 3, 'cart'),
  ev('ann', 10, 'order'),
  // bob: one view of /cart/x is step 1 and step 2 at once (chain 0, 0). The checkout at 11 is
  // past the window; the view at 20 starts again but has no basket after it: level 2.
  ev('bob', 0, 'view', { channel: 'email', url: '/cart/x' }),
  ev('bob', 11, 'checkout'),
  ev('bob', 20, 'view', { channel: 'search', url: '/p/2' }),
  ev('bob', 25, 'checkout'),
  // cas: from the view at 0 the order at 17 is too late, from the later view at 8 it is not:
  // chain 8, 9, 12, 17, level 4, channel social.
  ev('cas', 0, 'view', { channel: 'email' }),
  ev('cas', 8, 'view', { channel: 'social' }),
  ev('cas', 9, 'cart'),
  ev('cas', 12, 'checkout'),
  ev('cas', 17, 'order'),
  // dan: the view at 7 restarts step 1 only; checkout at 9 still extends the basket chain from 0,
  // and the order at 12 is too late for it: chain 0, 5, 9, level 3, channel search.
  ev('dan', 0, 'view', { channel: 'search' }),
  ev('dan', 5, 'cart'),
  ev('dan', 7, 'view', { channel: 'email' }),
  ev('dan', 9, 'checkout'),
  ev('dan', 12, 'order'),
  // eve: repeated views, the latest (no channel) starts the chain; the first cart reaches level 2
  // (chain 2, 4), the repeat at 5 does not replace it; checkout at 20 is too late: (none).
  ev('eve', 0, 'view', { channel: 'social' }),
  ev('eve', 1, 'view'),
  ev('eve', 2, 'view'),
  ev('eve', 4, 'cart'),
  ev('eve', 5, 'cart'),
  ev('eve', 20, 'checkout'),
  // fay: three views at the same minute; email beats social (name order) and a missing channel.
  ev('fay', 30, 'view', { channel: 'social' }),
  ev('fay', 30, 'view'),
  ev('fay', 30, 'view', { channel: 'email' }),
  ev('fay', 31, 'cart'),
  // gus: cart and checkout before any view count for nothing: level 1, search.
  ev('gus', 0, 'cart'),
  ev('gus', 1, 'checkout'),
  ev('gus', 5, 'view', { channel: 'search' }),
  // hal: the order 1 ms past the window: chain 0, 1, 2, level 3, search.
  ev('hal', 0, 'view', { channel: 'search' }),
  ev('hal', 1, 'cart'),
  ev('hal', 2, 'checkout'),
  { userId: 'hal', time: at(10) + 1, event: 'order' },
  // ivy: no view at all.
  ev('ivy', 0, 'cart'),
  ev('ivy', 1, 'order'),
];

const HAND_SPEC = { steps: ['view', 'basket', 'checkout', 'order'], windowSeconds: 600, by: 'channel' };

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

describe('funnel: the hand-worked example', () => {
  // Levels: ann 4, bob 2, cas 4, dan 3, eve 2, fay 2, gus 1, hal 3 (ivy none).
  // Gaps to basket (s): ann 180, bob 0, cas 60, dan 300, eve 120, fay 60, hal 60 -> median 60.
  // Gaps to checkout: ann 0, cas 180, dan 240, hal 60 -> sorted 0 60 180 240, median 120.
  // Gaps to order: ann 420, cas 300 -> median 360.
  // Time to convert: ann 600, cas 540: mean 570, median 570, p90 600; buckets 1-10m and 10-60m.
  const EXPECTED_STEPS = [
    step('view', 8, 1, 1, null),
    step('basket', 7, 7 / 8, 7 / 8, 60),
    step('checkout', 4, 0.5, 4 / 7, 120),
    step('order', 2, 0.25, 0.5, 360),
  ];

  it.each([1, 2, 1024])(
    'counts, ratios, medians and time to convert (%i customers per batch)',
    async (size) => {
      const store = new MemoryEventStore(HAND_EVENTS, [], { customersPerBatch: size });
      const result = await funnel(store, HAND_SPEC, MAP);
      expect(result.windowSeconds).toBe(600);
      expect(result.stepKinds).toEqual(['event', 'touchpoint', 'event', 'event']);
      expect(result.steps).toEqual(EXPECTED_STEPS);
      expect(result.timeToConvert).toEqual({
        customers: 2,
        meanSeconds: 570,
        medianSeconds: 570,
        p90Seconds: 600,
        histogram: TIME_TO_CONVERT_BUCKETS.map((bucket, i) => ({
          label: bucket.label,
          fromSeconds: bucket.fromSeconds,
          toSeconds: TIME_TO_CONVERT_BUCKETS[i + 1]?.fromSeconds ?? null,
          customers: bucket.label === '1-10m' || bucket.label === '10-60m' ? 1 : 0,
        })),
      });
    },
  );

  it('breaks down by the channel of the chain’s first event', async () => {
    const result = await funnel(new MemoryEventStore(HAND_EVENTS), HAND_SPEC, MAP);
    // search: ann 4, dan 3, gus 1, hal 3; email: bob 2, fay 2; social: cas 4; (none): eve 2.
    expect(result.by).toBe('channel');
    expect(result.breakdown).toEqual([
      {
        value: 'search',
        steps: [
          step('view', 4, 1, 1, null),
          step('basket', 3, 0.75, 0.75, 180), // 60 180 300
          step('checkout', 3, 0.75, 1, 60), // 0 60 240
          step('order', 1, 0.25, 1 / 3, 420),
        ],
      },
      {
        value: 'email',
        steps: [
          step('view', 2, 1, 1, null),
          step('basket', 2, 1, 1, 30), // 0 60
          step('checkout', 0, 0, 0, null),
          step('order', 0, 0, 0, null),
        ],
      },
      {
        value: '(none)',
        steps: [
          step('view', 1, 1, 1, null),
          step('basket', 1, 1, 1, 120),
          step('checkout', 0, 0, 0, null),
          step('order', 0, 0, 0, null),
        ],
      },
      {
        value: 'social',
        steps: [
          step('view', 1, 1, 1, null),
          step('basket', 1, 1, 1, 60),
          step('checkout', 1, 1, 1, 180),
          step('order', 1, 1, 1, 300),
        ],
      },
    ]);
    expectBreakdownAddsUp(result);
  });

  it('writes the JSON shape', async () => {
    const result = await funnel(new MemoryEventStore(HAND_EVENTS), HAND_SPEC, MAP);
    const json = funnelToJson(result);
    expect(json.window_seconds).toBe(600);
    expect(json.steps[1]).toEqual({
      step: 'basket',
      users: 7,
      conversion_from_start: 7 / 8,
      conversion_from_previous: 7 / 8,
      median_seconds_from_previous: 60,
    });
    expect(json.time_to_convert).toMatchObject({ customers: 2, mean_seconds: 570, p90_seconds: 600 });
    expect(json.time_to_convert.histogram[1]).toEqual({
      bucket: '1-10m',
      from_seconds: 60,
      to_seconds: 600,
      customers: 1,
    });
    expect(json.breakdown?.map((entry) => [entry.value, entry.steps[0]?.users])).toEqual([
      ['search', 4],
      ['email', 2],
      ['(none)', 1],
      ['social', 1],
    ]);
    const unbroken = funnelToJson(
      await funnel(new MemoryEventStore(HAND_EVENTS), { ...HAND_SPEC, by: undefined }, MAP),
    );
    expect('breakdown' in unbroken).toBe(false);
  });

  it('reads only the events between from and to', async () => {
    // From minute 8: ann has only checkout, cart, order (no view); cas's chain 8, 9, 12, 17 stays.
    const result = await funnel(
      new MemoryEventStore(HAND_EVENTS),
      { ...HAND_SPEC, from: at(8), to: at(18) },
      MAP,
    );
    // view: bob? (20: out), cas 8, dan 7? (out: 7 < 8), fay 30 (out), gus 5 (out): only cas.
    expect(result.steps.map((s) => s.users)).toEqual([1, 1, 1, 1]);
    expect(result.timeToConvert.medianSeconds).toBe(540);
  });

  it('gives zeros, not NaN, when nobody starts', async () => {
    const result = await funnel(new MemoryEventStore(HAND_EVENTS), { steps: ['nothing', 'view'] });
    expect(result.steps).toEqual([step('nothing', 0, 0, 0, null), step('view', 0, 0, 0, null)]);
    expect(result.timeToConvert).toMatchObject({
      customers: 0,
      meanSeconds: null,
      medianSeconds: null,
      p90Seconds: null,
    });
  });

  it('refuses bad specs', async () => {
    const store = new MemoryEventStore(HAND_EVENTS);
    await expect(funnel(store, { steps: [] })).rejects.toThrow('1 to 30 steps');
    await expect(funnel(store, { steps: Array.from({ length: 31 }, (_, i) => `s${i}`) })).rejects.toThrow(
      '1 to 30 steps',
    );
    await expect(funnel(store, { steps: ['view'], windowSeconds: -5 })).rejects.toThrow('positive duration');
    await expect(funnel(store, { steps: ['view', 'silent'] }, MAP)).rejects.toThrow(
      'funnel step silent: the touchpoint has no match rules',
    );
  });
});

function expectBreakdownAddsUp(result: FunnelResult): void {
  const breakdown = result.breakdown ?? [];
  result.steps.forEach((s, k) => {
    expect(breakdown.reduce((sum, entry) => sum + (entry.steps[k]?.users ?? 0), 0)).toBe(s.users);
  });
}

// ---------------------------------------------------------------------------------------------
// Brute force over random seeded data

const STEP_CHOICES = ['view', 'basket', 'checkout', 'order', 'buy', 'cart'];

const randomEvents = (seed: number, customers: number) =>
  randomFunnelEvents(seed, customers, { maxEvents: 10, minutes: 30 });

function randomSteps(next: () => number): string[] {
  const count = 2 + Math.floor(next() * 4);
  return Array.from(
    { length: count },
    () => STEP_CHOICES[Math.floor(next() * STEP_CHOICES.length)] ?? 'view',
  );
}

interface ReferenceCustomer {
  level: number;
  chain: number[];
  value: string;
}

/**
 * The definition taken literally: level k is reached iff some events e1..ek (the same event may
 * be used for several steps) match steps 1..k with non-decreasing times within the window. The
 * chain that first reached the level: its last event is the earliest step-L event that ends a
 * valid chain; going back, each earlier event is the latest step-j event at or before the next
 * one that ends a valid j-chain.
 */
function referenceCustomer(
  events: readonly TrackedEvent[],
  steps: readonly (readonly MatchRule[])[],
  windowMs: number,
): ReferenceCustomer {
  const matches = steps.map((rules) => events.filter((e) => anyRuleMatches(e, rules)).map((e) => e.time));
  // endsChain(j, t): a step-(j+1) event at time t ends a valid chain of steps 1..j+1.
  const endsChain = (j: number, t: number): boolean => {
    const search = (i: number, previous: number, first: number): boolean => {
      if (i < 0) return t - first <= windowMs;
      return (matches[i] ?? []).some((time) => time <= previous && search(i - 1, time, time));
    };
    // Walk backwards from the step j event: each earlier step's event is at or before the next.
    return search(j - 1, t, t);
  };
  let level = 0;
  for (let j = 0; j < steps.length; j++) {
    if ((matches[j] ?? []).some((t) => endsChain(j, t))) level = j + 1;
    else break;
  }
  if (level === 0) return { level, chain: [], value: '(none)' };
  const chain = new Array<number>(level).fill(0);
  chain[level - 1] = Math.min(...(matches[level - 1] ?? []).filter((t) => endsChain(level - 1, t)));
  for (let j = level - 2; j >= 0; j--) {
    const next = chain[j + 1] ?? 0;
    chain[j] = Math.max(...(matches[j] ?? []).filter((t) => t <= next && endsChain(j, t)));
  }
  const firstValues = events
    .filter((e) => e.time === chain[0] && anyRuleMatches(e, steps[0] ?? []))
    .map((e) => e.channel)
    .filter((c): c is string => c !== undefined && c !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { level, chain, value: firstValues[0] ?? '(none)' };
}

function plainMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  if (sorted.length % 2 === 1) return sorted[Math.floor(middle)] ?? null;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function referenceSteps(customers: readonly ReferenceCustomer[], names: readonly string[]): FunnelStep[] {
  const users = names.map((_, k) => customers.filter((c) => c.level > k).length);
  return names.map((name, k) => {
    const reached = users[k] ?? 0;
    const gaps = customers
      .filter((c) => c.level > k && k > 0)
      .map((c) => ((c.chain[k] ?? 0) - (c.chain[k - 1] ?? 0)) / 1000);
    const start = users[0] ?? 0;
    const previous = k === 0 ? reached : (users[k - 1] ?? 0);
    return step(
      name,
      reached,
      start === 0 ? 0 : reached / start,
      previous === 0 ? 0 : reached / previous,
      k === 0 ? null : plainMedian(gaps),
    );
  });
}

function referenceFunnel(
  events: readonly TrackedEvent[],
  names: readonly string[],
  windowSeconds: number,
  map: JourneyMap,
) {
  const rules = names.map((name) => resolveReference(name, map).rules);
  const byCustomer = new Map<string, TrackedEvent[]>();
  for (const e of events) byCustomer.set(e.userId, [...(byCustomer.get(e.userId) ?? []), e]);
  const customers = [...byCustomer.values()]
    .map((list) => referenceCustomer(list, rules, windowSeconds * 1000))
    .filter((c) => c.level > 0);
  const complete = customers
    .filter((c) => c.level === names.length)
    .map((c) => ((c.chain[c.chain.length - 1] ?? 0) - (c.chain[0] ?? 0)) / 1000)
    .sort((a, b) => a - b);
  const values = [...new Set(customers.map((c) => c.value))];
  return {
    steps: referenceSteps(customers, names),
    complete,
    breakdown: values.map((value) => ({
      value,
      steps: referenceSteps(
        customers.filter((c) => c.value === value),
        names,
      ),
    })),
  };
}

describe('funnel: brute force over random events', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    'equals the literal definition (seed %i)',
    async (seed) => {
      const next = random(1000 + seed);
      const events = randomEvents(seed, 150);
      const steps = randomSteps(next);
      const windowSeconds = 60 * (1 + Math.floor(next() * 15));
      const store = new MemoryEventStore(events, [], { customersPerBatch: 1 + (seed % 3) });
      const result = await funnel(store, { steps, windowSeconds, by: 'channel' }, MAP);
      const expected = referenceFunnel(events, steps, windowSeconds, MAP);

      expect(result.steps).toEqual(expected.steps);
      const { complete } = expected;
      expect(result.timeToConvert.customers).toBe(complete.length);
      expect(result.timeToConvert.medianSeconds).toBe(plainMedian(complete));
      if (complete.length > 0) {
        const mean = complete.reduce((sum, x) => sum + x, 0) / complete.length;
        expect(result.timeToConvert.meanSeconds).toBeCloseTo(mean, 9);
        // Nearest rank: the smallest value with at least 90% at or below it.
        const p90 = complete.find((x) => complete.filter((y) => y <= x).length >= 0.9 * complete.length);
        expect(result.timeToConvert.p90Seconds).toBe(p90);
      }
      const histogram = TIME_TO_CONVERT_BUCKETS.map(
        (bucket, i) =>
          complete.filter(
            (x) =>
              x >= bucket.fromSeconds &&
              x < (TIME_TO_CONVERT_BUCKETS[i + 1]?.fromSeconds ?? Number.POSITIVE_INFINITY),
          ).length,
      );
      expect(result.timeToConvert.histogram.map((b) => b.customers)).toEqual(histogram);

      const breakdown = [...expected.breakdown].sort(
        (a, b) => (b.steps[0]?.users ?? 0) - (a.steps[0]?.users ?? 0) || (a.value < b.value ? -1 : 1),
      );
      expect(result.breakdown).toEqual(breakdown);
      expectBreakdownAddsUp(result);
    },
  );

  it('equals the literal definition over more customers than its lists first hold', async () => {
    const events = randomEvents(13, 5_000);
    const spec = { steps: ['view', 'basket', 'buy'], windowSeconds: 600, by: 'channel' };
    const result = await funnel(new MemoryEventStore(events), spec, MAP);
    const expected = referenceFunnel(events, spec.steps, spec.windowSeconds, MAP);
    expect(result.steps[0]?.users).toBeGreaterThan(2_500);
    expect(result.steps).toEqual(expected.steps);
    expect(result.timeToConvert.customers).toBe(expected.complete.length);
    expectBreakdownAddsUp(result);
  });

  it('gives the same result whatever the batch size and customer order', async () => {
    const events = randomEvents(99, 300);
    const spec = { steps: ['view', 'basket', 'buy'], windowSeconds: 300, by: 'channel' };
    const whole = await funnel(new MemoryEventStore(events), spec, MAP);
    expect(whole.steps[0]?.users).toBeGreaterThan(0);
    expect(whole.steps[2]?.users).toBeGreaterThan(0);
    for (const size of [1, 2, 7])
      expect(await funnel(new MemoryEventStore(events, [], { customersPerBatch: size }), spec, MAP)).toEqual(
        whole,
      );
    // Customers first seen in the opposite order get other codes and come in another order.
    const reversed = [...events].reverse();
    expect(await funnel(new MemoryEventStore(reversed), spec, MAP)).toEqual(whole);
  });
});
