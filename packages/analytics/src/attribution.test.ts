import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION_MODELS,
  type AttributionModel,
  type AttributionResult,
  attributeJourneys,
  attribution,
  attributionToJson,
  type ChannelCredit,
  type JourneyInput,
  journeysFrom,
  markovRemovalEffects,
} from './attribution.ts';
import type { TrackedEvent } from './events.ts';
import { MemoryEventStore } from './memory-store.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 4, 1);
const at = (days: number) => T0 + days * DAY;

/** Credits as a plain { channel: [conversions, revenue] } record, for readable expectations. */
function credits(channels: readonly ChannelCredit[]): Record<string, [number, number]> {
  return Object.fromEntries(channels.map((c) => [c.channel, [c.conversions, c.revenue]]));
}

function expectCredits(actual: readonly ChannelCredit[], expected: Record<string, [number, number]>): void {
  const got = credits(actual);
  expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
  for (const [channel, [conversions, revenue]] of Object.entries(expected)) {
    expect(got[channel]?.[0], `${channel} conversions`).toBeCloseTo(conversions, 10);
    expect(got[channel]?.[1], `${channel} revenue`).toBeCloseTo(revenue, 8);
  }
}

function expectTotals(result: { totalConversions: number; totalRevenue: number; channels: ChannelCredit[] }) {
  const conversions = result.channels.reduce((sum, c) => sum + c.conversions, 0);
  const revenue = result.channels.reduce((sum, c) => sum + c.revenue, 0);
  expect(conversions).toBeCloseTo(result.totalConversions, 9);
  expect(revenue).toBeCloseTo(result.totalRevenue, 6);
}

// ---------------------------------------------------------------------------------------------
// The hand-worked example (lookback 10 days, half-life 1 day; times in days from T0)

const ev = (
  userId: string,
  days: number,
  event: string,
  extra: Partial<TrackedEvent> = {},
): TrackedEvent => ({
  userId,
  time: at(days),
  event,
  ...extra,
});

const HAND_EVENTS: TrackedEvent[] = [
  // anna: search, email, search, then an order of 100 (the order's own channel is not a touch);
  // afterwards one social touch and no order: a non-converting tail [social].
  ev('anna', 0, 'ad_click', { channel: 'search' }),
  ev('anna', 0.5, 'page_view'),
  ev('anna', 1, 'email_click', { channel: 'email' }),
  ev('anna', 2, 'page_view', { channel: 'search' }),
  ev('anna', 3, 'order_completed', { channel: 'email', revenue: 100 }),
  ev('anna', 5, 'ad_click', { channel: 'social' }),
  ev('anna', 6, 'page_view'),
  // bram: display on day 0 falls outside the 10-day lookback of the day-25 order (cut-off day 15)
  // and is dropped; the search touch at the order's very time counts as before it, though it
  // comes after it in the input. The order on day 27 has no touch left: (none), revenue 30.
  ev('bram', 0, 'ad_click', { channel: 'display' }),
  ev('bram', 20, 'ad_click', { channel: 'social' }),
  ev('bram', 24, 'email_open', { channel: 'email' }),
  ev('bram', 25, 'order_completed', { revenue: 50 }),
  ev('bram', 25, 'ad_click', { channel: 'search' }),
  ev('bram', 27, 'order_completed', { revenue: 30 }),
  // carla: an order without touches or revenue ((none), 0), then email twice and an order of 20.
  ev('carla', 1, 'order_completed'),
  ev('carla', 2, 'email_open', { channel: 'email' }),
  ev('carla', 3, 'email_click', { channel: 'email' }),
  ev('carla', 4, 'order_completed', { revenue: 20 }),
  // dirk: search then display, no order: a non-converting journey [search, display].
  ev('dirk', 0, 'ad_click', { channel: 'search' }),
  ev('dirk', 1, 'ad_click', { channel: 'display' }),
  // eva: one search touch, an order of 40 a day later.
  ev('eva', 10, 'ad_click', { channel: 'search' }),
  ev('eva', 11, 'order_completed', { revenue: 40 }),
];

