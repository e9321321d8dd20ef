/**
 * Touches before conversion as bars: how many conversions had 0, 1, 2 ... touches (and distinct
 * channels), every count up to the largest shown, also those no conversion had, with each
 * count's share and the share of conversions with at most that many.
 */
import type { TouchesJson } from '../../api/analytics-types.ts';

export interface CountBar {
  /** Touches (or channels) before a conversion. */
  count: number;
  conversions: number;
  /** Of all conversions; the shares add up to 1. */
  share: number;
  /** Conversions with at most `count`, as a share. */
  cumulativeShare: number;
}

export interface TouchesView {
  conversionEvent: string;
  lookbackSeconds: number;
  conversions: number;
  touches: { mean: number | null; median: number | null; bars: CountBar[] };
  channels: { mean: number | null; median: number | null; bars: CountBar[] };
}

/** Bars for counts 0..max, those without conversions at 0. */
export function countBars(distribution: readonly { count: number; conversions: number }[]): CountBar[] {
  const max = distribution.reduce((top, entry) => Math.max(top, entry.count), -1);
  const total = distribution.reduce((sum, entry) => sum + entry.conversions, 0);
  const byCount = new Map(distribution.map((entry) => [entry.count, entry.conversions]));
  let running = 0;
  return Array.from({ length: max + 1 }, (_, count) => {
    const conversions = byCount.get(count) ?? 0;
    running += conversions;
    return {
      count,
      conversions,
      share: total === 0 ? 0 : conversions / total,
      cumulativeShare: total === 0 ? 0 : running / total,
    };
  });
}

export function touchesView(json: TouchesJson): TouchesView {
  return {
    conversionEvent: json.conversion_event,
    lookbackSeconds: json.lookback_seconds,
    conversions: json.total_conversions,
    touches: {
      mean: json.touches.mean,
      median: json.touches.median,
      bars: countBars(
        json.touches.distribution.map((e) => ({ count: e.touches, conversions: e.conversions })),
      ),
    },
    channels: {
      mean: json.distinct_channels.mean,
      median: json.distinct_channels.median,
      bars: countBars(
        json.distinct_channels.distribution.map((e) => ({ count: e.channels, conversions: e.conversions })),
      ),
    },
  };
}
