import { CHANNELS, type JourneyMap, type MatchRule, SHOES_EVENTS, templateById } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import { DEMO_CAMPAIGNS, generateDemoData } from './demo-data.ts';
import type { TrackedEvent } from './events.ts';
import { anyRuleMatches, stepRules, touchpointRules } from './match.ts';

const shoes = templateById('shoes')?.build('en') as JourneyMap;
const DAY = 86_400_000;

function collect(options: Parameters<typeof generateDemoData>[0]): TrackedEvent[] {
  return [...generateDemoData(options).events];
}

/** Events grouped by customer, checking on the way that a customer's events are contiguous. */
function byCustomer(events: readonly TrackedEvent[]): Map<string, TrackedEvent[]> {
  const customers = new Map<string, TrackedEvent[]>();
  let previous = '';
  for (const event of events) {
    if (event.userId !== previous && customers.has(event.userId)) throw new Error(`${event.userId} is split`);
    previous = event.userId;
    const list = customers.get(event.userId) ?? [];
    list.push(event);
    customers.set(event.userId, list);
  }
  return customers;
}

const prop = (event: TrackedEvent, name: string) => event.properties?.[name];

// One data set shared by the checks that only read it.
const SAMPLE = collect({ users: 20_000, seed: 11 });
const SAMPLE_CUSTOMERS = byCustomer(SAMPLE);