// Converting journeys (ages in days before the conversion):
//   J1 anna  [search 3, email 2, search 1]  100
//   J2 bram  [social 5, email 1, search 0]   50
//   J3 carla [email 2, email 1]              20
//   J4 eva   [search 1]                      40
// (none): bram day 27 (30) and carla day 1 (0). Non-converting: anna [social], dirk [search, display].
// Totals: 6 conversions, 100 + 50 + 20 + 40 + 30 + 0 = 240 revenue. Display appears only in dirk's
// tail, so every model lists it with 0 except none.
const NONE: [number, number] = [2, 30];

const HAND_EXPECTED: Record<AttributionModel, Record<string, [number, number]>> = {
  // first: J1 search, J2 social, J3 email, J4 search.
  first: { search: [2, 140], social: [1, 50], email: [1, 20], display: [0, 0], '(none)': NONE },
  // last: J1 search, J2 search, J3 email, J4 search.
  last: { search: [3, 190], social: [0, 0], email: [1, 20], display: [0, 0], '(none)': NONE },
  // linear: J1 search 2/3 email 1/3; J2 1/3 each; J3 email 1; J4 search 1.
  //   search 2/3 + 1/3 + 1 = 2, revenue 200/3 + 50/3 + 40 = 370/3
  //   email 1/3 + 1/3 + 1 = 5/3, revenue 100/3 + 50/3 + 20 = 70; social 1/3, 50/3
  linear: {
    search: [2, 370 / 3],
    email: [5 / 3, 70],
    social: [1 / 3, 50 / 3],
    display: [0, 0],
    '(none)': NONE,
  },
  // time-decay, half-life 1 day: weight 2^-age.
  //   J1: 1/8, 1/4, 1/2 (sum 7/8) -> search 1/7 + 4/7 = 5/7, email 2/7
  //   J2: 1/32, 1/2, 1 (sum 49/32) -> social 1/49, email 16/49, search 32/49
  //   J3: email 1; J4: search 1
  //   search 5/7 + 32/49 + 1 = 116/49, revenue 500/7 + 1600/49 + 40 = 7060/49
  //   email 2/7 + 16/49 + 1 = 79/49, revenue 200/7 + 800/49 + 20 = 3180/49; social 1/49, 50/49
  'time-decay': {
    search: [116 / 49, 7060 / 49],
    email: [79 / 49, 3180 / 49],
    social: [1 / 49, 50 / 49],
    display: [0, 0],
    '(none)': NONE,
  },
  // position: J1 search 0.4 + 0.4, email 0.2; J2 social 0.4, email 0.2, search 0.4;
  //   J3 (two touches) email 0.5 + 0.5; J4 (one touch) search 1.
  //   search 0.8 + 0.4 + 1 = 2.2, revenue 80 + 20 + 40 = 140
  //   email 0.2 + 0.2 + 1 = 1.4, revenue 20 + 10 + 20 = 50; social 0.4, 20
  position: { search: [2.2, 140], email: [1.4, 50], social: [0.4, 20], display: [0, 0], '(none)': NONE },
  // markov: collapsed paths J1 search>email>search, J2 social>email>search, J3 email, J4 search (all
  // converting), anna social and dirk search>display (null). Transitions:
  //   start: search 3, social 2, email 1 (of 6)
  //   search: email 1, conversion 3, display 1 (of 5); email: search 2, conversion 1 (of 3)
  //   social: email 1, null 1 (of 2); display: null 1
  // x_s = x_e/5 + 3/5, x_e = 2x_s/3 + 1/3 -> x_s = 10/13, x_e = 11/13, x_social = 11/26
  // P = 3/6 * 10/13 + 2/6 * 11/26 + 1/6 * 11/13 = 2/3
  // without search: x_e = 1/3, x_social = 1/6, P = 2/6 * 1/6 + 1/6 * 1/3 = 1/9 -> effect 5/6
  // without email: x_s = 3/5, x_social = 0, P = 3/6 * 3/5 = 3/10 -> effect 1 - 9/20 = 11/20
  // without social: P = 5/13 + 1/6 * 11/13 = 41/78 -> effect 1 - 41/52 = 11/52
  // without display: nothing changes -> effect 0
  // effects in 780ths: 650 + 429 + 165 = 1244; 4 converting journeys, revenue 210.
  markov: {
    search: [(4 * 650) / 1244, (210 * 650) / 1244],
    email: [(4 * 429) / 1244, (210 * 429) / 1244],
    social: [(4 * 165) / 1244, (210 * 165) / 1244],
    display: [0, 0],
    '(none)': NONE,
  },
  // shapley: each conversion split over its distinct channels.
  //   J1 {search, email} 1/2 each; J2 {social, email, search} 1/3 each; J3 email 1; J4 search 1
  //   search 1/2 + 1/3 + 1 = 11/6, revenue 50 + 50/3 + 40 = 320/3
  //   email 11/6, revenue 50 + 50/3 + 20 = 260/3; social 1/3, 50/3
  shapley: {
    search: [11 / 6, 320 / 3],
    email: [11 / 6, 260 / 3],
    social: [1 / 3, 50 / 3],
    display: [0, 0],
    '(none)': NONE,
  },
};

