import { type JourneyMap, journeyMapSchema, placedSteps, stepGraph, templateById } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import { chooseStep, type DiscoveredJourney, discoverJourney, planDiscovery } from './discovered.ts';
import type { TrackedEvent } from './events.ts';
import { anyRuleMatches, touchpointRules } from './match.ts';
import { MemoryEventStore } from './memory-store.ts';

const MINUTE = 60_000;
const shoes = templateById('shoes')?.build('en') as JourneyMap;

/**
 * A small map with a branch, a shortcut and a loop:
 *
 *   a -> b | c      b -> c | d      c -> e      d -> e      e -> b | f      f, g, h end
 *
 * Touchpoint x is used by d and e, q by b and g; `first` matches an `f` event from e-mail before
 * the touchpoint of f does and no step uses it; u is used by no step; h's touchpoint has no rules.
 */
const small = journeyMapSchema.parse({
  schemaVersion: 2,
  id: 'small',
  title: 'Small',
  language: 'en',
  style: 'current-state',
  personas: [{ id: 'p', name: 'P' }],
  touchpoints: [
    ...['a', 'b', 'c', 'd', 'e'].map((id) => ({
      id: `t${id}`,
      name: id,
      channel: 'web',
      mode: 'online',
      match: [{ event: id }],
    })),
    {
      id: 'first',
      name: 'first',
      channel: 'email',
      mode: 'online',
      match: [{ event: 'f', where: [{ property: 'channel', value: 'email' }] }],
    },
    { id: 'tf', name: 'f', channel: 'web', mode: 'online', match: [{ event: 'f' }] },
    { id: 'tx', name: 'x', channel: 'web', mode: 'online', match: [{ event: 'x' }] },
    { id: 'tq', name: 'q', channel: 'web', mode: 'online', match: [{ event: 'q' }] },
    { id: 'tu', name: 'u', channel: 'web', mode: 'online', match: [{ event: 'u' }] },
    { id: 'tnone', name: 'none', channel: 'web', mode: 'online' },
  ],
  stages: [
    {
      id: 's1',
      name: 'S1',
      steps: [
        { id: 'a', name: 'A', touchpoints: ['ta'], next: ['b', 'c'] },
        { id: 'b', name: 'B', touchpoints: ['tb', 'tq'], next: ['c', 'd'] },
      ],
    },
    {
      id: 's2',
      name: 'S2',
      steps: [
        { id: 'c', name: 'C', touchpoints: ['tc'], next: ['e'] },
        { id: 'd', name: 'D', touchpoints: ['td', 'tx'], next: ['e'] },
      ],
    },
    {
      id: 's3',
      name: 'S3',
      steps: [
        { id: 'e', name: 'E', touchpoints: ['te', 'tx'], next: ['b', 'f'] },
        { id: 'f', name: 'F', touchpoints: ['tf'], next: [] },
        { id: 'g', name: 'G', touchpoints: ['tq'], next: [] },
        { id: 'h', name: 'H', touchpoints: ['tnone'] },
      ],
    },
  ],
}) as JourneyMap;

/** One customer's events, a minute apart; `f@email` is an `f` event from the e-mail channel. */
function customer(userId: string, ...names: string[]): TrackedEvent[] {
  return names.map((name, i) =>
    name === 'f@email'
      ? { userId, time: i * MINUTE, event: 'f', channel: 'email' }
      : { userId, time: i * MINUTE, event: name },
  );
}

