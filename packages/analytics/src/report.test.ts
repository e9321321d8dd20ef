import type { JourneyMap } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import type { CostRecord, TrackedEvent } from './events.ts';
import { MemoryEventStore } from './memory-store.ts';
import { applyReport, report } from './report.ts';

const T0 = Date.UTC(2026, 0, 1, 10);
const S = 1000;

const MAP: JourneyMap = {
  schemaVersion: 2,
  id: 'small',
  title: 'Small',
  language: 'en',
  style: 'current-state',
  personas: [{ id: 'p', name: 'P' }],
  touchpoints: [
    { id: 'ad', name: 'Ad', channel: 'display', mode: 'online', match: [{ event: 'ad_click' }] },
    {
      id: 'product',
      name: 'Product page',
      channel: 'web',
      mode: 'online',
      match: [{ event: 'page_view', where: [{ property: 'url', op: 'starts-with', value: '/product' }] }],
    },
    { id: 'order', name: 'Order', channel: 'web', mode: 'online', match: [{ event: 'order_completed' }] },
  ],
  stages: [
    {
      id: 's1',
      name: 'Aware',
      kpis: [{ kpi: 'ctr', target: 0.02 }],
      steps: [{ id: 'a', name: 'A', touchpoints: ['ad'] }],
    },
    {
      id: 's2',
      name: 'Consider',
      kpis: [{ kpi: 'bounce-rate', target: 0.5 }],
      steps: [{ id: 'b', name: 'B', touchpoints: ['product'] }],
    },
    {
      id: 's3',
      name: 'Buy',
      kpis: [
        { kpi: 'conversion-rate', target: 0.5 },
        { kpi: 'roas', target: 2 },
        { kpi: 'nps', target: 30 },
        { kpi: 'churn-rate', target: 0.1 },
        { kpi: 'cpc' },
      ],
      steps: [{ id: 'c', name: 'C', touchpoints: ['order'] }],
    },
  ],
};

const EVENTS: TrackedEvent[] = [
  { userId: 'u1', time: T0, event: 'ad_click', channel: 'search' },
  { userId: 'u1', time: T0 + 60 * S, event: 'page_view', url: '/product/1' },
  { userId: 'u1', time: T0 + 120 * S, event: 'order_completed', revenue: 100 },
  { userId: 'u1', time: T0 + 86_400 * S, event: 'survey_answer', value: 10 },
  { userId: 'u2', time: T0, event: 'ad_click', channel: 'social' },
  { userId: 'u2', time: T0 + 300 * S, event: 'page_view', url: '/product/2' },
  { userId: 'u3', time: T0, event: 'page_view', url: '/product/3' },
  { userId: 'u4', time: T0 + 10 * S, event: 'ad_click', channel: 'search' },
];

const COSTS: CostRecord[] = [
  {
    date: '2026-01-01',
    channel: 'search',
    campaign: 'x',
    cost: 50,
    impressions: 1000,
    viewableImpressions: 800,
    audibleImpressions: 0,
    clicks: 20,
  },
  {
    date: '2026-01-01',
    channel: 'social',
    campaign: 'y',
    cost: 30,
    impressions: 1000,
    viewableImpressions: 700,
    audibleImpressions: 0,
    clicks: 10,
  },
];

