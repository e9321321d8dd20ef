import { type JourneyMap, type MatchRule, templateById } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import { forEachCustomer, sessionIndexes } from './customers.ts';
import type { TrackedEvent } from './events.ts';
import { anyRuleMatches } from './match.ts';
import { MemoryEventStore } from './memory-store.ts';
import {
  MORE_STEPS,
  PairIndex,
  type PathsResult,
  type PathsSpec,
  paths,
  pathsSpecProblems,
  planPaths,
  touchpointClasses,
} from './paths.ts';

const MINUTE = 60_000;
const shoes = templateById('shoes')?.build('en') as JourneyMap;

function event(userId: string, time: number, name: string, extra: Partial<TrackedEvent> = {}): TrackedEvent {
  return { userId, time, event: name, ...extra };
}

/** The paths as [names, count] pairs, in the result's order. */
const listed = (result: PathsResult) => result.paths.map((p) => [p.path, p.count]);

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

/** Checks the Sankey lists against the totals: what enters a node leaves it or ends there. */
function expectConsistent(result: PathsResult): void {
  for (const node of result.nodes) {
    const out = result.edges
      .filter((e) => e.from.position === node.position && e.from.name === node.name)
      .reduce((sum, e) => sum + e.count, 0);
    expect(out + node.ends).toBe(node.count);
    if (node.position > 0) {
      const into = result.edges
        .filter((e) => e.to.position === node.position && e.to.name === node.name)
        .reduce((sum, e) => sum + e.count, 0);
      expect(into).toBe(node.count);
    }
  }
  const first = result.nodes.filter((n) => n.position === 0).reduce((sum, n) => sum + n.count, 0);
  expect(first).toBe(result.total_paths);
  expect(result.nodes.reduce((sum, n) => sum + n.ends, 0)).toBe(result.total_paths);
}

// Five customers whose sessions are worked out by hand in the tests below.
const SESSIONS: TrackedEvent[] = [
  // u1: a gap of 31 minutes starts a second session.
  event('u1', 0, 'home'),
  event('u1', 1 * MINUTE, 'product'),
  event('u1', 2 * MINUTE, 'cart'),
  event('u1', 33 * MINUTE, 'home'),
  event('u1', 34 * MINUTE, 'home'),
  // u2: session ids decide, whatever the gaps.
  event('u2', 0, 'home', { sessionId: 'a' }),
  event('u2', 5 * MINUTE, 'product', { sessionId: 'a' }),
  event('u2', 6 * MINUTE, 'product', { sessionId: 'b' }),
  event('u2', 7 * MINUTE, 'product', { sessionId: 'b' }),
  event('u2', 8 * MINUTE, 'cart', { sessionId: 'b' }),
  // u3: exactly 30 minutes stays in the session, 30 minutes and 1 ms does not.
  event('u3', 0, 'home'),
  event('u3', 30 * MINUTE, 'cart'),
  event('u3', 60 * MINUTE + 1, 'product'),
  // u4: a single event.
  event('u4', 0, 'home'),
  // u5: an event with a session id, then one without: two sessions.
  event('u5', 0, 'home', { sessionId: 'c' }),
  event('u5', 1 * MINUTE, 'product'),
];