// The steps each customer's events become, worked out by hand, are in the comments.
const CUSTOMERS: TrackedEvent[] = [
  ...customer('k1', 'a', 'b', 'c', 'e', 'f'), // a b c e f
  ...customer('k2', 'a', 'b', 'd', 'x', 'e', 'x', 'b', 'c', 'e', 'f'), // a b d e b c e f
  ...customer('k3', 'a', 'c', 'e'), // a c e (the designed shortcut a -> c)
  ...customer('k4', 'b', 'e', 'f'), // b e f (b -> e skips c and d)
  ...customer('k5', 'x'), // d (x's first step in map order)
  ...customer('k6', 'a', 'x'), // a d (x: the first step after a using it; a -> d skips b)
  ...customer('k7', 'u'), // no step: u is on no step
  ...customer('k8', 'f', 'a'), // f a
  ...customer('k9', 'a', 'b', 'd', 'c'), // a b d c
  ...customer('k10', 'e', 'q', 'zzz', 'f@email', 'c', 'q'), // e b c g (q after e: the successor b)
  ...customer('k11', 'a', 'b', 'c', 'e', 'b', 'e'), // a b c e b e
  ...customer('k12', 'a', 'c', 'x', 'q'), // a c e b (x after c: the successor e)
  ...customer('k13', 'a', 'b', 'c', 'e', 'b', 'c', 'e'), // a b c e b c e
  ...customer('k14', 'b', 'e', 'b', 'e'), // b e b e
];

describe('choosing the step of a touchpoint', () => {
  const plan = planDiscovery(small);
  const step = (current: string | null, touchpoint: string) =>
    plan.stepIds[
      chooseStep(
        plan,
        current === null ? -1 : plan.stepIds.indexOf(current),
        plan.touchpointIds.indexOf(touchpoint),
      )
    ] ?? null;

  it.each<[string | null, string, string | null, string]>([
    [null, 'tx', 'd', 'no current step: the first step in map order'],
    [null, 'tq', 'b', 'no current step: the first step in map order'],
    ['d', 'tx', 'd', 'the current step uses it'],
    ['e', 'tx', 'e', 'the current step uses it'],
    ['b', 'tx', 'd', 'a designed successor of b uses it'],
    ['c', 'tx', 'e', 'a designed successor of c uses it'],
    ['e', 'tq', 'b', 'the successor b comes before g, the next in map order'],
    ['c', 'tq', 'g', 'no successor uses it: the first after c in map order'],
    ['f', 'tx', 'd', 'none after f uses it: the first in map order'],
    ['a', 'tu', null, 'no step uses it'],
  ])('after %s, touchpoint %s is step %s (%s)', (current, touchpoint, expected) => {
    expect(step(current, touchpoint)).toBe(expected);
  });

  it('classifies into touchpoints with rules, in map order', () => {
    expect(plan.touchpointIds).toEqual(['ta', 'tb', 'tc', 'td', 'te', 'first', 'tf', 'tx', 'tq', 'tu']);
    expect(plan.request).toMatchObject({ matchedOnly: true });
    expect(plan.request.classes?.[5]).toEqual(touchpointRules(small, 'first'));
  });
});

