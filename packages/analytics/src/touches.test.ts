import { describe, expect, it } from 'vitest';
import type { TrackedEvent } from './events.ts';
import { MemoryEventStore } from './memory-store.ts';
import { type CountSummary, summariseCounts, touches, touchesToJson } from './touches.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 4, 1);
const at = (days: number) => T0 + days * DAY;
const ev = (userId: string, days: number, event: string, channel?: string): TrackedEvent => ({
  userId,
  time: at(days),
  event,
  ...(channel === undefined ? {} : { channel }),
});

// ---------------------------------------------------------------------------------------------
// The hand-worked example: conversion order, lookback 10 days; times in days.

const HAND_EVENTS: TrackedEvent[] = [
  // anna: search, (a page view without channel is no touch), email, search, then an order whose
  // own channel is no touch: 3 touches, 2 channels. The social touch after it has no order.
  ev('anna', 0, 'ad_click', 'search'),
  ev('anna', 0.5, 'page_view'),
  ev('anna', 1, 'email_click', 'email'),
  ev('anna', 2, 'page_view', 'search'),
  ev('anna', 3, 'order', 'email'),
  ev('anna', 5, 'ad_click', 'social'),
  // bram: display on day 0 is outside the lookback of the day-25 order; the search touch at the
  // order's very time counts, though given after it: 3 touches, 3 channels. The order on day 27
  // has nothing left: 0, 0.
  ev('bram', 0, 'ad_click', 'display'),
  ev('bram', 20, 'ad_click', 'social'),
  ev('bram', 24, 'email_open', 'email'),
  ev('bram', 25, 'order'),
  ev('bram', 25, 'ad_click', 'search'),
  ev('bram', 27, 'order'),
  // carla: an order without touches (0, 0), then email twice and an order: 2 touches, 1 channel.
  ev('carla', 1, 'order'),
  ev('carla', 2, 'email_open', 'email'),
  ev('carla', 3, 'email_click', 'email'),
  ev('carla', 4, 'order'),
  // dirk: touches, no order: nothing.
  ev('dirk', 0, 'ad_click', 'search'),
  ev('dirk', 1, 'ad_click', 'display'),
  // eva: one touch, one order: 1, 1.
  ev('eva', 10, 'ad_click', 'search'),
  ev('eva', 11, 'order'),
  // fred: two orders at the same time: the first takes both touches (2, 2), the second none.
  ev('fred', 4, 'ad_click', 'search'),
  ev('fred', 5, 'order'),
  ev('fred', 5, 'email_open', 'email'),
  ev('fred', 5, 'order'),
  // gina: social exactly 10 days before the order counts (the edge is inclusive), search 1 ms
  // earlier does not: 1, 1.
  { userId: 'gina', time: at(0) - 1, event: 'ad_click', channel: 'search' },
  ev('gina', 0, 'ad_click', 'social'),
  ev('gina', 10, 'order'),
];

const summary = (mean: number | null, median: number | null, counts: [number, number][]): CountSummary => ({
  mean,
  median,
  distribution: counts.map(([count, conversions]) => ({ count, conversions })),
});

describe('touches: the hand-worked example', () => {
  it.each([1, 2, 1024])(
    'counts touches and channels per conversion (%i customers per batch)',
    async (size) => {
      const store = new MemoryEventStore(HAND_EVENTS, [], { customersPerBatch: size });
      const result = await touches(store, { conversion: 'order', lookbackSeconds: 10 * 86_400 });
      // touches: anna 3; bram 3, 0; carla 0, 2; eva 1; fred 2, 0; gina 1 -> 0 0 0 1 1 2 2 3 3
      // channels: anna 2; bram 3, 0; carla 0, 1; eva 1; fred 2, 0; gina 1 -> 0 0 0 1 1 1 2 2 3
      expect(result).toEqual({
        conversionEvent: 'order',
        lookbackSeconds: 864_000,
        totalConversions: 9,
        touches: summary(12 / 9, 1, [
          [0, 3],
          [1, 2],
          [2, 2],
          [3, 2],
        ]),
        channels: summary(10 / 9, 1, [
          [0, 3],
          [1, 3],
          [2, 2],
          [3, 1],
        ]),
      });
    },
  );

  it('reads only the events between from and to', async () => {
    // From day 1 to 26: anna loses her first search (2, 2), bram his day-27 order, gina her
    // social touch (0, 0). touches 2 3 0 2 1 2 0 0 -> median (1 + 2) / 2; channels 2 3 0 1 1 2 0 0.
    const result = await touches(new MemoryEventStore(HAND_EVENTS), {
      conversion: 'order',
      lookbackSeconds: 10 * 86_400,
      from: at(1),
      to: at(26),
    });
    expect(result.totalConversions).toBe(8);
    expect(result.touches).toEqual(
      summary(10 / 8, 1.5, [
        [0, 3],
        [1, 1],
        [2, 3],
        [3, 1],
      ]),
    );
    expect(result.channels).toEqual(
      summary(9 / 8, 1, [
        [0, 3],
        [1, 2],
        [2, 2],
        [3, 1],
      ]),
    );
  });

  it('writes the JSON shape', async () => {
    const result = await touches(new MemoryEventStore(HAND_EVENTS), { conversion: 'order' });
    const json = touchesToJson(result);
    expect(json).toMatchObject({
      conversion_event: 'order',
      lookback_seconds: 30 * 86_400,
      total_conversions: 9,
    });
    // 30 days: bram's display now counts (4 touches) and so does gina's search (2).
    expect(json.touches.distribution).toEqual([
      { touches: 0, conversions: 3 },
      { touches: 1, conversions: 1 },
      { touches: 2, conversions: 3 },
      { touches: 3, conversions: 1 },
      { touches: 4, conversions: 1 },
    ]);
    expect(json.touches.median).toBe(2);
    expect(json.distinct_channels.distribution[3]).toEqual({ channels: 4, conversions: 1 });
  });

  it('has no mean or median without conversions, and refuses a bad lookback', async () => {
    const store = new MemoryEventStore(HAND_EVENTS);
    expect(await touches(store, { conversion: 'refund' })).toMatchObject({
      totalConversions: 0,
      touches: { mean: null, median: null, distribution: [] },
    });
    await expect(touches(store, { conversion: 'order', lookbackSeconds: 0 })).rejects.toThrow(
      'positive duration',
    );
  });
});