describe('report', () => {
  it.each([1, 1024])(
    'measures stages, steps and KPIs of a hand-worked example (%i customers per batch)',
    async (customersPerBatch) => {
      const store = new MemoryEventStore(EVENTS, COSTS, { customersPerBatch });
      const result = await report(store, MAP, { churnPeriodSeconds: 3600 });
      const [s1, s2, s3] = result.stages;
      // Aware: u1, u2, u4; u1 (after 60 s) and u2 (after 300 s) go on; u4 drops off.
      expect(s1).toMatchObject({ reached: 3, convertedToNext: 2, dropOff: 1, medianSecondsInStage: 180 });
      expect(s1?.conversionToNext).toBeCloseTo(2 / 3, 12);
      // Consider: u1, u2, u3; only u1 orders (60 s later).
      expect(s2).toMatchObject({ reached: 3, convertedToNext: 1, dropOff: 2, medianSecondsInStage: 60 });
      expect(s3).toMatchObject({ reached: 1, convertedToNext: 0, conversionToNext: null, dropOff: 0 });
      expect(s1?.steps).toEqual([
        { step: 'a', name: 'A', reached: 3, convertedToNext: 2, conversionToNext: 2 / 3, dropOff: 1 },
      ]);
      expect(s3?.steps[0]).toMatchObject({ step: 'c', reached: 1, conversionToNext: null });
      // CTR: (20 + 10) clicks / 2,000 impressions = 0.015, under the 0.02 target.
      expect(s1?.kpis).toEqual([{ kpi: 'ctr', target: 0.02, actual: 0.015, met: false }]);
      // Sessions: u1 two (the survey a day later is alone), u2 one, u3 one, u4 one: 5, of which 3 single events.
      expect(s2?.kpis).toEqual([{ kpi: 'bounce-rate', target: 0.5, actual: 0.6, met: false }]);
      expect(s3?.kpis).toEqual([
        // u1 reached the stage and converted: 1 / 1.
        { kpi: 'conversion-rate', target: 0.5, actual: 1, met: true },
        // Last touch of the order is u1's search click: 100 revenue on 80 ad spend.
        { kpi: 'roas', target: 2, actual: 1.25, met: false },
        // One answer, a 10: 100% promoters.
        { kpi: 'nps', target: 30, actual: 100, met: true },
        // Churn over the last hour: u1 converted before it and answered the survey in it: 0 of 1 lost.
        { kpi: 'churn-rate', target: 0.1, actual: 0, met: true },
        // CPC: 80 / 30 clicks.
        { kpi: 'cpc', target: null, actual: 80 / 30, met: null },
      ]);
      expect(result.customers).toBe(4);
      expect(result.inputs).toMatchObject({
        sessions: 5,
        bouncedSessions: 3,
        sales: 1,
        revenue: 100,
        acquisitions: 1,
      });
    },
  );

  it('sets the measured actuals on the map', async () => {
    const result = await report(new MemoryEventStore(EVENTS, COSTS), MAP);
    const measured = applyReport(MAP, result);
    expect(measured.stages[0]?.kpis).toEqual([{ kpi: 'ctr', target: 0.02, actual: 0.015 }]);
    expect(measured.stages[2]?.kpis?.[1]).toEqual({ kpi: 'roas', target: 2, actual: 1.25 });
    // Without anyone at the start of the 90-day churn period, churn stays unmeasured.
    expect(measured.stages[2]?.kpis?.[3]).toEqual({ kpi: 'churn-rate', target: 0.1 });
  });

  // Times drawn from 4 seconds put many events of a customer at the same time.
  it.each([10_000, 4])(
    'counts reach, conversion and time in stage like a plain re-derivation over random data (times in %i s)',
    async (spread) => {
      let seed = 7;
      const next = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const names = ['ad_click', 'page_view', 'order_completed', 'other'];
      const events: TrackedEvent[] = Array.from({ length: 800 }, () => ({
        userId: `u${Math.floor(next() * 60)}`,
        time: T0 + Math.floor(next() * spread) * S,
        event: names[Math.floor(next() * names.length)] ?? 'other',
        url: next() < 0.7 ? '/product/x' : '/',
      }));
      const result = await report(new MemoryEventStore(events, [], { customersPerBatch: 3 }), MAP);
      const stageOf = (e: TrackedEvent) =>
        e.event === 'ad_click'
          ? 0
          : e.event === 'page_view' && e.url?.startsWith('/product')
            ? 1
            : e.event === 'order_completed'
              ? 2
              : -1;
      const byCustomer = new Map<string, TrackedEvent[]>();
      for (const e of events) byCustomer.set(e.userId, [...(byCustomer.get(e.userId) ?? []), e]);
      for (let stage = 0; stage < 3; stage++) {
        let reached = 0;
        let converted = 0;
        const seconds: number[] = [];
        for (const list of byCustomer.values()) {
          const first = Math.min(...list.filter((e) => stageOf(e) === stage).map((e) => e.time));
          if (!Number.isFinite(first)) continue;
          reached++;
          const next = list.filter((e) => stageOf(e) === stage + 1 && e.time >= first).map((e) => e.time);
          if (next.length === 0) continue;
          converted++;
          seconds.push((Math.min(...next) - first) / 1000);
        }
        seconds.sort((a, b) => a - b);
        const middle = Math.floor(seconds.length / 2);
        const median =
          seconds.length === 0
            ? null
            : seconds.length % 2 === 1
              ? seconds[middle]
              : ((seconds[middle - 1] ?? 0) + (seconds[middle] ?? 0)) / 2;
        expect(result.stages[stage]?.reached).toBe(reached);
        expect(result.stages[stage]?.convertedToNext).toBe(stage < 2 ? converted : 0);
        if (stage < 2) expect(result.stages[stage]?.medianSecondsInStage).toBe(median);
      }
    },
  );
});