describe('discoverJourney, worked by hand', () => {
  it('counts customers, edges, undesigned transitions, skips and conformance', async () => {
    const found = await discoverJourney(new MemoryEventStore(CUSTOMERS), small);
    // k7 has no step; k5 has one.
    expect(found.customers).toBe(13);
    expect(found.single_step_customers).toBe(1);
    expect(found.multi_step_customers).toBe(12);
    // k1, k2, k3, k12 and k13 make designed transitions only.
    expect(found.conforming_customers).toBe(5);
    expect(found.conformance).toBeCloseTo(5 / 12, 12);
    // Events of k7's u and k10's e-mail f are of touchpoints on no step; zzz matches nothing.
    expect(found.events).toBe(55);
    expect(found.events_off_map).toBe(2);

    const row = (s: DiscoveredJourney['steps'][number]) => [
      s.step,
      s.customers,
      s.visits,
      s.entries,
      s.exits,
      s.skipped_by,
    ];
    expect(found.steps.map(row)).toEqual([
      ['a', 9, 9, 8, 1, 0],
      ['b', 9, 13, 2, 1, 1],
      ['c', 8, 9, 0, 1, 3],
      ['d', 4, 4, 1, 2, 3],
      ['e', 9, 13, 1, 4, 0],
      ['f', 4, 4, 1, 3, 0],
      ['g', 1, 1, 0, 1, 0],
      ['h', 0, 0, 0, 0, 0],
    ]);
    expect(found.steps[0]).toMatchObject({ name: 'A', stage: 's1' });

    const edge = (e: DiscoveredJourney['edges'][number]) => [
      `${e.from ?? 'start'}>${e.to ?? 'end'}`,
      e.customers,
      e.transitions,
      e.designed,
    ];
    expect(found.edges.map(edge)).toEqual([
      ['start>a', 8, 8, true],
      ['start>b', 2, 2, false],
      ['start>d', 1, 1, false],
      ['start>e', 1, 1, false],
      ['start>f', 1, 1, false],
      ['a>b', 5, 5, true],
      ['a>c', 2, 2, true],
      ['a>d', 1, 1, false],
      ['a>end', 1, 1, false],
      ['b>c', 5, 6, true],
      ['b>d', 2, 2, true],
      ['b>e', 3, 4, false],
      ['b>end', 1, 1, false],
      ['c>e', 6, 7, true],
      ['c>g', 1, 1, false],
      ['c>end', 1, 1, false],
      ['d>c', 1, 1, false],
      ['d>e', 1, 1, true],
      ['d>end', 2, 2, false],
      ['e>b', 6, 6, true],
      ['e>f', 3, 3, true],
      ['e>end', 4, 4, false],
      ['f>a', 1, 1, false],
      ['f>end', 3, 3, true],
      ['g>end', 1, 1, true],
    ]);
    expect(found.undesigned_transitions).toEqual([
      { from: 'b', to: 'e', customers: 3, transitions: 4 },
      { from: 'a', to: 'd', customers: 1, transitions: 1 },
      { from: 'c', to: 'g', customers: 1, transitions: 1 },
      { from: 'd', to: 'c', customers: 1, transitions: 1 },
      { from: 'f', to: 'a', customers: 1, transitions: 1 },
    ]);
    // b -> e jumps over both branches c and d; a -> d over b; a -> c is a designed shortcut.
    expect(found.skipped_steps).toEqual([
      { step: 'c', customers: 3, transitions: 4 },
      { step: 'd', customers: 3, transitions: 4 },
      { step: 'b', customers: 1, transitions: 1 },
    ]);
    expect(found.unreached_steps).toEqual(['h']);
  });

  it('reads only the events of the time range', async () => {
    // The second and third event of each customer: k1 b c, k2 b d, k3 c e, k4 e f, k6 d, k8 a,
    // k9 b d, k10 b (q with no step before it), k11 b c, k12 c e, k13 b c, k14 e b.
    const found = await discoverJourney(new MemoryEventStore(CUSTOMERS), small, {
      from: 1 * MINUTE,
      to: 3 * MINUTE,
    });
    expect(found.customers).toBe(12);
    expect(found.single_step_customers).toBe(3);
    expect(found.conforming_customers).toBe(9);
    expect(found.conformance).toBe(1);
    expect(found.events).toBe(21);
    expect(found.undesigned_transitions).toEqual([]);
    expect(found.skipped_steps).toEqual([]);
    expect(found.unreached_steps).toEqual(['g', 'h']);
  });

  it('gives the same result with one customer per batch and in another customer order', async () => {
    const whole = await discoverJourney(new MemoryEventStore(CUSTOMERS), small);
    const single = await discoverJourney(
      new MemoryEventStore(CUSTOMERS, [], { customersPerBatch: 1 }),
      small,
    );
    const reversed = await discoverJourney(
      new MemoryEventStore([...CUSTOMERS].reverse(), [], { customersPerBatch: 2 }),
      small,
    );
    expect(single).toEqual(whole);
    expect(reversed).toEqual(whole);
  });
});