const HAND_SPEC = { conversion: 'order_completed', lookbackSeconds: 10 * 86_400, halfLifeSeconds: 86_400 };

describe('attribution: the hand-worked example', () => {
  it.each(ATTRIBUTION_MODELS)('%s', async (model) => {
    for (const customersPerBatch of [1, 2, 1024]) {
      const store = new MemoryEventStore(HAND_EVENTS, [], { customersPerBatch });
      const result = await attribution(store, { ...HAND_SPEC, model });
      expect(result.model).toBe(model);
      expect(result.conversionEvent).toBe('order_completed');
      expect(result.totalConversions).toBe(6);
      expect(result.totalRevenue).toBeCloseTo(240, 10);
      expectCredits(result.channels, HAND_EXPECTED[model]);
      expectTotals(result);
    }
  });

  it('lists channels by conversions, then name', async () => {
    const store = new MemoryEventStore(HAND_EVENTS);
    const names = async (model: AttributionModel) =>
      (await attribution(store, { ...HAND_SPEC, model })).channels.map((c) => c.channel);
    // first: (none) 2 and search 2 tie, email 1 and social 1 tie.
    expect(await names('first')).toEqual(['(none)', 'search', 'email', 'social', 'display']);
    expect(await names('last')).toEqual(['search', '(none)', 'email', 'display', 'social']);
    // shapley: email and search tie at 11/6, below (none) at 2.
    expect(await names('shapley')).toEqual(['(none)', 'email', 'search', 'social', 'display']);
  });

  it('solves the Markov chain of the example: P(conversion) 2/3 and the removal effects', async () => {
    const journeys = journeysFrom([
      { channels: ['search', 'email', 'search'], converted: true },
      { channels: ['social', 'email', 'search'], converted: true },
      { channels: ['email', 'email'], converted: true },
      { channels: ['search'], converted: true },
      { channels: ['social'], converted: false },
      { channels: ['search', 'display'], converted: false },
    ]);
    const chain = markovRemovalEffects(journeys);
    expect(chain.conversionProbability).toBeCloseTo(2 / 3, 12);
    expect(Object.fromEntries(chain.channels.map((c) => [c.channel, c.removalEffect]))).toEqual({
      display: expect.closeTo(0, 12),
      email: expect.closeTo(11 / 20, 12),
      search: expect.closeTo(5 / 6, 12),
      social: expect.closeTo(11 / 52, 12),
    });
  });

  it('writes the documented JSON shape', async () => {
    const result = await attribution(new MemoryEventStore(HAND_EVENTS), { ...HAND_SPEC, model: 'last' });
    const json = attributionToJson(result);
    expect(Object.keys(json)).toEqual([
      'model',
      'conversion_event',
      'total_conversions',
      'total_revenue',
      'channels',
    ]);
    expect(json).toMatchObject({ model: 'last', conversion_event: 'order_completed', total_conversions: 6 });
    expect(json.channels[0]).toEqual({ channel: 'search', conversions: 3, revenue: 190 });
  });
});

