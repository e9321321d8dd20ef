/**
 * Touches before conversion: how many times, and over how many channels, customers were touched
 * before they converted.
 *
 * `touchline touches --conversion <event> [--lookback 30d] [--json]`
 *
 * Definitions (the journeys are those of attribution):
 * - A **touch** is any event with a non-empty `channel` that is not the conversion event.
 * - For each customer in time order, touches collect into a journey. At a conversion, its
 *   journey is the touches since the previous conversion that lie within the lookback before it
 *   (touch time >= conversion time - lookback: the boundary is inclusive); then collecting starts
 *   afresh. A touch at the same time as a conversion counts as before it, whatever order the
 *   engine returns them in; of several conversions at the same time, the first takes those
 *   touches and the others have none.
 * - Per conversion: **touches**, the number of touches in its journey, and **channels**, the
 *   number of distinct channels among them. A conversion without touches counts with 0 for both.
 * - For each of the two: the mean, the median (of an even count, the mean of the two middle
 *   values; null without conversions) and the distribution: how many conversions had 0, 1, 2 ...
 *   touches (or channels), exact, listing only the numbers that occur, ascending.
 * - With `from`/`to`, only events in the window are read: journeys begin at `from`.
 *
 * Counts are integers, so results do not depend on the order customers arrive in.
 */

import { JourneyWalker, walkJourneys } from './journeys.ts';
import type { EventStore, Scan, ScanRequest } from './store.ts';
import { grownFloat64 } from './typed-arrays.ts';

export const DEFAULT_TOUCH_LOOKBACK_SECONDS = 30 * 86_400;

export interface TouchesSpec {
  /** Name of the conversion event. */
  conversion: string;
  /** How far before a conversion touches count (default 30 days). */
  lookbackSeconds?: number;
  /** Inclusive lower and exclusive upper bound on event time, epoch milliseconds. */
  from?: number;
  to?: number;
}

/** How many conversions had a given number of touches (or distinct channels). */
export interface CountFrequency {
  count: number;
  conversions: number;
}

export interface CountSummary {
  mean: number | null;
  median: number | null;
  /** Ascending by count; counts no conversion had are left out. */
  distribution: CountFrequency[];
}

export interface TouchesResult {
  conversionEvent: string;
  lookbackSeconds: number;
  totalConversions: number;
  touches: CountSummary;
  channels: CountSummary;
}

/** The `--json` shape of a result. */
export interface TouchesJson {
  conversion_event: string;
  lookback_seconds: number;
  total_conversions: number;
  touches: {
    mean: number | null;
    median: number | null;
    distribution: { touches: number; conversions: number }[];
  };
  distinct_channels: {
    mean: number | null;
    median: number | null;
    distribution: { channels: number; conversions: number }[];
  };
}

/** Conversions per count: `conversions[n]` conversions had n touches (or channels). */
export interface TouchCounts {
  totalConversions: number;
  touches: Float64Array;
  channels: Float64Array;
}

function checkLookback(seconds: number): void {
  if (!(Number.isFinite(seconds) && seconds > 0))
    throw new RangeError(`the lookback must be a positive duration, not ${seconds} seconds`);
}

/** The scan touches read: conversions (marker 0) and every event with a channel. */
export function touchesScanRequest(spec: Pick<TouchesSpec, 'conversion' | 'from' | 'to'>): ScanRequest {
  const request: ScanRequest = {
    markers: [[{ event: spec.conversion }]],
    columns: ['channel'],
    matchedOnly: true,
    orWithChannel: true,
  };
  if (spec.from !== undefined) request.from = spec.from;
  if (spec.to !== undefined) request.to = spec.to;
  return request;
}

/**
 * Counts touches and distinct channels before each conversion of a scan made with
 * {@link touchesScanRequest}, in one pass over the typed batches.
 */