describe('paths over events', () => {
  it('splits sessions at a 30-minute gap and at session ids, and ranks the paths', async () => {
    const result = await paths(new MemoryEventStore(SESSIONS), {});
    expect(result.over).toBe('events');
    expect(result.per).toBe('session');
    expect(result.total_paths).toBe(9);
    expect(result.truncated_paths).toBe(0);
    expect(listed(result)).toEqual([
      [['home'], 2],
      [['product'], 2],
      [['home', 'cart'], 1],
      [['home', 'home'], 1],
      [['home', 'product'], 1],
      [['home', 'product', 'cart'], 1],
      [['product', 'product', 'cart'], 1],
    ]);
    expect(result.paths[0]?.share).toBeCloseTo(2 / 9, 12);
    expect(result.nodes).toEqual([
      { position: 0, name: 'home', count: 6, ends: 2 },
      { position: 0, name: 'product', count: 3, ends: 2 },
      { position: 1, name: 'product', count: 3, ends: 1 },
      { position: 1, name: 'cart', count: 1, ends: 1 },
      { position: 1, name: 'home', count: 1, ends: 1 },
      { position: 2, name: 'cart', count: 2, ends: 2 },
    ]);
    expect(result.edges).toEqual([
      { from: { position: 0, name: 'home' }, to: { position: 1, name: 'product' }, count: 2 },
      { from: { position: 0, name: 'home' }, to: { position: 1, name: 'cart' }, count: 1 },
      { from: { position: 0, name: 'home' }, to: { position: 1, name: 'home' }, count: 1 },
      { from: { position: 0, name: 'product' }, to: { position: 1, name: 'product' }, count: 1 },
      { from: { position: 1, name: 'product' }, to: { position: 2, name: 'cart' }, count: 2 },
    ]);
    expectConsistent(result);
  });

  it('collapses repeats on request', async () => {
    const result = await paths(new MemoryEventStore(SESSIONS), { collapseRepeats: true });
    expect(result.collapse_repeats).toBe(true);
    expect(result.total_paths).toBe(9);
    expect(listed(result)).toEqual([
      [['home'], 3],
      [['product'], 2],
      [['home', 'cart'], 1],
      [['home', 'product'], 1],
      [['home', 'product', 'cart'], 1],
      [['product', 'cart'], 1],
    ]);
    expectConsistent(result);
  });

  it('takes a customer whole, cuts at max steps with a … node and lists only the top paths', async () => {
    const store = new MemoryEventStore(SESSIONS);
    const whole = await paths(store, { per: 'customer' });
    expect(listed(whole)).toEqual([
      [['home'], 1],
      [['home', 'cart', 'product'], 1],
      [['home', 'product'], 1],
      [['home', 'product', 'cart', 'home', 'home'], 1],
      [['home', 'product', 'product', 'product', 'cart'], 1],
    ]);

    const cut = await paths(store, { per: 'customer', maxSteps: 2 });
    expect(cut.max_steps).toBe(2);
    expect(cut.truncated_paths).toBe(3);
    expect(listed(cut)).toEqual([
      [['home', 'product', MORE_STEPS], 2],
      [['home'], 1],
      [['home', 'cart', MORE_STEPS], 1],
      [['home', 'product'], 1],
    ]);
    expect(cut.paths.map((p) => p.truncated)).toEqual([true, false, true, false]);
    expect(cut.nodes.find((n) => n.position === 2)).toEqual({
      position: 2,
      name: MORE_STEPS,
      count: 3,
      ends: 3,
    });
    expectConsistent(cut);

    const top2 = await paths(store, { per: 'customer', maxSteps: 2, top: 2 });
    expect(listed(top2)).toEqual(listed(cut).slice(0, 2));
    expect(top2.total_paths).toBe(5);
    expect(top2.nodes).toEqual(cut.nodes);
  });

  it('keeps the part from a start node, up to an end node, and the last steps before an end', async () => {
    const store = new MemoryEventStore(SESSIONS);
    const fromProduct = await paths(store, { per: 'customer', start: 'product' });
    expect(fromProduct.total_paths).toBe(4);
    expect(listed(fromProduct)).toEqual([
      [['product'], 2],
      [['product', 'cart', 'home', 'home'], 1],
      [['product', 'product', 'product', 'cart'], 1],
    ]);

    const toCart = await paths(store, { per: 'customer', end: 'cart', maxSteps: 2 });
    expect(listed(toCart)).toEqual([
      [[MORE_STEPS, 'product', 'cart'], 2],
      [['home', 'cart'], 1],
    ]);
    expectConsistent(toCart);

    const between = await paths(store, { start: 'product', end: 'cart' });
    expect(listed(between)).toEqual([
      [['product', 'cart'], 1],
      [['product', 'product', 'cart'], 1],
    ]);
  });

  it('reads only the events of the time range', async () => {
    const result = await paths(new MemoryEventStore(SESSIONS), {
      per: 'customer',
      from: 1 * MINUTE,
      to: 33 * MINUTE,
    });
    // u1: product, cart; u2: product, product, cart; u3: cart; u5: product.
    expect(listed(result)).toEqual([
      [['cart'], 1],
      [['product'], 1],
      [['product', 'cart'], 1],
      [['product', 'product', 'product', 'cart'], 1],
    ]);
  });
});

