import { describe, expect, it } from 'vitest';
import type { TouchesJson } from '../../api/analytics-types.ts';
import { countBars, touchesView } from './touches.ts';

describe('countBars', () => {
  it.each([
    [
      [
        [0, 39],
        [1, 146],
        [2, 97],
        [3, 40],
        [4, 17],
        [5, 8],
        [6, 1],
        [9, 1],
      ],
      10,
    ],
    [[[2, 5]], 3],
    [
      [
        [1, 1],
        [0, 1],
      ],
      2,
    ],
    [[], 0],
  ])('distribution %j gives %d contiguous bars', (pairs, length) => {
    const distribution = pairs.map(([count, conversions]) => ({
      count: count as number,
      conversions: conversions as number,
    }));
    const bars = countBars(distribution);
    expect(bars).toHaveLength(length);
    expect(bars.map((bar) => bar.count)).toEqual(Array.from({ length }, (_, i) => i));
    const total = distribution.reduce((sum, entry) => sum + entry.conversions, 0);
    expect(bars.reduce((sum, bar) => sum + bar.conversions, 0)).toBe(total);
    for (const bar of bars)
      expect(bar.conversions).toBe(distribution.find((entry) => entry.count === bar.count)?.conversions ?? 0);
    if (length > 0) {
      expect(bars.reduce((sum, bar) => sum + bar.share, 0)).toBeCloseTo(1, 12);
      expect(bars.at(-1)?.cumulativeShare).toBeCloseTo(1, 12);
      // The cumulative share never falls.
      bars.forEach((bar, i) => {
        if (i > 0) expect(bar.cumulativeShare).toBeGreaterThanOrEqual(bars[i - 1]?.cumulativeShare ?? 0);
      });
    }
  });
});

describe('touchesView', () => {
  it('keeps the totals and averages, with bars of touches and of channels', () => {
    const json: TouchesJson = {
      conversion_event: 'order_completed',
      lookback_seconds: 2_592_000,
      total_conversions: 6,
      touches: {
        mean: 1.5,
        median: 1,
        distribution: [
          { touches: 0, conversions: 1 },
          { touches: 3, conversions: 5 },
        ],
      },
      distinct_channels: { mean: 1, median: 1, distribution: [{ channels: 1, conversions: 6 }] },
    };
    const view = touchesView(json);
    expect(view.conversions).toBe(6);
    expect(view.touches.bars.map((bar) => bar.conversions)).toEqual([1, 0, 0, 5]);
    expect(view.channels.bars.map((bar) => [bar.count, bar.conversions, bar.share])).toEqual([
      [0, 0, 0],
      [1, 6, 1],
    ]);
  });
});