export async function collectTouchCounts(scan: Scan, lookbackSeconds: number): Promise<TouchCounts> {
  checkLookback(lookbackSeconds);
  const lookbackMs = lookbackSeconds * 1000;
  let touchCounts = new Float64Array(64);
  let channelCounts = new Float64Array(64);
  let totalConversions = 0;
  // Which conversion last saw each channel code: distinct channels without clearing a set.
  let seen = new Int32Array(Math.max(16, scan.dictionaries.channels.length)).fill(-1);
  const walker = new JourneyWalker(lookbackMs, {
    conversion: (channels, _times, first, end) => {
      const conversion = totalConversions++;
      let distinct = 0;
      for (let i = first; i < end; i++) {
        const touched = channels[i] ?? 0;
        if (touched >= seen.length) seen = grownSeen(seen, touched + 1);
        if (seen[touched] !== conversion) {
          seen[touched] = conversion;
          distinct++;
        }
      }
      const count = end - first;
      touchCounts = grownFloat64(touchCounts, count + 1);
      channelCounts = grownFloat64(channelCounts, distinct + 1);
      touchCounts[count] = (touchCounts[count] ?? 0) + 1;
      channelCounts[distinct] = (channelCounts[distinct] ?? 0) + 1;
    },
  });
  await walkJourneys(scan, walker);
  return { totalConversions, touches: touchCounts, channels: channelCounts };
}

function grownSeen(seen: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(size, seen.length * 2)).fill(-1);
  next.set(seen);
  return next;
}

/** Mean, median and the occurring counts of a distribution given as conversions per count. */
export function summariseCounts(conversionsPerCount: ArrayLike<number>): CountSummary {
  let total = 0;
  let sum = 0;
  const distribution: CountFrequency[] = [];
  for (let count = 0; count < conversionsPerCount.length; count++) {
    const conversions = conversionsPerCount[count] ?? 0;
    if (conversions === 0) continue;
    distribution.push({ count, conversions });
    total += conversions;
    sum += count * conversions;
  }
  if (total === 0) return { mean: null, median: null, distribution };
  // The values at 0-based ranks floor((total - 1) / 2) and floor(total / 2): equal when total is odd.
  const lowRank = Math.floor((total - 1) / 2);
  const highRank = Math.floor(total / 2);
  let low = 0;
  let high = 0;
  let below = 0;
  for (const { count, conversions } of distribution) {
    if (lowRank >= below && lowRank < below + conversions) low = count;
    if (highRank >= below && highRank < below + conversions) high = count;
    below += conversions;
  }
  return { mean: sum / total, median: (low + high) / 2, distribution };
}

/**
 * Touches and distinct channels before each conversion of one event, over the events of a store.
 *
 * @example
 * await touches(store, { conversion: 'order_completed', lookbackSeconds: 30 * 86_400 });
 * // { totalConversions: 1200, touches: { mean: 3.4, median: 3, distribution: [...] }, channels: ... }
 */
export async function touches(store: EventStore, spec: TouchesSpec): Promise<TouchesResult> {
  const lookbackSeconds = spec.lookbackSeconds ?? DEFAULT_TOUCH_LOOKBACK_SECONDS;
  checkLookback(lookbackSeconds);
  if (spec.conversion.trim() === '') throw new RangeError('name the conversion event');
  const counts = await collectTouchCounts(await store.scan(touchesScanRequest(spec)), lookbackSeconds);
  return {
    conversionEvent: spec.conversion,
    lookbackSeconds,
    totalConversions: counts.totalConversions,
    touches: summariseCounts(counts.touches),
    channels: summariseCounts(counts.channels),
  };
}

/** The `--json` shape: snake_case fields, exact distributions. */
export function touchesToJson(result: TouchesResult): TouchesJson {
  return {
    conversion_event: result.conversionEvent,
    lookback_seconds: result.lookbackSeconds,
    total_conversions: result.totalConversions,
    touches: {
      mean: result.touches.mean,
      median: result.touches.median,
      distribution: result.touches.distribution.map((f) => ({
        touches: f.count,
        conversions: f.conversions,
      })),
    },
    distinct_channels: {
      mean: result.channels.mean,
      median: result.channels.median,
      distribution: result.channels.distribution.map((f) => ({
        channels: f.count,
        conversions: f.conversions,
      })),
    },
  };
}