describe('generateDemoData', () => {
  it('gives the same events for the same seed, other events for another seed', () => {
    const a = collect({ users: 500, seed: 3 });
    const b = collect({ users: 500, seed: 3 });
    const c = collect({ users: 500, seed: 4 });
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(500);
    expect(c.map((e) => [e.userId, e.time, e.event])).not.toEqual(a.map((e) => [e.userId, e.time, e.event]));
    // Iterating the same data set twice gives the same sequence as well.
    const demo = generateDemoData({ users: 200, seed: 9 });
    expect([...demo.events]).toEqual([...demo.events]);
  });

  it('makes exactly the customers asked for, each contiguous, in time order, inside the window', () => {
    const demo = generateDemoData({ users: 3000, seed: 5, end: '2026-03-31', days: 30 });
    const events = [...demo.events];
    const customers = byCustomer(events);
    expect(customers.size).toBe(3000);
    expect(demo.stats.customers).toBe(3000);
    expect(demo.stats.events).toBe(events.length);
    const from = Date.UTC(2026, 2, 2);
    const to = Date.UTC(2026, 3, 1);
    expect(demo.window).toEqual({ from, to });
    const ids = new Set<string>();
    let index = 0;
    for (const [userId, list] of customers) {
      index++;
      // Customers come out in index order; known ones are c-, anonymous ones v-.
      expect(userId).toMatch(new RegExp(`^[cv]-${index}$`));
      for (let i = 0; i < list.length; i++) {
        const event = list[i] as TrackedEvent;
        expect(event.time).toBeGreaterThanOrEqual(from);
        expect(event.time).toBeLessThan(to);
        expect(Number.isInteger(event.time)).toBe(true);
        if (i > 0) expect(event.time).toBeGreaterThanOrEqual((list[i - 1] as TrackedEvent).time);
        ids.add(event.eventId ?? '');
      }
    }
    expect(ids.size).toBe(events.length);
    expect([...ids].every((id) => id.startsWith('5-'))).toBe(true);
  });

  it('stops at exactly the number of events asked for, as a prefix of the same data', () => {
    const full = collect({ users: 400, seed: 21 });
    const cut = collect({ events: 1234, seed: 21 });
    expect(cut).toHaveLength(1234);
    expect(cut).toEqual(full.slice(0, 1234));
    expect(collect({ events: 0, seed: 21 })).toEqual([]);
  });

  it('uses only the shoe map vocabulary, and most events are touchpoints of the map', () => {
    const vocabulary = new Set<string>(SHOES_EVENTS);
    const allRules: MatchRule[] = (shoes.touchpoints ?? []).flatMap((t) => t.match ?? []);
    let matched = 0;
    for (const event of SAMPLE) {
      expect(vocabulary.has(event.event), event.event).toBe(true);
      if (anyRuleMatches(event, allRules)) matched++;
    }
    expect(matched / SAMPLE.length).toBeGreaterThan(0.9);
    // Every touchpoint with rules is reached by some event.
    for (const touchpoint of shoes.touchpoints ?? []) {
      const rules = touchpointRules(shoes, touchpoint.id);
      if (rules.length === 0) continue;
      expect(
        SAMPLE.some((event) => anyRuleMatches(event, rules)),
        touchpoint.id,
      ).toBe(true);
    }
  });

  it('puts channels from the map vocabulary on touches, with campaigns on paid and e-mail touches', () => {
    const channels = new Set<string>(CHANNELS);
    const paid = new Set(DEMO_CAMPAIGNS.map((c) => `${c.channel}/${c.campaign}`));
    const seen = new Set<string>();
    for (const event of SAMPLE) {
      if (event.channel !== undefined) {
        expect(channels.has(event.channel), event.channel).toBe(true);
        seen.add(event.channel);
      }
      if (event.event === 'ad_click') expect(paid.has(`${event.channel}/${event.campaign}`)).toBe(true);
      if (event.event.startsWith('email_')) {
        expect(event.channel).toBe('email');
        expect(event.campaign).toBeTruthy();
        expect(['newsletter', 'cart-reminder', 'review-campaign']).toContain(prop(event, 'list'));
      }
    }
    expect([...seen].sort()).toEqual(['audio', 'display', 'email', 'partner', 'search', 'social', 'video']);
  });

  it('tells coherent journeys: payment before order, return flow after delivery, coupon before its order', () => {
    let orders = 0;
    let returns = 0;
    let coupons = 0;
    for (const [userId, list] of SAMPLE_CUSTOMERS) {
      const orderIds: string[] = [];
      const delivered: number[] = [];
      let couponPending = false;
      list.forEach((event, i) => {
        const before = list[i - 1];
        switch (event.event) {
          case 'order_completed': {
            orders++;
            expect(before?.event).toBe('payment_completed');
            expect(prop(before as TrackedEvent, 'amount')).toBe(event.revenue);
            expect(event.revenue).toBeGreaterThan(0);
            expect(userId.startsWith('c-')).toBe(true);
            expect(prop(event, 'coupon') !== undefined).toBe(couponPending);
            couponPending = false;
            orderIds.push(String(prop(event, 'order_id')));
            break;
          }
          case 'coupon_redeemed':
            coupons++;
            expect(event.value).toBe(10);
            couponPending = true;
            break;
          case 'parcel_delivered':
            expect(orderIds.length).toBeGreaterThan(0);
            delivered.push(event.time);
            break;
          case 'return_label_printed':
          case 'return_received':
          case 'refund_issued':
            if (event.event === 'return_received') returns++;
            expect(orderIds).toContain(prop(event, 'order_id'));
            expect(delivered.length).toBeGreaterThan(0);
            break;
          case 'survey_answer':
            expect(Number.isInteger(event.value)).toBe(true);
            expect(event.value).toBeGreaterThanOrEqual(0);
            expect(event.value).toBeLessThanOrEqual(10);
            expect(prop(event, 'question')).toBe('nps');
            expect(delivered.length).toBeGreaterThan(0);
            break;
          case 'review_submitted':
            expect(delivered.length).toBeGreaterThan(0);
            expect([1, 2, 3, 4, 5]).toContain(prop(event, 'rating'));
            break;
        }
        if (event.event !== 'order_completed') expect(event.revenue).toBeUndefined();
      });
      // The refund is the last step of a return: label, then received, then refund.
      const order = list.map((e) => e.event).filter((e) => e.startsWith('return_') || e === 'refund_issued');
      for (let i = 0; i + 2 < order.length; i += 3) {
        expect(order.slice(i, i + 3)).toEqual(['return_label_printed', 'return_received', 'refund_issued']);
      }
    }
    expect(orders).toBeGreaterThan(100);
    expect(returns).toBeGreaterThan(10);
    expect(coupons).toBeGreaterThan(0);
  });

  it('reaches the thank-you page only through browsing the e-shop, as the map draws it', () => {
    const browse = stepRules(shoes, 'browses-e-shop');
    const thanks = stepRules(shoes, 'thank-you-page');
    let buyers = 0;
    for (const list of SAMPLE_CUSTOMERS.values()) {
      const first = list.findIndex((e) => anyRuleMatches(e, thanks));
      if (first === -1) continue;
      buyers++;
      expect(list.slice(0, first).some((e) => anyRuleMatches(e, browse))).toBe(true);
    }
    expect(buyers).toBeGreaterThan(100);
  });

  it('has the shape of real traffic: bounces, sessionless events, returns, repeat buyers, a plausible NPS', () => {
    let sessions = 0;
    let bounces = 0;
    let withoutSession = 0;
    let buyers = 0;
    let repeat = 0;
    let returning = 0;
    const scores: number[] = [];
    for (const list of SAMPLE_CUSTOMERS.values()) {
      const sizes = new Map<string, number>();
      for (const event of list) {
        if (event.sessionId === undefined) withoutSession++;
        else sizes.set(event.sessionId, (sizes.get(event.sessionId) ?? 0) + 1);
        if (event.event === 'survey_answer') scores.push(event.value ?? Number.NaN);
      }
      sessions += sizes.size;
      for (const size of sizes.values()) if (size === 1) bounces++;
      const orders = list.filter((e) => e.event === 'order_completed').length;
      if (orders > 0) buyers++;
      if (orders > 1) repeat++;
      if (
        list.length > 1 &&
        (list[list.length - 1] as TrackedEvent).time - (list[0] as TrackedEvent).time > DAY
      )
        returning++;
    }
    const customers = SAMPLE_CUSTOMERS.size;
    expect(bounces / sessions).toBeGreaterThan(0.35);
    expect(bounces / sessions).toBeLessThan(0.6);
    expect(withoutSession / SAMPLE.length).toBeGreaterThan(0.1);
    expect(buyers / customers).toBeGreaterThan(0.01);
    expect(buyers / customers).toBeLessThan(0.08);
    expect(repeat).toBeGreaterThan(0);
    expect(returning / customers).toBeGreaterThan(0.1);
    const promoters = scores.filter((s) => s >= 9).length;
    const detractors = scores.filter((s) => s <= 6).length;
    const nps = ((promoters - detractors) / scores.length) * 100;
    expect(scores.length).toBeGreaterThan(50);
    expect(nps).toBeGreaterThan(0);
    expect(nps).toBeLessThan(60);
  });
});

