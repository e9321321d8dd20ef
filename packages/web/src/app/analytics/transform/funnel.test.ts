import { describe, expect, it } from 'vitest';
import type { FunnelJson, FunnelStepJson } from '../../api/analytics-types.ts';
import { funnelBars, funnelView } from './funnel.ts';

/** Steps as the server answers them, from the customers per step. */
function stepsOf(users: number[], names = users.map((_, i) => `s${i + 1}`)): FunnelStepJson[] {
  return users.map((count, index) => ({
    step: names[index] as string,
    users: count,
    conversion_from_start: users[0] ? count / users[0] : 0,
    conversion_from_previous: index === 0 ? 1 : users[index - 1] ? count / (users[index - 1] as number) : 0,
    median_seconds_from_previous: index === 0 ? null : 60 * index,
  }));
}

function funnelJson(users: number[], breakdown?: Record<string, number[]>): FunnelJson {
  return {
    window_seconds: 1_209_600,
    steps: stepsOf(users),
    time_to_convert: {
      customers: users.at(-1) ?? 0,
      mean_seconds: 100,
      median_seconds: 50,
      p90_seconds: 300,
      histogram: [
        { bucket: '<1m', from_seconds: 0, to_seconds: 60, customers: 3 },
        { bucket: '1-10m', from_seconds: 60, to_seconds: 600, customers: 5 },
        { bucket: '7d+', from_seconds: 604_800, to_seconds: null, customers: 0 },
      ],
    },
    ...(breakdown
      ? { breakdown: Object.entries(breakdown).map(([value, counts]) => ({ value, steps: stepsOf(counts) })) }
      : {}),
  };
}

const same = (id: string) => id;

describe('funnelBars', () => {
  it.each([
    [
      [1000, 600, 150, 30],
      [0, 400, 450, 120],
      [0, 0.4, 0.75, 0.8],
    ],
    [
      [10, 10, 10],
      [0, 0, 0],
      [0, 0, 0],
    ],
    [
      [5, 0, 0],
      [0, 5, 0],
      [0, 1, 0],
    ],
    [
      [0, 0],
      [0, 0],
      [0, 0],
    ],
    [[42], [0], [0]],
  ])('customers %j drop off %j at rates %j', (users, dropOffs, rates) => {
    const bars = funnelBars(stepsOf(users), same);
    expect(bars.map((bar) => bar.dropOff)).toEqual(dropOffs);
    expect(bars.map((bar) => bar.dropOffRate)).toEqual(rates);
    // Drop-off is the previous step's customers minus this step's, so each stack is as high as the step before.
    bars.forEach((bar, index) => {
      if (index > 0) expect(bar.users + bar.dropOff).toBe(users[index - 1]);
    });
    expect(bars.reduce((sum, bar) => sum + bar.dropOff, 0)).toBe((users[0] ?? 0) - (users.at(-1) ?? 0));
  });

  it('names each step by the map and keeps the medians between steps', () => {
    const names: Record<string, string> = { s1: 'Landing page', s2: 'Cart' };
    const bars = funnelBars(stepsOf([8, 2]), (id) => names[id] ?? id);
    expect(bars.map((bar) => [bar.step, bar.label, bar.medianSecondsFromPrevious])).toEqual([
      ['s1', 'Landing page', null],
      ['s2', 'Cart', 60],
    ]);
  });
});

describe('funnelView', () => {
  const json = funnelJson([100, 40, 10], { email: [60, 30, 8], '(none)': [30, 8, 2], search: [10, 2, 0] });

  it.each([
    [undefined, null, [100, 40, 10], 0.1],
    ['email', 'email', [60, 30, 8], 8 / 60],
    ['(none)', '(none)', [30, 8, 2], 2 / 30],
    ['search', 'search', [10, 2, 0], 0],
    ['no-such-value', null, [100, 40, 10], 0.1],
  ])('segment %s shows %s: %j, converting %d', (segment, shown, users, conversion) => {
    const view = funnelView(json, { label: same, segment });
    expect(view.segment).toBe(shown);
    expect(view.bars.map((bar) => bar.users)).toEqual(users);
    expect(view.conversion).toBeCloseTo(conversion, 12);
  });

  it('lists every breakdown value with its conversion; their shares of who entered add up to 1', () => {
    const view = funnelView(json, { label: same });
    expect(view.segments.map((s) => [s.value, s.entered, s.converted])).toEqual([
      ['email', 60, 8],
      ['(none)', 30, 2],
      ['search', 10, 0],
    ]);
    expect(view.segments.map((s) => s.conversion)).toEqual([8 / 60, 2 / 30, 0]);
    expect(view.segments.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
  });

  it('has no segments without a breakdown', () => {
    expect(funnelView(funnelJson([5, 1]), { label: same, segment: 'email' }).segments).toEqual([]);
  });

  it('gives the time-to-convert buckets shares that add up to 1 (none when nobody converted)', () => {
    const view = funnelView(json, { label: same });
    expect(view.timeToConvert.bars.map((bar) => bar.share)).toEqual([3 / 8, 5 / 8, 0]);
    const empty = funnelJson([4, 0]);
    empty.time_to_convert.histogram = empty.time_to_convert.histogram.map((b) => ({ ...b, customers: 0 }));
    expect(funnelView(empty, { label: same }).timeToConvert.bars.map((bar) => bar.share)).toEqual([0, 0, 0]);
  });
});