describe('paths over the shoes map touchpoints', () => {
  const events: TrackedEvent[] = [
    // c1 buys after a social ad; the impression matches no touchpoint.
    event('c1', 0, 'ad_click', { channel: 'social', campaign: 'spring' }),
    event('c1', 10_000, 'page_view', { url: '/lp/spring' }),
    event('c1', 1 * MINUTE, 'page_view', { url: '/product/runner' }),
    event('c1', 2 * MINUTE, 'add_to_cart'),
    event('c1', 3 * MINUTE, 'ad_impression', { channel: 'display' }),
    event('c1', 4 * MINUTE, 'page_view', { url: '/cart' }),
    event('c1', 5 * MINUTE, 'payment_completed'),
    event('c1', 5 * MINUTE + 1000, 'order_completed', { revenue: 80 }),
    event('c1', 5 * MINUTE + 2000, 'page_view', { url: '/checkout/thank-you' }),
    // c2: a search ad click is no touchpoint (search is not a channel of the ad touchpoint).
    event('c2', 0, 'ad_click', { channel: 'search' }),
    event('c2', 1 * MINUTE, 'page_view', { url: '/' }),
    event('c2', 2 * MINUTE, 'site_search', { properties: { query: 'boots' } }),
    event('c2', 122 * MINUTE, 'email_open', { properties: { list: 'newsletter' } }),
    event('c2', 123 * MINUTE, 'page_view', { url: '/category/boots' }),
    // c3: the impression between the two home visits keeps the session open (25 + 25 minutes).
    event('c3', 0, 'page_view', { url: '/' }),
    event('c3', 25 * MINUTE, 'ad_impression', { channel: 'display' }),
    event('c3', 50 * MINUTE, 'page_view', { url: '/' }),
  ];

  it('classifies events as the first touchpoint they match and leaves the rest out', async () => {
    const result = await paths(new MemoryEventStore(events), {}, shoes);
    expect(result.over).toBe('touchpoints');
    expect(result.total_paths).toBe(4);
    expect(listed(result)).toEqual([
      [['e-shop', 'e-shop'], 2],
      [
        [
          'ad',
          'landing-page',
          'product-page',
          'cart',
          'cart',
          'payment-providers',
          'thank-you-page',
          'thank-you-page',
        ],
        1,
      ],
      [['newsletter', 'category-page'], 1],
    ]);
    expectConsistent(result);
  });

  it('collapses repeats and cuts', async () => {
    const result = await paths(new MemoryEventStore(events), { collapseRepeats: true, maxSteps: 4 }, shoes);
    // c1's six touchpoints are cut after four; c2 and c3 each have one session of the e-shop alone.
    expect(listed(result)).toEqual([
      [['e-shop'], 2],
      [['ad', 'landing-page', 'product-page', 'cart', MORE_STEPS], 1],
      [['newsletter', 'category-page'], 1],
    ]);
    expect(result.truncated_paths).toBe(1);
    expectConsistent(result);
  });

  it('lets a step or a stage stand for its touchpoints in a start filter', async () => {
    const store = new MemoryEventStore(events);
    // The checkout step uses cart, login, form, payment providers and terms: c1 enters it at the cart.
    const fromCheckout = await paths(store, { start: 'checkout', collapseRepeats: true }, shoes);
    expect(listed(fromCheckout)).toEqual([[['cart', 'payment-providers', 'thank-you-page'], 1]]);
    const fromConsideration = await paths(store, { start: 'consideration', per: 'customer' }, shoes);
    // browses-e-shop uses e-shop, category page, product page, reviews, app and form.
    expect(listed(fromConsideration)).toEqual([
      [['e-shop', 'e-shop'], 1],
      [['e-shop', 'e-shop', 'newsletter', 'category-page'], 1],
      [['product-page', 'cart', 'cart', 'payment-providers', 'thank-you-page', 'thank-you-page'], 1],
    ]);
  });

  it('counts sessions per customer from the classified events only', async () => {
    const result = await paths(
      new MemoryEventStore(events),
      { per: 'customer', collapseRepeats: true },
      shoes,
    );
    expect(result.per).toBe('customer');
    expect(listed(result)).toEqual([
      [['ad', 'landing-page', 'product-page', 'cart', 'payment-providers', 'thank-you-page'], 1],
      [['e-shop'], 1],
      [['e-shop', 'newsletter', 'category-page'], 1],
    ]);
  });
});