describe('discoverJourney on the shoes map', () => {
  it('places hand-made events on the steps and finds the skipped try-on', async () => {
    const events: TrackedEvent[] = [
      // s1 buys: an ad click (wants-shoes, the first step using the ad), the landing page (clicks-ad),
      // a product page, cart, payment, thank-you page, shipping, delivery, then the review newsletter.
      { userId: 's1', time: 0, event: 'ad_click', channel: 'social' },
      { userId: 's1', time: 1 * MINUTE, event: 'page_view', url: '/lp/spring' },
      { userId: 's1', time: 2 * MINUTE, event: 'page_view', url: '/product/runner' },
      { userId: 's1', time: 3 * MINUTE, event: 'add_to_cart' },
      { userId: 's1', time: 4 * MINUTE, event: 'payment_completed' },
      { userId: 's1', time: 5 * MINUTE, event: 'order_completed', revenue: 80 },
      { userId: 's1', time: 60 * MINUTE, event: 'order_shipped' },
      { userId: 's1', time: 120 * MINUTE, event: 'shipping_update' },
      { userId: 's1', time: 180 * MINUTE, event: 'parcel_delivered' },
      { userId: 's1', time: 240 * MINUTE, event: 'email_open', properties: { list: 'review-campaign' } },
      // s2 browses, reads the FAQ (wants-to-return: the only step using the FAQ) and calls the hotline.
      { userId: 's2', time: 0, event: 'page_view', url: '/' },
      { userId: 's2', time: 1 * MINUTE, event: 'page_view', url: '/faq/returns' },
      { userId: 's2', time: 2 * MINUTE, event: 'hotline_call' },
      // s3: a search ad click is no touchpoint; the home page is the e-shop of browses-e-shop.
      { userId: 's3', time: 0, event: 'ad_click', channel: 'search' },
      { userId: 's3', time: 1 * MINUTE, event: 'page_view', url: '/' },
    ];
    const found = await discoverJourney(new MemoryEventStore(events), shoes);
    const reached = Object.fromEntries(
      found.steps.filter((s) => s.customers > 0).map((s) => [s.step, s.customers]),
    );
    expect(reached).toEqual({
      'wants-shoes': 1,
      'clicks-ad': 1,
      'browses-e-shop': 3,
      checkout: 1,
      // order_shipped: the thank-you-page step (the current step uses the order service providers).
      'thank-you-page': 1,
      'waits-for-parcel': 1,
      'receives-parcel': 1,
      'wants-to-return': 1,
      'calls-hotline': 1,
      'receives-review-newsletter': 1,
    });
    expect(found.customers).toBe(3);
    expect(found.single_step_customers).toBe(1);
    // s1 goes receives-parcel -> receives-review-newsletter, skipping tries-on; s2 browses-e-shop ->
    // wants-to-return, which the design does not have (and which skips no step: nothing lies between).
    expect(found.undesigned_transitions).toEqual([
      { from: 'browses-e-shop', to: 'wants-to-return', customers: 1, transitions: 1 },
      { from: 'receives-parcel', to: 'receives-review-newsletter', customers: 1, transitions: 1 },
    ]);
    expect(found.skipped_steps).toEqual([{ step: 'tries-on', customers: 1, transitions: 1 }]);
    expect(found.conforming_customers).toBe(0);
    expect(found.edges.find((e) => e.from === null && e.to === 'wants-shoes')).toMatchObject({
      designed: true,
    });
    expect(found.edges.find((e) => e.from === null && e.to === 'browses-e-shop')).toMatchObject({
      customers: 2,
      designed: false,
    });
  });
});