describe('attribution: journeys', () => {
  const spec = { conversion: 'buy', model: 'last' as const, lookbackSeconds: 86_400 };

  it('includes a touch exactly one lookback before the conversion and drops one a millisecond older', async () => {
    const events: TrackedEvent[] = [
      { userId: 'a', time: T0, event: 'click', channel: 'inside' },
      { userId: 'a', time: T0 + DAY, event: 'buy', revenue: 5 },
      { userId: 'b', time: T0 - 1, event: 'click', channel: 'outside' },
      { userId: 'b', time: T0 + DAY, event: 'buy', revenue: 7 },
    ];
    const result = await attribution(new MemoryEventStore(events), spec);
    expectCredits(result.channels, { inside: [1, 5], '(none)': [1, 7] });
  });

  it('does not carry a dropped touch to the next conversion, and starts afresh after each', async () => {
    const events: TrackedEvent[] = [
      { userId: 'a', time: T0, event: 'click', channel: 'old' },
      { userId: 'a', time: T0 + 2 * DAY, event: 'buy' },
      { userId: 'a', time: T0 + 2 * DAY + 1000, event: 'buy' },
      { userId: 'a', time: T0 + 3 * DAY, event: 'click', channel: 'new' },
      { userId: 'a', time: T0 + 3 * DAY + 1000, event: 'buy' },
    ];
    const result = await attribution(new MemoryEventStore(events), spec);
    expectCredits(result.channels, { new: [1, 0], '(none)': [2, 0] });
    expect(result.totalConversions).toBe(3);
  });

  it('gives same-time touches to the first of several same-time conversions', async () => {
    const events: TrackedEvent[] = [
      { userId: 'a', time: T0, event: 'buy', revenue: 1 },
      { userId: 'a', time: T0, event: 'buy', revenue: 2 },
      { userId: 'a', time: T0, event: 'click', channel: 'x' },
    ];
    const result = await attribution(new MemoryEventStore(events), spec);
    expectCredits(result.channels, { x: [1, 1], '(none)': [1, 2] });
  });

  it('credits a store without conversions with nothing', async () => {
    const events: TrackedEvent[] = [{ userId: 'a', time: T0, event: 'click', channel: 'x' }];
    for (const model of ATTRIBUTION_MODELS) {
      const result = await attribution(new MemoryEventStore(events), { ...spec, model });
      expect(result.totalConversions).toBe(0);
      expect(result.channels).toEqual([{ channel: 'x', conversions: 0, revenue: 0 }]);
    }
  });

  it('refuses a lookback or half-life that is not positive', async () => {
    const store = new MemoryEventStore([]);
    await expect(attribution(store, { ...spec, lookbackSeconds: 0 })).rejects.toThrow(/lookback/);
    await expect(attribution(store, { ...spec, halfLifeSeconds: -1 })).rejects.toThrow(/half-life/);
  });
});

// ---------------------------------------------------------------------------------------------
// Published examples