describe('paths against a plain re-derivation', () => {
  const NAMES = ['home', 'search', 'product', 'cart', 'checkout', 'faq', 'email', 'ad'];
  const RULES: Record<string, MatchRule[]> = {
    browse: [
      { event: 'home' },
      { event: 'product', where: [{ property: 'url', op: 'starts-with', value: '/p/' }] },
    ],
    find: [{ event: 'search' }, { event: 'product' }],
    buy: [{ event: 'cart' }, { event: 'checkout' }],
    help: [{ event: 'faq' }],
    mail: [{ event: 'email', where: [{ property: 'channel', value: 'email' }] }],
  };
  // A map holding only what paths read: touchpoints and their rules.
  const map = {
    ...shoes,
    touchpoints: Object.entries(RULES).map(([id, match]) => ({ id, name: id, match })),
  } as JourneyMap;

  function randomEvents(seed: number): TrackedEvent[] {
    const next = random(seed);
    const events: TrackedEvent[] = [];
    for (let c = 0; c < 80; c++) {
      let time = Math.floor(next() * 1e9);
      const count = 1 + Math.floor(next() * 25);
      let sessionId: string | undefined;
      for (let i = 0; i < count; i++) {
        const r = next();
        // Mostly short gaps, some just around 30 minutes, some long; now and then the same time.
        time +=
          r < 0.1
            ? 0
            : r < 0.7
              ? Math.floor(next() * 10 * MINUTE)
              : r < 0.85
                ? 30 * MINUTE + (next() < 0.5 ? 0 : 1)
                : Math.floor(next() * 5e8);
        if (next() < 0.1) sessionId = next() < 0.3 ? undefined : `s${Math.floor(next() * 4)}`;
        const name = NAMES[Math.floor(next() * NAMES.length)] ?? 'home';
        events.push(
          event(`c${c}`, time, name, {
            ...(sessionId ? { sessionId } : {}),
            ...(name === 'product' && next() < 0.5 ? { url: '/p/x' } : {}),
            ...(name === 'email' && next() < 0.7 ? { channel: 'email' } : {}),
          }),
        );
      }
    }
    // Shuffle, so the store has to put the events in order.
    for (let i = events.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [events[i], events[j]] = [events[j] as TrackedEvent, events[i] as TrackedEvent];
    }
    return events;
  }

  /** The expected result, from the events as plain objects. */
  function expected(events: readonly TrackedEvent[], spec: PathsSpec, withMap: boolean) {
    const over = spec.over ?? (withMap ? 'touchpoints' : 'events');
    const maxSteps = spec.maxSteps ?? 10;
    const classes = Object.entries(RULES);
    const nodeOf = (e: TrackedEvent): string | null =>
      over === 'events' ? e.event : (classes.find(([, rules]) => anyRuleMatches(e, rules))?.[0] ?? null);
    const byCustomer = new Map<string, { e: TrackedEvent; i: number }[]>();
    events.forEach((e, i) => {
      byCustomer.set(e.userId, [...(byCustomer.get(e.userId) ?? []), { e, i }]);
    });
    const sequences: string[][] = [];
    for (const list of byCustomer.values()) {
      list.sort((a, b) => a.e.time - b.e.time || a.i - b.i);
      let current: string[] = [];
      list.forEach(({ e }, k) => {
        const previous = list[k - 1]?.e;
        if (previous && spec.per !== 'customer') {
          const bothWithout = previous.sessionId === undefined && e.sessionId === undefined;
          const split = bothWithout
            ? e.time - previous.time > 30 * MINUTE
            : previous.sessionId !== e.sessionId;
          if (split) {
            sequences.push(current);
            current = [];
          }
        }
        const node = nodeOf(e);
        if (node === null) return;
        if (spec.collapseRepeats && current[current.length - 1] === node) return;
        current.push(node);
      });
      sequences.push(current);
    }
    const counts = new Map<string, number>();
    let truncated = 0;
    for (const whole of sequences) {
      let sequence = whole;
      if (spec.start !== undefined) {
        const at = sequence.indexOf(spec.start);
        sequence = at < 0 ? [] : sequence.slice(at);
      }
      if (spec.end !== undefined) {
        const at = sequence.indexOf(spec.end);
        sequence = at < 0 ? [] : sequence.slice(0, at + 1);
      }
      if (sequence.length === 0) continue;
      if (sequence.length > maxSteps) {
        truncated++;
        sequence =
          spec.end !== undefined && spec.start === undefined
            ? [MORE_STEPS, ...sequence.slice(-maxSteps)]
            : [...sequence.slice(0, maxSteps), MORE_STEPS];
      }
      const key = JSON.stringify(sequence);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const all = [...counts].map(([key, count]) => ({ path: JSON.parse(key) as string[], count }));
    const byText = (a: string[], b: string[]) => {
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const x = a[i] as string;
        const y = b[i] as string;
        if (x !== y) return x < y ? -1 : 1;
      }
      return a.length - b.length;
    };
    all.sort((a, b) => b.count - a.count || byText(a.path, b.path));
    const total = all.reduce((sum, p) => sum + p.count, 0);
    const nodes = new Map<string, { position: number; name: string; count: number; ends: number }>();
    const edges = new Map<string, number>();
    for (const { path, count } of all) {
      path.forEach((name, position) => {
        const key = `${position}\u0000${name}`;
        const node = nodes.get(key) ?? { position, name, count: 0, ends: 0 };
        node.count += count;
        if (position === path.length - 1) node.ends += count;
        nodes.set(key, node);
        if (position > 0) {
          const edge = `${position - 1}\u0000${path[position - 1]}\u0000${name}`;
          edges.set(edge, (edges.get(edge) ?? 0) + count);
        }
      });
    }
    return {
      total,
      truncated,
      top: all.slice(0, spec.top ?? 10).map((p) => [p.path, p.count]),
      nodes: [...nodes.values()].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)),
      edges: [...edges].map(([key, count]) => [key, count]).sort(),
    };
  }

  function comparable(result: PathsResult) {
    return {
      total: result.total_paths,
      truncated: result.truncated_paths,
      top: listed(result),
      nodes: [...result.nodes].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)),
      edges: result.edges
        .map((e) => [`${e.from.position}\u0000${e.from.name}\u0000${e.to.name}`, e.count])
        .sort(),
    };
  }

  const specs: PathsSpec[] = [
    {},
    { collapseRepeats: true },
    { per: 'customer', maxSteps: 3 },
    { per: 'customer', collapseRepeats: true, maxSteps: 1, top: 4 },
    { maxSteps: 2, top: 30 },
    { start: 'product', maxSteps: 4 },
    { end: 'cart', maxSteps: 3, per: 'customer' },
    { start: 'search', end: 'checkout', collapseRepeats: true, maxSteps: 5 },
  ];

  it.each([1, 2, 3])('equals the re-derivation over events (seed %i)', async (seed) => {
    const events = randomEvents(seed);
    for (const spec of specs) {
      const want = expected(events, spec, false);
      for (const customersPerBatch of [1, 2, 1024]) {
        const result = await paths(new MemoryEventStore(events, [], { customersPerBatch }), spec);
        expect(comparable(result), JSON.stringify({ spec, customersPerBatch })).toEqual(want);
        expectConsistent(result);
      }
      expect(want.total).toBeGreaterThan(0);
    }
  });

  it.each([4, 5])('equals the re-derivation over touchpoints (seed %i)', async (seed) => {
    const events = randomEvents(seed);
    const touchpointSpecs: PathsSpec[] = [
      {},
      { collapseRepeats: true, maxSteps: 3 },
      { per: 'customer', top: 25 },
      { start: 'find', end: 'buy' },
      { end: 'help', maxSteps: 2 },
    ];
    for (const spec of touchpointSpecs) {
      const want = expected(events, spec, true);
      for (const customersPerBatch of [1, 1024]) {
        const result = await paths(new MemoryEventStore(events, [], { customersPerBatch }), spec, map);
        expect(comparable(result), JSON.stringify({ spec, customersPerBatch })).toEqual(want);
        expectConsistent(result);
      }
    }
  });

  it('splits sessions as sessionIndexes does', async () => {
    for (const seed of [11, 12]) {
      const store = new MemoryEventStore(randomEvents(seed), [], { customersPerBatch: 3 });
      const scan = await store.scan({ columns: ['session'] });
      let sessions = 0;
      await forEachCustomer(scan.batches, (run) => {
        sessions += (sessionIndexes(run)[run.end - run.start - 1] ?? 0) + 1;
      });
      const result = await paths(store, { maxSteps: 1000 });
      expect(result.total_paths).toBe(sessions);
      expect(sessions).toBeGreaterThan(80);
    }
  });

  it('gives the same result whatever order the customers arrive in', async () => {
    const events = randomEvents(7);
    const reversed = [...events].sort((a, b) => (a.userId < b.userId ? 1 : a.userId > b.userId ? -1 : 0));
    const a = await paths(new MemoryEventStore(events), { top: 50 });
    const b = await paths(new MemoryEventStore(reversed), { top: 50 });
    expect(b).toEqual(a);
  });
});