describe('discoverJourney against a plain re-derivation', () => {
  /** Seeded pseudo-random numbers in [0, 1) (mulberry32). */
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

  /** The expected result from the events as plain objects and the map's design, step by step. */
  function expected(events: readonly TrackedEvent[], map: JourneyMap): DiscoveredJourney {
    const placed = placedSteps(map);
    const ids = placed.map((p) => p.step.id);
    const graph = stepGraph(map);
    const next = (id: string) => (graph.get(id) ?? []).filter((n) => ids.includes(n));
    const previous = (id: string) => ids.filter((p) => next(p).includes(id));
    const designed = (from: string, to: string) => next(from).includes(to);
    const entries = ids.filter((id) => previous(id).length === 0);
    if (entries.length === 0 && ids[0]) entries.push(ids[0]);
    const touchpoints = (map.touchpoints ?? []).filter((t) => touchpointRules(map, t.id).length > 0);

    const byCustomer = new Map<string, { e: TrackedEvent; i: number }[]>();
    events.forEach((e, i) => {
      byCustomer.set(e.userId, [...(byCustomer.get(e.userId) ?? []), { e, i }]);
    });
    const sequences: string[][] = [];
    let placedEvents = 0;
    let offMap = 0;
    for (const list of byCustomer.values()) {
      list.sort((a, b) => a.e.time - b.e.time || a.i - b.i);
      const sequence: string[] = [];
      for (const { e } of list) {
        const touchpoint = touchpoints.find((t) => anyRuleMatches(e, touchpointRules(map, t.id)));
        if (!touchpoint) continue;
        const using = placed
          .filter((p) => (p.step.touchpoints ?? []).includes(touchpoint.id))
          .map((p) => p.step.id);
        if (using.length === 0) {
          offMap++;
          continue;
        }
        placedEvents++;
        const current = sequence[sequence.length - 1];
        let step: string | undefined;
        if (current !== undefined) {
          if (using.includes(current)) step = current;
          step ??= next(current).find((n) => using.includes(n));
          step ??= using.find((s) => ids.indexOf(s) > ids.indexOf(current));
        }
        step ??= using[0] as string;
        if (step !== current) sequence.push(step);
      }
      if (sequence.length > 0) sequences.push(sequence);
    }

    const edges = new Map<string, { from: string | null; to: string | null; who: Set<number>; n: number }>();
    const count = (from: string | null, to: string | null, who: number) => {
      const key = `${from}>${to}`;
      const edge = edges.get(key) ?? { from, to, who: new Set<number>(), n: 0 };
      edge.who.add(who);
      edge.n++;
      edges.set(key, edge);
    };
    sequences.forEach((sequence, who) => {
      count(null, sequence[0] ?? null, who);
      for (let i = 1; i < sequence.length; i++) count(sequence[i - 1] ?? null, sequence[i] ?? null, who);
      count(sequence[sequence.length - 1] ?? null, null, who);
    });
    const order = (id: string | null, atStart: boolean) =>
      id === null ? (atStart ? -1 : ids.length) : ids.indexOf(id);
    const edgeList = [...edges.values()]
      .sort((a, b) => order(a.from, true) - order(b.from, true) || order(a.to, false) - order(b.to, false))
      .map((e) => ({
        from: e.from,
        to: e.to,
        customers: e.who.size,
        transitions: e.n,
        designed:
          e.from === null
            ? entries.includes(e.to ?? '')
            : e.to === null
              ? next(e.from).length === 0
              : designed(e.from, e.to),
      }));

    // Skips, from the design: every p -> s -> n whose p -> n is not designed.
    const skips = ids.map((s) => {
      const pairs = previous(s).flatMap((p) =>
        next(s)
          .filter((n) => p !== s && n !== s && !designed(p, n))
          .map((n) => `${p}>${n}`),
      );
      let who = 0;
      let n = 0;
      for (const sequence of sequences) {
        let skipped = false;
        for (let i = 1; i < sequence.length; i++) {
          if (pairs.includes(`${sequence[i - 1]}>${sequence[i]}`)) {
            skipped = true;
            n++;
          }
        }
        if (skipped) who++;
      }
      return { step: s, customers: who, transitions: n };
    });

    const multi = sequences.filter((s) => s.length >= 2);
    const conforming = multi.filter((s) => s.every((step, i) => i === 0 || designed(s[i - 1] ?? '', step)));
    const steps = placed.map((p) => {
      const id = p.step.id;
      return {
        step: id,
        name: p.step.name,
        stage: p.stage.id,
        customers: sequences.filter((s) => s.includes(id)).length,
        visits: sequences.reduce((sum, s) => sum + s.filter((x) => x === id).length, 0),
        entries: sequences.filter((s) => s[0] === id).length,
        exits: sequences.filter((s) => s[s.length - 1] === id).length,
        skipped_by: skips.find((k) => k.step === id)?.customers ?? 0,
      };
    });
    return {
      customers: sequences.length,
      single_step_customers: sequences.length - multi.length,
      multi_step_customers: multi.length,
      conforming_customers: conforming.length,
      conformance: multi.length === 0 ? null : conforming.length / multi.length,
      events: placedEvents,
      events_off_map: offMap,
      steps,
      edges: edgeList,
      undesigned_transitions: edgeList
        .filter((e) => e.from !== null && e.to !== null && !e.designed)
        .sort((a, b) => b.customers - a.customers || b.transitions - a.transitions)
        .map((e) => ({
          from: e.from ?? '',
          to: e.to ?? '',
          customers: e.customers,
          transitions: e.transitions,
        })),
      skipped_steps: skips
        .filter((s) => s.customers > 0)
        .sort((a, b) => b.customers - a.customers || b.transitions - a.transitions),
      unreached_steps: steps.filter((s) => s.customers === 0).map((s) => s.step),
    };
  }

  function randomEvents(
    seed: number,
    kinds: readonly Omit<TrackedEvent, 'userId' | 'time'>[],
  ): TrackedEvent[] {
    const next = random(seed);
    const events: TrackedEvent[] = [];
    for (let c = 0; c < 150; c++) {
      let time = Math.floor(next() * 1e9);
      const count = 1 + Math.floor(next() * 12);
      for (let i = 0; i < count; i++) {
        time += next() < 0.1 ? 0 : Math.floor(next() * 1e7);
        const kind = kinds[Math.floor(next() * kinds.length)] as Omit<TrackedEvent, 'userId' | 'time'>;
        events.push({ ...kind, userId: `c${c}`, time });
      }
    }
    for (let i = events.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [events[i], events[j]] = [events[j] as TrackedEvent, events[i] as TrackedEvent];
    }
    return events;
  }

  const SMALL_KINDS = ['a', 'b', 'c', 'd', 'e', 'f', 'x', 'q', 'u', 'zzz', 'x', 'q', 'b', 'e'].map(
    (event) => ({
      event,
    }),
  );
  const SHOES_KINDS: Omit<TrackedEvent, 'userId' | 'time'>[] = [
    { event: 'ad_click', channel: 'social' },
    { event: 'ad_click', channel: 'search' },
    { event: 'page_view', url: '/' },
    { event: 'page_view', url: '/lp/spring' },
    { event: 'page_view', url: '/blog/fit' },
    { event: 'page_view', url: '/product/runner' },
    { event: 'page_view', url: '/category/boots' },
    { event: 'page_view', url: '/faq/returns' },
    { event: 'page_view', url: '/terms' },
    { event: 'page_view', url: '/checkout/thank-you' },
    { event: 'site_search' },
    { event: 'app_open' },
    { event: 'form_submitted', properties: { form: 'return' } },
    { event: 'add_to_cart' },
    { event: 'payment_completed' },
    { event: 'order_completed' },
    { event: 'order_shipped' },
    { event: 'shipping_update' },
    { event: 'parcel_delivered' },
    { event: 'hotline_call' },
    { event: 'return_received' },
    { event: 'refund_issued' },
    { event: 'email_open', properties: { list: 'newsletter' } },
    { event: 'review_submitted' },
    { event: 'coupon_redeemed' },
  ];

  it.each([
    ['the small map', 1],
    ['the small map', 2],
    ['the shoes map', 3],
    ['the shoes map', 4],
  ])('equals the re-derivation on %s (seed %i)', async (which, seed) => {
    const map = which === 'the small map' ? small : shoes;
    const events = randomEvents(seed, which === 'the small map' ? SMALL_KINDS : SHOES_KINDS);
    const want = expected(events, map);
    expect(want.undesigned_transitions.length).toBeGreaterThan(0);
    expect(want.skipped_steps.length).toBeGreaterThan(0);
    expect(want.conforming_customers).toBeGreaterThan(0);
    for (const customersPerBatch of [1, 2, 1024]) {
      const found = await discoverJourney(new MemoryEventStore(events, [], { customersPerBatch }), map);
      expect(found).toEqual(want);
    }
  });
});