describe('attribution: published examples', () => {
  // Sergey Bryl, "Marketing Multi-Channel Attribution model with R (part 1: Markov chain
  // concept)", 2016: C1 > C2 > C3 converts, C1 and C2 > C3 do not.
  const bryl = journeysFrom([
    { channels: ['C1', 'C2', 'C3'], converted: true },
    { channels: ['C1'], converted: false },
    { channels: ['C2', 'C3'], converted: false },
  ]);

  it("Bryl's Markov example: P(conversion) 1/3, removal effects 0.5, 1, 1, credit 0.2, 0.4, 0.4", () => {
    // By hand: start -> C1 2/3, start -> C2 1/3; C1 -> C2 1/2, C1 -> null 1/2; C2 -> C3 1;
    // C3 -> conversion 1/2, C3 -> null 1/2. P = 2/3 * 1/2 * 1/2 + 1/3 * 1/2 = 1/6 + 1/6 = 1/3.
    // Without C1: only start -> C2 -> C3 -> conversion: 1/3 * 1/2 = 1/6 -> effect 1 - (1/6)/(1/3) = 0.5.
    // Without C2 or C3 no path converts: effect 1 each. Shares 0.5/2.5, 1/2.5, 1/2.5.
    const chain = markovRemovalEffects(bryl);
    expect(chain.conversionProbability).toBeCloseTo(1 / 3, 12);
    expect(chain.channels.map((c) => c.channel)).toEqual(['C1', 'C2', 'C3']);
    expect(chain.channels[0]?.removalEffect).toBeCloseTo(0.5, 12);
    expect(chain.channels[1]?.removalEffect).toBeCloseTo(1, 12);
    expect(chain.channels[2]?.removalEffect).toBeCloseTo(1, 12);
    const result = attributeJourneys(bryl, 'markov');
    expect(result.totalConversions).toBe(1);
    expectCredits(result.channels, { C1: [0.2, 0], C2: [0.4, 0], C3: [0.4, 0] });
  });

  it('linear, position and shapley on the same paths', () => {
    // One converting journey of three distinct channels.
    expectCredits(attributeJourneys(bryl, 'linear').channels, {
      C1: [1 / 3, 0],
      C2: [1 / 3, 0],
      C3: [1 / 3, 0],
    });
    expectCredits(attributeJourneys(bryl, 'position').channels, { C1: [0.4, 0], C2: [0.2, 0], C3: [0.4, 0] });
    expectCredits(attributeJourneys(bryl, 'shapley').channels, {
      C1: [1 / 3, 0],
      C2: [1 / 3, 0],
      C3: [1 / 3, 0],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Second methods over random seeded data

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

function randomJourneys(seed: number, count: number, channels: number): JourneyInput[] {
  const next = random(seed);
  const names = Array.from({ length: channels }, (_, i) => `ch${i}`);
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(next() * 5);
    const converted = next() < 0.4;
    return {
      channels: Array.from({ length }, () => names[Math.floor(next() * channels)] ?? 'ch0'),
      converted,
      revenue: converted ? Math.round(next() * 10_000) / 100 : 0,
    };
  });
}

/** Shapley values by the definition: the weighted marginal contribution over every coalition. */
function shapleyByEnumeration(journeys: readonly JourneyInput[], worth: (j: JourneyInput) => number) {
  const names = [...new Set(journeys.flatMap((j) => j.channels))].sort();
  const n = names.length;
  const index = new Map(names.map((name, i) => [name, i]));
  const sets = journeys
    .filter((j) => j.converted && j.channels.length > 0)
    .map((j) => ({
      mask: j.channels.reduce((mask, c) => mask | (1 << (index.get(c) ?? 0)), 0),
      worth: worth(j),
    }));
  const value = (coalition: number) =>
    sets.reduce((sum, s) => ((s.mask & coalition) === s.mask ? sum + s.worth : sum), 0);
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const values = new Map<string, number>();
  names.forEach((name, i) => {
    let phi = 0;
    for (let coalition = 0; coalition < 1 << n; coalition++) {
      if (coalition & (1 << i)) continue;
      let size = 0;
      for (let k = 0; k < n; k++) if (coalition & (1 << k)) size++;
      const weight = (factorial(size) * factorial(n - size - 1)) / factorial(n);
      phi += weight * (value(coalition | (1 << i)) - value(coalition));
    }
    values.set(name, phi);
  });
  return values;
}

/**
 * Markov removal effects by a different method: the chain built from the journey list, each
 * removal applied to the chain itself, and the conversion probability found by value iteration.
 */
function markovByIteration(journeys: readonly JourneyInput[]) {
  const transitions = new Map<string, Map<string, number>>();
  const count = (from: string, to: string) => {
    const row = transitions.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    transitions.set(from, row);
  };
  for (const journey of journeys) {
    if (journey.channels.length === 0) continue;
    const collapsed = journey.channels.filter((c, i) => i === 0 || journey.channels[i - 1] !== c);
    const states = ['(start)', ...collapsed, journey.converted ? '(conversion)' : '(null)'];
    for (let i = 1; i < states.length; i++) count(states[i - 1] ?? '', states[i] ?? '');
  }
  const conversionProbability = (removed?: string) => {
    let x = new Map<string, number>();
    for (let iteration = 0; iteration < 100_000; iteration++) {
      const next = new Map<string, number>();
      let change = 0;
      for (const [from, row] of transitions) {
        if (from === removed) continue;
        let total = 0;
        for (const n of row.values()) total += n;
        let value = 0;
        for (const [to, n] of row) {
          const p = n / total;
          if (to === '(conversion)') value += p;
          else if (to !== '(null)' && to !== removed) value += p * (x.get(to) ?? 0);
        }
        next.set(from, value);
        change = Math.max(change, Math.abs(value - (x.get(from) ?? 0)));
      }
      x = next;
      if (change < 1e-15) break;
    }
    return x.get('(start)') ?? 0;
  };
  const p = conversionProbability();
  const channels = [...transitions.keys()].filter((s) => s !== '(start)');
  return { p, effects: new Map(channels.map((c) => [c, 1 - conversionProbability(c) / p])) };
}

describe('attribution: second methods on random journeys', () => {
  it.each([1, 2, 3, 4, 5, 6])('shapley closed form equals subset enumeration (seed %i)', (seed) => {
    const channels = 2 + (seed % 5); // 3 to 6 channels
    const list = randomJourneys(seed, 60, channels);
    const result = attributeJourneys(journeysFrom(list), 'shapley');
    const conversions = shapleyByEnumeration(list, () => 1);
    const revenue = shapleyByEnumeration(list, (j) => j.revenue ?? 0);
    for (const credit of result.channels) {
      expect(credit.conversions, credit.channel).toBeCloseTo(
        conversions.get(credit.channel) ?? Number.NaN,
        9,
      );
      expect(credit.revenue, credit.channel).toBeCloseTo(revenue.get(credit.channel) ?? Number.NaN, 7);
    }
    expect(result.channels.length).toBe(conversions.size);
    expectTotals(result);
  });

  it.each([11, 12, 13, 14, 15])('markov exact solution equals value iteration (seed %i)', (seed) => {
    const list = randomJourneys(seed, 80, 5);
    const journeys = journeysFrom(list);
    const exact = markovRemovalEffects(journeys);
    const iterated = markovByIteration(list);
    expect(exact.conversionProbability).toBeCloseTo(iterated.p, 10);
    let effectSum = 0;
    for (const { channel, removalEffect } of exact.channels) {
      expect(removalEffect, channel).toBeCloseTo(iterated.effects.get(channel) ?? Number.NaN, 9);
      effectSum += removalEffect;
    }
    expect(exact.channels.length).toBe(iterated.effects.size);
    const converting = list.filter((j) => j.converted);
    const revenue = converting.reduce((sum, j) => sum + (j.revenue ?? 0), 0);
    const result = attributeJourneys(journeys, 'markov');
    for (const credit of result.channels) {
      const share = (iterated.effects.get(credit.channel) ?? Number.NaN) / effectSum;
      expect(credit.conversions, credit.channel).toBeCloseTo(converting.length * share, 9);
      expect(credit.revenue, credit.channel).toBeCloseTo(revenue * share, 7);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The whole measure against a plain reference over random events

const CHANNELS = ['search', 'social', 'email', 'display', 'partner'];

function randomEvents(seed: number, customers: number): TrackedEvent[] {
  const next = random(seed);
  const events: TrackedEvent[] = [];
  for (let c = 0; c < customers; c++) {
    const count = Math.floor(next() * 12);
    let time = T0 + Math.floor(next() * 10) * DAY;
    for (let i = 0; i < count; i++) {
      // Whole hours, sometimes none, so equal times occur; gaps up to ~12 days cross the lookback.
      time += next() < 0.15 ? 0 : Math.floor(next() * 300) * 3_600_000;
      const r = next();
      if (r < 0.2) {
        const revenue = next() < 0.8 ? Math.round(next() * 20_000) / 100 : undefined;
        // A conversion's own channel is not a touch.
        const channel = next() < 0.3 ? 'email' : undefined;
        events.push({ userId: `u${c}`, time, event: 'order_completed', revenue, channel });
      } else if (r < 0.3) events.push({ userId: `u${c}`, time, event: 'page_view' });
      else {
        const channel = CHANNELS[Math.floor(next() * CHANNELS.length)];
        events.push({ userId: `u${c}`, time, event: r < 0.65 ? 'ad_click' : 'email_open', channel });
      }
    }
  }
  return events;
}

interface ReferenceJourney {
  touches: { channel: string; time: number }[];
  conversion?: { time: number; revenue: number };
}

/** Journeys the plain way: objects per customer, sorted with touches before same-time conversions. */
function referenceJourneys(events: readonly TrackedEvent[], lookbackMs: number): ReferenceJourney[] {
  const byCustomer = new Map<string, TrackedEvent[]>();
  for (const event of events) byCustomer.set(event.userId, [...(byCustomer.get(event.userId) ?? []), event]);
  const journeys: ReferenceJourney[] = [];
  for (const list of byCustomer.values()) {
    const isConversion = (e: TrackedEvent) => e.event === 'order_completed';
    const sorted = [...list].sort(
      (a, b) => a.time - b.time || Number(isConversion(a)) - Number(isConversion(b)),
    );
    let touches: { channel: string; time: number }[] = [];
    for (const event of sorted) {
      if (isConversion(event)) {
        journeys.push({
          touches: touches.filter((t) => t.time >= event.time - lookbackMs),
          conversion: { time: event.time, revenue: event.revenue ?? 0 },
        });
        touches = [];
      } else if (event.channel) touches.push({ channel: event.channel, time: event.time });
    }
    if (touches.length > 0) journeys.push({ touches });
  }
  return journeys;
}

/** Each model written directly from its definition, one journey at a time. */
function referenceAttribution(
  journeys: readonly ReferenceJourney[],
  model: AttributionModel,
  halfLifeMs: number,
): Map<string, [number, number]> {
  const credit = new Map<string, [number, number]>();
  const add = (channel: string, share: number, revenue: number) => {
    const row = credit.get(channel) ?? [0, 0];
    credit.set(channel, [row[0] + share, row[1] + share * revenue]);
  };
  for (const journey of journeys) for (const t of journey.touches) add(t.channel, 0, 0);
  const asInput = journeys.map((j) => ({
    channels: j.touches.map((t) => t.channel),
    converted: j.conversion !== undefined && j.touches.length > 0,
    revenue: j.conversion?.revenue ?? 0,
  }));
  const markov = model === 'markov' ? markovByIteration(asInput) : undefined;
  const markovSum = markov ? [...markov.effects.values()].reduce((a, b) => a + b, 0) : 0;
  for (const journey of journeys) {
    const { conversion, touches } = journey;
    if (!conversion) continue;
    const n = touches.length;
    if (n === 0) {
      add('(none)', 1, conversion.revenue);
      continue;
    }
    const channels = touches.map((t) => t.channel);
    switch (model) {
      case 'first':
        add(channels[0] ?? '', 1, conversion.revenue);
        break;
      case 'last':
        add(channels[n - 1] ?? '', 1, conversion.revenue);
        break;
      case 'linear':
        for (const c of channels) add(c, 1 / n, conversion.revenue);
        break;
      case 'time-decay': {
        const weights = touches.map((t) => 2 ** (-(conversion.time - t.time) / halfLifeMs));
        const total = weights.reduce((a, b) => a + b, 0);
        touches.forEach((t, i) => {
          add(t.channel, (weights[i] ?? 0) / total, conversion.revenue);
        });
        break;
      }
      case 'position':
        channels.forEach((c, i) => {
          const share = n === 1 ? 1 : n === 2 ? 0.5 : i === 0 || i === n - 1 ? 0.4 : 0.2 / (n - 2);
          add(c, share, conversion.revenue);
        });
        break;
      case 'shapley': {
        const distinct = [...new Set(channels)];
        for (const c of distinct) add(c, 1 / distinct.length, conversion.revenue);
        break;
      }
      case 'markov':
        for (const [c, effect] of markov?.effects ?? []) add(c, effect / markovSum, conversion.revenue);
        break;
    }
  }
  return credit;
}

describe('attribution: the whole measure against a plain reference', () => {
  const lookbackSeconds = 7 * 86_400;
  const halfLifeSeconds = 2 * 86_400;

  it.each([21, 22, 23])('every model, random events (seed %i)', async (seed) => {
    const events = randomEvents(seed, 300);
    const reference = referenceJourneys(events, lookbackSeconds * 1000);
    const conversions = reference.filter((j) => j.conversion).length;
    const revenue = reference.reduce((sum, j) => sum + (j.conversion?.revenue ?? 0), 0);
    expect(conversions).toBeGreaterThan(50);
    expect(reference.some((j) => j.conversion && j.touches.length === 0)).toBe(true);
    for (const model of ATTRIBUTION_MODELS) {
      const spec = { conversion: 'order_completed', model, lookbackSeconds, halfLifeSeconds };
      const results: AttributionResult[] = [];
      for (const customersPerBatch of [1, 1024]) {
        results.push(await attribution(new MemoryEventStore(events, [], { customersPerBatch }), spec));
      }
      const [one, all] = results as [AttributionResult, AttributionResult];
      expect(one, `${model}: batch boundaries`).toEqual(all);
      expect(all.totalConversions).toBe(conversions);
      expect(all.totalRevenue).toBeCloseTo(revenue, 6);
      expectTotals(all);
      expectCredits(
        all.channels,
        Object.fromEntries(referenceAttribution(reference, model, halfLifeSeconds * 1000)),
      );
    }
  });

  it('does not depend on the order customers arrive in', async () => {
    const events = randomEvents(31, 200);
    const customers = [...new Set(events.map((e) => e.userId))];
    const next = random(5);
    const shuffled = customers
      .map((c) => ({ c, key: next() }))
      .sort((a, b) => a.key - b.key)
      .flatMap(({ c }) => events.filter((e) => e.userId === c));
    for (const model of ATTRIBUTION_MODELS) {
      const spec = { conversion: 'order_completed', model, lookbackSeconds, halfLifeSeconds };
      const a = await attribution(new MemoryEventStore(events), spec);
      const b = await attribution(new MemoryEventStore(shuffled), spec);
      expect(b.channels.map((c) => c.channel)).toEqual(a.channels.map((c) => c.channel));
      expect(b.totalRevenue).toBe(a.totalRevenue);
      expectCredits(b.channels, credits(a.channels));
    }
  });

  it('reads only the conversion and touches in the window', async () => {
    const events: TrackedEvent[] = [
      { userId: 'a', time: at(0), event: 'click', channel: 'early' },
      { userId: 'a', time: at(2), event: 'click', channel: 'late' },
      { userId: 'a', time: at(3), event: 'order_completed', revenue: 10 },
      { userId: 'a', time: at(9), event: 'order_completed', revenue: 5 },
    ];
    const result = await attribution(new MemoryEventStore(events), {
      conversion: 'order_completed',
      model: 'first',
      from: at(1),
      to: at(5),
    });
    expect(result.totalConversions).toBe(1);
    expectCredits(result.channels, { late: [1, 10] });
  });
});