describe('generateDemoData costs', () => {
  it('counts exactly the ad clicks of each day, channel and campaign', () => {
    const demo = generateDemoData({ users: 20_000, seed: 11 });
    // Without iterating first: the costs come from a silent pass of their own.
    const silent = demo.costs();
    const events = [...demo.events];
    expect(events).toEqual(SAMPLE);
    const costs = demo.costs();
    expect(costs).toEqual(silent);
    const clicks = new Map<string, number>();
    for (const event of events) {
      if (event.event !== 'ad_click') continue;
      const key = `${new Date(event.time).toISOString().slice(0, 10)}|${event.channel}|${event.campaign}`;
      clicks.set(key, (clicks.get(key) ?? 0) + 1);
    }
    expect(costs).toHaveLength(clicks.size);
    for (const row of costs)
      expect(row.clicks).toBe(clicks.get(`${row.date}|${row.channel}|${row.campaign}`));
    const keys = costs.map((r) => `${r.date}|${r.channel}|${r.campaign}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('has plausible impressions, viewability, audibility and prices per channel', () => {
    const costs = generateDemoData({ users: 20_000, seed: 11 }).costs();
    const totals = new Map<string, { cost: number; impressions: number; clicks: number; audible: number }>();
    for (const row of costs) {
      expect(row.viewableImpressions).toBeLessThanOrEqual(row.impressions);
      expect(row.audibleImpressions).toBeLessThanOrEqual(row.impressions);
      expect(row.clicks).toBeLessThanOrEqual(row.impressions);
      expect(row.cost).toBeGreaterThan(0);
      if (row.channel !== 'video' && row.channel !== 'audio') expect(row.audibleImpressions).toBe(0);
      const total = totals.get(row.channel) ?? { cost: 0, impressions: 0, clicks: 0, audible: 0 };
      total.cost += row.cost;
      total.impressions += row.impressions;
      total.clicks += row.clicks;
      total.audible += row.audibleImpressions;
      totals.set(row.channel, total);
    }
    for (const [channel, total] of totals) {
      const campaigns = DEMO_CAMPAIGNS.filter((c) => c.channel === channel);
      const ctr = total.clicks / total.impressions;
      expect(ctr).toBeGreaterThan(Math.min(...campaigns.map((c) => c.ctr)) * 0.75);
      expect(ctr).toBeLessThan(Math.max(...campaigns.map((c) => c.ctr)) * 1.25);
      const cpc = total.cost / total.clicks;
      expect(cpc, channel).toBeGreaterThan(0.1);
      expect(cpc, channel).toBeLessThan(10);
    }
    expect((totals.get('video')?.audible ?? 0) / (totals.get('video')?.impressions ?? 1)).toBeGreaterThan(
      0.4,
    );
  });
});

describe('generateDemoData options', () => {
  it('refuses what is not a date, a seed or a count', () => {
    expect(() => generateDemoData({ users: 1, seed: 1, end: '2026-02-30' })).toThrow(/not a date/);
    expect(() => generateDemoData({ users: 1, seed: -1 })).toThrow(/seed/);
    expect(() => generateDemoData({ users: 1.5, seed: 1 })).toThrow(/users/);
    expect(() => generateDemoData({ users: 1, seed: 1, days: 0 })).toThrow(/days/);
  });
});