describe('paths spec', () => {
  it('names what cannot run', () => {
    expect(pathsSpecProblems({ over: 'touchpoints' })).toEqual(['paths over touchpoints need a map']);
    expect(pathsSpecProblems({ maxSteps: 0, top: 1.5 })).toEqual([
      'max steps 0: give a whole number of at least 1',
      'top 1.5: give a whole number of at least 1',
    ]);
    expect(pathsSpecProblems({ start: 'nowhere' }, shoes)).toEqual([
      'start nowhere: not a touchpoint, step or stage of the map',
    ]);
    expect(pathsSpecProblems({ over: 'events', start: 'nowhere' }, shoes)).toEqual([]);
    expect(() => planPaths({ over: 'touchpoints' })).toThrow(RangeError);
  });

  it('scans every event for sessions but only classified events for whole customers', () => {
    const perSession = planPaths({}, shoes);
    expect(perSession.request.matchedOnly).toBeUndefined();
    expect(perSession.request.columns).toEqual(['session']);
    expect(perSession.request.classes).toHaveLength(touchpointClasses(shoes).ids.length);
    const perCustomer = planPaths({ per: 'customer' }, shoes);
    expect(perCustomer.request.matchedOnly).toBe(true);
    expect(perCustomer.request.columns).toBeUndefined();
    expect(planPaths({}).request.classes).toBeUndefined();
  });

  it('classifies into the touchpoints that have rules, in map order', () => {
    const { ids } = touchpointClasses(shoes);
    expect(ids.slice(0, 3)).toEqual(['ad', 'e-shop', 'blog']);
    // The inserts, invoice, delivery note and product have no match rules.
    expect(ids).not.toContain('inserts');
    expect(ids).toHaveLength((shoes.touchpoints ?? []).filter((t) => (t.match ?? []).length > 0).length);
  });
});

describe('PairIndex', () => {
  it('gives dense ids in first-seen order and finds them again after growing', () => {
    const index = new PairIndex();
    const next = random(9);
    const seen = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const a = Math.floor(next() * 200) - 1;
      const b = Math.floor(next() * 200);
      const key = `${a},${b}`;
      const id = index.id(a, b);
      if (!seen.has(key)) {
        expect(id).toBe(seen.size);
        seen.set(key, id);
      }
      expect(id).toBe(seen.get(key));
    }
    expect(index.size).toBe(seen.size);
    for (const [key, id] of seen) {
      const [a, b] = key.split(',').map(Number) as [number, number];
      expect(index.find(a, b)).toBe(id);
      expect([index.first(id), index.second(id)]).toEqual([a, b]);
    }
    expect(index.find(500, 500)).toBe(-1);
  });
});