describe('summariseCounts', () => {
  it.each([
    [[], null, null],
    [[0, 1], 1, 1],
    [[1, 0, 1], 1, 1], // 0 2
    [[0, 2, 2], 1.5, 5 / 3 - 1 / 6], // 1 1 2 2: mean 1.5
    [[2, 0, 0, 1], 0, 1], // 0 0 3
    [[1, 1, 1, 1], 1.5, 1.5], // 0 1 2 3
  ])('conversions per count %j: median %j, mean %j', (counts, median, mean) => {
    const result = summariseCounts(counts);
    expect(result.median).toBe(median);
    if (mean === null) expect(result.mean).toBeNull();
    else expect(result.mean).toBeCloseTo(mean, 12);
  });
});

// ---------------------------------------------------------------------------------------------
// Brute force over random seeded data

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS = ['search', 'social', 'email', 'display'];

function randomEvents(seed: number, customers: number): TrackedEvent[] {
  const next = random(seed);
  const events: TrackedEvent[] = [];
  for (let c = 0; c < customers; c++) {
    const count = Math.floor(next() * 16);
    for (let i = 0; i < count; i++) {
      // Whole days over two months, so equal times and the lookback's edge occur.
      const time = at(Math.floor(next() * 60));
      const r = next();
      if (r < 0.2)
        events.push({ userId: `u${c}`, time, event: 'order', ...(next() < 0.3 ? { channel: 'email' } : {}) });
      else if (r < 0.3) events.push({ userId: `u${c}`, time, event: 'page_view' });
      else
        events.push({
          userId: `u${c}`,
          time,
          event: 'ad_click',
          channel: CHANNELS[Math.floor(next() * 4)] ?? '',
        });
    }
  }
  return events;
}

/**
 * The definition taken literally: a conversion at time T whose customer's previous conversion
 * was at P (or none) has the touches t with P < t <= T and t >= T - lookback.
 */
function referenceCounts(events: readonly TrackedEvent[], lookbackMs: number) {
  const touchCounts: number[] = [];
  const channelCounts: number[] = [];
  for (const userId of new Set(events.map((e) => e.userId))) {
    const own = events.filter((e) => e.userId === userId);
    const conversions = own.filter((e) => e.event === 'order').sort((a, b) => a.time - b.time);
    const touchList = own.filter((e) => e.event !== 'order' && (e.channel ?? '') !== '');
    conversions.forEach((conversion, i) => {
      const previous = conversions[i - 1]?.time ?? Number.NEGATIVE_INFINITY;
      const journey = touchList.filter(
        (t) => t.time > previous && t.time <= conversion.time && t.time >= conversion.time - lookbackMs,
      );
      touchCounts.push(journey.length);
      channelCounts.push(new Set(journey.map((t) => t.channel)).size);
    });
  }
  return { touchCounts, channelCounts };
}

function plainSummary(values: number[]): CountSummary {
  if (values.length === 0) return { mean: null, median: null, distribution: [] };
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(half)] ?? 0)
      : ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2;
  const counts = [...new Set(sorted)].map((count) => ({
    count,
    conversions: sorted.filter((x) => x === count).length,
  }));
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, median, distribution: counts };
}

describe('touches: brute force over random events', () => {
  it.each([1, 2, 3, 4, 5, 6])('equals the literal definition (seed %i)', async (seed) => {
    const events = randomEvents(seed, 200);
    const lookbackDays = 1 + (seed % 4) * 5;
    const result = await touches(new MemoryEventStore(events, [], { customersPerBatch: 1 + (seed % 3) }), {
      conversion: 'order',
      lookbackSeconds: lookbackDays * 86_400,
    });
    const { touchCounts, channelCounts } = referenceCounts(events, lookbackDays * DAY);
    expect(result.totalConversions).toBe(touchCounts.length);
    expect(touchCounts.some((n) => n >= 3)).toBe(true);
    const expectedTouches = plainSummary(touchCounts);
    const expectedChannels = plainSummary(channelCounts);
    expect(result.touches.distribution).toEqual(expectedTouches.distribution);
    expect(result.touches.median).toBe(expectedTouches.median);
    expect(result.touches.mean).toBeCloseTo(expectedTouches.mean ?? 0, 12);
    expect(result.channels.distribution).toEqual(expectedChannels.distribution);
    expect(result.channels.median).toBe(expectedChannels.median);
    expect(result.channels.mean).toBeCloseTo(expectedChannels.mean ?? 0, 12);
  });
});
