/**
 * Attribution: which channels earn the conversions and the revenue.
 *
 * `touchline attribution --conversion <event> --model first|last|linear|time-decay|position|markov|shapley
 * [--lookback 30d] [--half-life 7d] [--json]`
 *
 * Definitions:
 * - A **touch** is any event with a non-empty `channel` that is not the conversion event (the
 *   conversion's own channel is ignored).
 * - For each customer in time order, touches collect into a **journey**. At a conversion, the
 *   journey is its touches within the lookback before it (touch time >= conversion time -
 *   lookback: the boundary is inclusive); it carries the conversion's `revenue` (0 when the
 *   conversion has none), and collecting starts afresh: touches older than the lookback are
 *   dropped, not carried to the next journey. A touch at the same time as a conversion counts as
 *   before it, whatever order the engine returns them in; of several conversions at the same
 *   time, the first takes those touches and the others have none.
 * - Touches after a customer's last conversion form a **non-converting journey**. It has no
 *   conversion time to look back from, so it keeps all its touches. Only the Markov model reads
 *   non-converting journeys (as paths to `null`); the other models credit conversions only.
 * - A conversion with no touch in its lookback is credited to channel `(none)` in every model
 *   (and stays out of the Markov chain). A channel that is really named `(none)` shares that row.
 * - With `from`/`to`, only events in the window are read: journeys begin at `from`.
 *
 * Models (each conversion is worth 1 and its revenue; a journey of n touches):
 * - `first` / `last`: all credit to the first / last touch.
 * - `linear`: 1/n per touch (a channel touched twice gets 2/n).
 * - `time-decay`: touch weight 2^(-(conversion time - touch time) / half-life), normalised over
 *   the journey (computed relative to the newest touch, so long lookbacks never underflow).
 * - `position`: 40% to the first touch, 40% to the last, 20% split over the middle touches; one
 *   touch takes 100%, two take 50% each.
 * - `markov`: a first-order chain over channels with repeats collapsed (A > A > B is A > B), with
 *   states start, conversion and null; transition probabilities are counted over all journeys
 *   (converting ones end in conversion, non-converting ones in null). The removal effect of a
 *   channel is 1 - P(conversion without it) / P(conversion), where removing a channel sends every
 *   transition into it to null. It is solved exactly: the fundamental matrix N = (I - Q)^-1 of
 *   the absorbing chain comes from Gauss-Jordan elimination with partial pivoting, x = N b gives
 *   the conversion probability from every state, and P(conversion without k) = P(conversion) -
 *   P(reaching k) x_k with P(reaching k) = N[start][k] / N[k][k]. Credit = removal effects
 *   normalised to sum 1, times the converting journeys (revenue: times their revenue). Every
 *   converting journey has a touch, so P(conversion) > 0 gives every channel on a converting
 *   path a positive removal effect; without converting journeys there is nothing to share out.
 *   Should the effects still sum to 0 (numerically), the model falls back to linear credit.
 * - `shapley`: the exact Shapley value of the game v(S) = conversions of the journeys whose set of
 *   channels is a subset of S. That game is a sum of unanimity games, one per journey, so the
 *   value is each conversion split equally over its journey's distinct channels.
 *
 * Results do not depend on the order customers arrive in: sums are compensated (Neumaier), the
 * Markov states are ordered by channel name, and channels are listed by conversions (desc),
 * then name. Every channel seen in a journey is listed, with 0 when a model gives it nothing.
 */

import { JourneyWalker, walkJourneys } from './journeys.ts';
import type { EventBatch, EventStore, Scan, ScanRequest } from './store.ts';
import { grownFloat64, grownInt32 } from './typed-arrays.ts';

export const ATTRIBUTION_MODELS = [
  'first',
  'last',
  'linear',
  'time-decay',
  'position',
  'markov',
  'shapley',
] as const;

export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** The channel that conversions without a touch are credited to. */
export const NO_CHANNEL = '(none)';
export const DEFAULT_LOOKBACK_SECONDS = 30 * 86_400;
export const DEFAULT_HALF_LIFE_SECONDS = 7 * 86_400;

export interface AttributionSpec {
  /** Name of the conversion event. */
  conversion: string;
  model: AttributionModel;
  /** How far before a conversion touches count (default 30 days). */
  lookbackSeconds?: number;
  /** Half-life of the time-decay model (default 7 days). */
  halfLifeSeconds?: number;
  /** Inclusive lower and exclusive upper bound on event time, epoch milliseconds. */
  from?: number;
  to?: number;
}

export interface AttributionOptions {
  /** Half-life of the time-decay model (default 7 days). */
  halfLifeSeconds?: number;
}

export interface ChannelCredit {
  channel: string;
  conversions: number;
  revenue: number;
}

/** Credit per channel; credited conversions and revenue add up to the totals. */
export interface JourneyAttribution {
  model: AttributionModel;
  totalConversions: number;
  totalRevenue: number;
  /** By conversions (desc), then name. */
  channels: ChannelCredit[];
}

export interface AttributionResult extends JourneyAttribution {
  conversionEvent: string;
}

/** The `--json` shape of a result. */
export interface AttributionJson {
  model: AttributionModel;
  conversion_event: string;
  total_conversions: number;
  total_revenue: number;
  channels: ChannelCredit[];
}

/**
 * Converting journeys with their touch times, one entry per conversion: what time-decay needs.
 * Touches of journey j are rows `start[j]` to `start[j + 1]`.
 */
export interface TimedJourneys {
  count: number;
  start: Int32Array;
  channels: Int32Array;
  /** Conversion time minus touch time, milliseconds (>= 0). */
  ages: Float64Array;
  revenue: Float64Array;
}

/**
 * Journeys in compact form: identical touch sequences are one path, with how many journeys took
 * it to a conversion or not, and the revenue of those conversions. Touches of path p are rows
 * `pathStart[p]` to `pathStart[p + 1]` of `pathChannels` (codes into `channels`), in time order.
 */
export interface Journeys {
  /** Channel names by code. */
  channels: readonly string[];
  pathCount: number;
  pathStart: Int32Array;
  pathChannels: Int32Array;
  pathConversions: Float64Array;
  pathRevenue: Float64Array;
  pathNonConversions: Float64Array;
  /** Conversions without a touch in their lookback, and their revenue: credited to `(none)`. */
  untouchedConversions: number;
  untouchedRevenue: number;
  /** Present when collected for time-decay. */
  timed?: TimedJourneys;
}

/** One journey written out by hand (tests, small in-process uses). */
export interface JourneyInput {
  /** Channels of the touches, in time order; empty for a conversion without a touch. */
  channels: readonly string[];
  converted: boolean;
  /** Revenue of the conversion (default 0). */
  revenue?: number;
  /** Touch times, epoch ms, one per channel; only time-decay reads them (default: conversion time). */
  times?: readonly number[];
  /** Conversion time, epoch ms (default 0). */
  conversionTime?: number;
}

// ---------------------------------------------------------------------------------------------
// Compensated sums

function neumaier(sum: Float64Array, comp: Float64Array, index: number, value: number): void {
  const s = sum[index] ?? 0;
  const t = s + value;
  comp[index] = (comp[index] ?? 0) + (Math.abs(s) >= Math.abs(value) ? s - t + value : value - t + s);
  sum[index] = t;
}

/** Per-channel credit sums that do not depend on the order they are added in (in practice). */
class CreditSums {
  readonly conversions: Float64Array;
  readonly revenue: Float64Array;
  private readonly conversionsComp: Float64Array;
  private readonly revenueComp: Float64Array;

  constructor(size: number) {
    this.conversions = new Float64Array(size);
    this.revenue = new Float64Array(size);
    this.conversionsComp = new Float64Array(size);
    this.revenueComp = new Float64Array(size);
  }

  add(channel: number, conversions: number, revenue: number): void {
    neumaier(this.conversions, this.conversionsComp, channel, conversions);
    neumaier(this.revenue, this.revenueComp, channel, revenue);
  }

  conversionsOf(channel: number): number {
    return (this.conversions[channel] ?? 0) + (this.conversionsComp[channel] ?? 0);
  }

  revenueOf(channel: number): number {
    return (this.revenue[channel] ?? 0) + (this.revenueComp[channel] ?? 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Building the compact form

/**
 * Collects journeys into paths: an open-addressing hash table over channel-code sequences, so a
 * journey costs a hash and a compare, never a string or an object.
 */
class JourneyBuilder {
  private pool = new Int32Array(4096);
  private poolUsed = 0;
  private start = new Int32Array(1025);
  private hashes = new Int32Array(1024);
  private conversions = new Float64Array(1024);
  private revenue = new Float64Array(1024);
  private revenueComp = new Float64Array(1024);
  private nonConversions = new Float64Array(1024);
  private count = 0;
  private slots = new Int32Array(2048).fill(-1);

  private timedStart = new Int32Array(1025);
  private timedChannels = new Int32Array(4096);
  private timedAges = new Float64Array(4096);
  private timedRevenue = new Float64Array(1024);
  private timedCount = 0;
  private timedUsed = 0;

  private untouchedConversions = 0;
  private untouchedRevenue = new Float64Array(1);
  private untouchedRevenueComp = new Float64Array(1);

  constructor(private readonly keepTimes: boolean) {}

  /** A conversion whose journey is `channels[from..to)` touched at `times[from..to)`. */
  converting(
    channels: Int32Array,
    times: Float64Array,
    from: number,
    to: number,
    conversionTime: number,
    revenue: number,
  ): void {
    if (from === to) {
      this.untouchedConversions++;
      neumaier(this.untouchedRevenue, this.untouchedRevenueComp, 0, revenue);
      return;
    }
    const path = this.path(channels, from, to);
    this.conversions[path] = (this.conversions[path] ?? 0) + 1;
    neumaier(this.revenue, this.revenueComp, path, revenue);
    if (!this.keepTimes) return;
    const journey = this.timedCount++;
    const used = this.timedUsed + to - from;
    this.timedChannels = grownInt32(this.timedChannels, used);
    this.timedAges = grownFloat64(this.timedAges, used);
    this.timedStart = grownInt32(this.timedStart, journey + 2);
    this.timedRevenue = grownFloat64(this.timedRevenue, journey + 1);
    for (let i = from, row = this.timedUsed; i < to; i++, row++) {
      this.timedChannels[row] = channels[i] ?? 0;
      this.timedAges[row] = conversionTime - (times[i] ?? 0);
    }
    this.timedUsed = used;
    this.timedStart[journey + 1] = used;
    this.timedRevenue[journey] = revenue;
  }

  /** A journey without a conversion: `channels[from..to)`, not empty. */
  nonConverting(channels: Int32Array, from: number, to: number): void {
    const path = this.path(channels, from, to);
    this.nonConversions[path] = (this.nonConversions[path] ?? 0) + 1;
  }

  private path(channels: Int32Array, from: number, to: number): number {
    let hash = -2128831035; // FNV-1a offset basis
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ (channels[i] ?? 0), 16777619);
    hash = Math.imul(hash ^ (to - from), 16777619);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const path = this.slots[slot] ?? -1;
      if (path === -1) break;
      if (this.hashes[path] === hash && this.sameSequence(path, channels, from, to)) return path;
      slot = (slot + 1) & mask;
    }
    const path = this.count++;
    const length = to - from;
    this.pool = grownInt32(this.pool, this.poolUsed + length);
    for (let i = from, row = this.poolUsed; i < to; i++, row++) this.pool[row] = channels[i] ?? 0;
    this.poolUsed += length;
    this.start = grownInt32(this.start, path + 2);
    this.start[path + 1] = this.poolUsed;
    this.hashes = grownInt32(this.hashes, path + 1);
    this.hashes[path] = hash;
    this.conversions = grownFloat64(this.conversions, path + 1);
    this.revenue = grownFloat64(this.revenue, path + 1);
    this.revenueComp = grownFloat64(this.revenueComp, path + 1);
    this.nonConversions = grownFloat64(this.nonConversions, path + 1);
    this.slots[slot] = path;
    if (this.count * 2 > this.slots.length) this.rehash();
    return path;
  }

  private sameSequence(path: number, channels: Int32Array, from: number, to: number): boolean {
    const start = this.start[path] ?? 0;
    if ((this.start[path + 1] ?? 0) - start !== to - from) return false;
    for (let i = from, row = start; i < to; i++, row++) if (this.pool[row] !== channels[i]) return false;
    return true;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let path = 0; path < this.count; path++) {
      let slot = (this.hashes[path] ?? 0) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = path;
    }
    this.slots = slots;
  }

  finish(channels: readonly string[]): Journeys {
    const count = this.count;
    const revenue = new Float64Array(count);
    for (let path = 0; path < count; path++)
      revenue[path] = (this.revenue[path] ?? 0) + (this.revenueComp[path] ?? 0);
    const journeys: Journeys = {
      channels,
      pathCount: count,
      pathStart: this.start.slice(0, count + 1),
      pathChannels: this.pool.slice(0, this.poolUsed),
      pathConversions: this.conversions.slice(0, count),
      pathRevenue: revenue,
      pathNonConversions: this.nonConversions.slice(0, count),
      untouchedConversions: this.untouchedConversions,
      untouchedRevenue: (this.untouchedRevenue[0] ?? 0) + (this.untouchedRevenueComp[0] ?? 0),
    };
    if (this.keepTimes) {
      journeys.timed = {
        count: this.timedCount,
        start: this.timedStart.slice(0, this.timedCount + 1),
        channels: this.timedChannels.slice(0, this.timedUsed),
        ages: this.timedAges.slice(0, this.timedUsed),
        revenue: this.timedRevenue.slice(0, this.timedCount),
      };
    }
    return journeys;
  }
}

/** The scan attribution reads: conversions (marker 0) and touches, with channel and revenue. */
export function attributionScanRequest(
  spec: Pick<AttributionSpec, 'conversion' | 'from' | 'to'>,
): ScanRequest {
  const request: ScanRequest = {
    markers: [[{ event: spec.conversion }]],
    columns: ['channel', 'revenue'],
    matchedOnly: true,
    orWithChannel: true,
  };
  if (spec.from !== undefined) request.from = spec.from;
  if (spec.to !== undefined) request.to = spec.to;
  return request;
}

function checkPositive(name: string, seconds: number): void {
  if (!(Number.isFinite(seconds) && seconds > 0))
    throw new RangeError(`${name} must be a positive duration, not ${seconds} seconds`);
}

/**
 * Collects the journeys of attribution a customer at a time, for a pass that reads a scan with
 * marker 0 for the conversion and the channel and revenue columns (the map report reads the
 * journeys of its last-touch ROAS from its own scan this way).
 */
export class JourneyCollector {
  private readonly builder: JourneyBuilder;
  /** Walks the customers given to `addCustomer`. */
  readonly walker: JourneyWalker;

  constructor(spec: Pick<AttributionSpec, 'model' | 'lookbackSeconds'>) {
    const lookbackSeconds = spec.lookbackSeconds ?? DEFAULT_LOOKBACK_SECONDS;
    checkPositive('the lookback', lookbackSeconds);
    const builder = new JourneyBuilder(spec.model === 'time-decay');
    this.builder = builder;
    this.walker = new JourneyWalker(lookbackSeconds * 1000, {
      conversion: (channels, times, first, end, time, revenue) =>
        builder.converting(channels, times, first, end, time, revenue),
      tail: (channels, _times, end) => builder.nonConverting(channels, 0, end),
    });
  }

  /** Adds one customer's rows [start, end) of a batch. */
  addCustomer(batch: EventBatch, start: number, end: number): void {
    this.walker.walk(batch, start, end);
  }

  /** The journeys added so far; `channels` are the scan's channel names. */
  finish(channels: readonly string[]): Journeys {
    return this.builder.finish(channels);
  }
}

/**
 * Turns a scan made with {@link attributionScanRequest} into journeys, in one pass over the typed
 * batches. Touch times are kept for the time-decay model only.
 */
export async function collectJourneys(
  scan: Scan,
  spec: Pick<AttributionSpec, 'model' | 'lookbackSeconds'>,
): Promise<Journeys> {
  const collector = new JourneyCollector(spec);
  await walkJourneys(scan, collector.walker);
  return collector.finish(scan.dictionaries.channels);
}

/**
 * Journeys written out by hand, in compact form. Each input is one journey as given: no
 * lookback is applied.
 *
 * @example
 * journeysFrom([{ channels: ['search', 'email'], converted: true, revenue: 50 }]);
 */
export function journeysFrom(
  inputs: readonly JourneyInput[],
  options: { withTimes?: boolean } = {},
): Journeys {
  const names: string[] = [];
  const codes = new Map<string, number>();
  const builder = new JourneyBuilder(options.withTimes ?? true);
  for (const input of inputs) {
    const channels = Int32Array.from(input.channels, (name) => {
      let code = codes.get(name);
      if (code === undefined) {
        code = names.length;
        names.push(name);
        codes.set(name, code);
      }
      return code;
    });
    const conversionTime = input.conversionTime ?? 0;
    const times = Float64Array.from(input.channels, (_, i) => input.times?.[i] ?? conversionTime);
    if (input.converted)
      builder.converting(channels, times, 0, channels.length, conversionTime, input.revenue ?? 0);
    else if (channels.length > 0) builder.nonConverting(channels, 0, channels.length);
  }
  return builder.finish(names);
}

// ---------------------------------------------------------------------------------------------
// The models

function creditByPosition(journeys: Journeys, model: AttributionModel, credit: CreditSums): void {
  const { pathStart, pathChannels, pathConversions, pathRevenue } = journeys;
  for (let path = 0; path < journeys.pathCount; path++) {
    const conversions = pathConversions[path] ?? 0;
    if (conversions === 0) continue;
    const revenue = pathRevenue[path] ?? 0;
    const start = pathStart[path] ?? 0;
    const end = pathStart[path + 1] ?? 0;
    const n = end - start;
    const first = pathChannels[start] ?? 0;
    const last = pathChannels[end - 1] ?? 0;
    if (model === 'first' || n === 1) credit.add(first, conversions, revenue);
    else if (model === 'last') credit.add(last, conversions, revenue);
    else if (model === 'linear') {
      for (let i = start; i < end; i++) credit.add(pathChannels[i] ?? 0, conversions / n, revenue / n);
    } else if (n === 2) {
      credit.add(first, conversions / 2, revenue / 2);
      credit.add(last, conversions / 2, revenue / 2);
    } else {
      credit.add(first, conversions * 0.4, revenue * 0.4);
      credit.add(last, conversions * 0.4, revenue * 0.4);
      const middle = 0.2 / (n - 2);
      for (let i = start + 1; i < end - 1; i++)
        credit.add(pathChannels[i] ?? 0, conversions * middle, revenue * middle);
    }
  }
}

function creditTimeDecay(journeys: Journeys, halfLifeSeconds: number, credit: CreditSums): void {
  const timed = journeys.timed;
  if (timed === undefined)
    throw new Error('time-decay needs touch times: collect the journeys for the time-decay model');
  const halfLifeMs = halfLifeSeconds * 1000;
  const weights = new Float64Array(timed.ages.length);
  for (let journey = 0; journey < timed.count; journey++) {
    const start = timed.start[journey] ?? 0;
    const end = timed.start[journey + 1] ?? 0;
    let youngest = Number.POSITIVE_INFINITY;
    for (let i = start; i < end; i++) youngest = Math.min(youngest, timed.ages[i] ?? 0);
    let total = 0;
    for (let i = start; i < end; i++) {
      const weight = 2 ** ((youngest - (timed.ages[i] ?? 0)) / halfLifeMs);
      weights[i] = weight;
      total += weight;
    }
    const revenue = timed.revenue[journey] ?? 0;
    for (let i = start; i < end; i++) {
      const share = (weights[i] ?? 0) / total;
      credit.add(timed.channels[i] ?? 0, share, revenue * share);
    }
  }
}

function creditShapley(journeys: Journeys, credit: CreditSums): void {
  const { pathStart, pathChannels, pathConversions, pathRevenue } = journeys;
  // Which path last saw each channel: distinct channels without clearing a set per path.
  const seen = new Int32Array(journeys.channels.length).fill(-1);
  for (let path = 0; path < journeys.pathCount; path++) {
    const conversions = pathConversions[path] ?? 0;
    if (conversions === 0) continue;
    const start = pathStart[path] ?? 0;
    const end = pathStart[path + 1] ?? 0;
    let distinct = 0;
    for (let i = start; i < end; i++) {
      const channel = pathChannels[i] ?? 0;
      if (seen[channel] !== path) {
        seen[channel] = path;
        distinct++;
      }
    }
    const share = 1 / distinct;
    const revenue = (pathRevenue[path] ?? 0) * share;
    for (let i = start; i < end; i++) {
      const channel = pathChannels[i] ?? 0;
      if (seen[channel] === path) {
        seen[channel] = -2 - path; // credited once
        credit.add(channel, conversions * share, revenue);
      }
    }
  }
}

/** Channel codes that appear in any journey, ordered by name (code-unit order, not locale). */
function presentChannels(journeys: Journeys): number[] {
  const present = new Uint8Array(journeys.channels.length);
  for (const code of journeys.pathChannels) present[code] = 1;
  const codes: number[] = [];
  for (let code = 0; code < present.length; code++) if (present[code]) codes.push(code);
  return codes.sort((a, b) => compareNames(journeys.channels[a] ?? '', journeys.channels[b] ?? ''));
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Markov chain's conversion probability and each channel's removal effect. */
export interface MarkovRemovalEffects {
  /** P(conversion) from the start state. */
  conversionProbability: number;
  /** By channel name. */
  channels: { channel: string; removalEffect: number }[];
}

/**
 * Inverts an n x n matrix (row-major) by Gauss-Jordan elimination with partial pivoting.
 * Throws when the matrix is singular.
 */
function invertMatrix(matrix: Float64Array, n: number): Float64Array {
  const a = matrix.slice();
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inverse[i * n + i] = 1;
  for (let column = 0; column < n; column++) {
    let pivot = column;
    let best = Math.abs(a[column * n + column] ?? 0);
    for (let row = column + 1; row < n; row++) {
      const size = Math.abs(a[row * n + column] ?? 0);
      if (size > best) {
        best = size;
        pivot = row;
      }
    }
    if (best === 0) throw new RangeError('the matrix is singular');
    if (pivot !== column) {
      for (let k = 0; k < n; k++) {
        const x = a[column * n + k] ?? 0;
        a[column * n + k] = a[pivot * n + k] ?? 0;
        a[pivot * n + k] = x;
        const y = inverse[column * n + k] ?? 0;
        inverse[column * n + k] = inverse[pivot * n + k] ?? 0;
        inverse[pivot * n + k] = y;
      }
    }
    const scale = 1 / (a[column * n + column] ?? 1);
    for (let k = 0; k < n; k++) {
      a[column * n + k] = (a[column * n + k] ?? 0) * scale;
      inverse[column * n + k] = (inverse[column * n + k] ?? 0) * scale;
    }
    for (let row = 0; row < n; row++) {
      if (row === column) continue;
      const factor = a[row * n + column] ?? 0;
      if (factor === 0) continue;
      for (let k = 0; k < n; k++) {
        a[row * n + k] = (a[row * n + k] ?? 0) - factor * (a[column * n + k] ?? 0);
        inverse[row * n + k] = (inverse[row * n + k] ?? 0) - factor * (inverse[column * n + k] ?? 0);
      }
    }
  }
  return inverse;
}

/**
 * Removal effects of the first-order Markov chain over the journeys' channels (repeats
 * collapsed; converting journeys end in conversion, the others in null), solved exactly.
 *
 * @example
 * // Bryl's example: C1 > C2 > C3 converts, C1 and C2 > C3 do not.
 * markovRemovalEffects(journeysFrom([...])); // P = 1/3; C1 0.5, C2 1, C3 1
 */
export function markovRemovalEffects(journeys: Journeys): MarkovRemovalEffects {
  const codes = presentChannels(journeys);
  const m = codes.length;
  const stateOf = new Int32Array(journeys.channels.length).fill(-1);
  codes.forEach((code, state) => {
    stateOf[code] = state;
  });
  // States 0..m-1 are the channels, m is start.
  const size = m + 1;
  const start = m;
  const counts = new Float64Array(size * size);
  const toConversion = new Float64Array(size);
  const toNull = new Float64Array(size);
  const { pathStart, pathChannels, pathConversions, pathNonConversions } = journeys;
  for (let path = 0; path < journeys.pathCount; path++) {
    const converted = pathConversions[path] ?? 0;
    const notConverted = pathNonConversions[path] ?? 0;
    const weight = converted + notConverted;
    if (weight === 0) continue;
    let previous = start;
    for (let i = pathStart[path] ?? 0; i < (pathStart[path + 1] ?? 0); i++) {
      const state = stateOf[pathChannels[i] ?? 0] ?? 0;
      // Repeats collapse. (A self-loop would not change absorption probabilities either.)
      if (state === previous) continue;
      counts[previous * size + state] = (counts[previous * size + state] ?? 0) + weight;
      previous = state;
    }
    toConversion[previous] = (toConversion[previous] ?? 0) + converted;
    toNull[previous] = (toNull[previous] ?? 0) + notConverted;
  }
  const effects = (effect: (state: number) => number) =>
    codes.map((code, state) => ({ channel: journeys.channels[code] ?? '', removalEffect: effect(state) }));
  if (m === 0) return { conversionProbability: 0, channels: [] };

  // A = I - Q with Q the transition probabilities among transient states; b = P(-> conversion).
  const a = new Float64Array(size * size);
  const b = new Float64Array(size);
  for (let from = 0; from < size; from++) {
    let total = (toConversion[from] ?? 0) + (toNull[from] ?? 0);
    for (let to = 0; to < size; to++) total += counts[from * size + to] ?? 0;
    a[from * size + from] = 1;
    if (total === 0) continue;
    for (let to = 0; to < size; to++)
      a[from * size + to] = (a[from * size + to] ?? 0) - (counts[from * size + to] ?? 0) / total;
    b[from] = (toConversion[from] ?? 0) / total;
  }
  const fundamental = invertMatrix(a, size);
  const probability = new Float64Array(size);
  for (let from = 0; from < size; from++) {
    let sum = 0;
    for (let to = 0; to < size; to++) sum += (fundamental[from * size + to] ?? 0) * (b[to] ?? 0);
    probability[from] = sum;
  }
  const conversionProbability = probability[start] ?? 0;
  if (!(conversionProbability > 0)) return { conversionProbability: 0, channels: effects(() => 0) };
  return {
    conversionProbability,
    channels: effects((state) => {
      // P(conversion without k) = P - P(reach k) x_k, P(reach k) = N[start][k] / N[k][k].
      const reach = (fundamental[start * size + state] ?? 0) / (fundamental[state * size + state] ?? 1);
      return Math.max(0, (reach * (probability[state] ?? 0)) / conversionProbability);
    }),
  };
}

function creditMarkov(journeys: Journeys, credit: CreditSums): void {
  let conversions = 0;
  const revenueSum = new Float64Array(1);
  const revenueComp = new Float64Array(1);
  for (let path = 0; path < journeys.pathCount; path++) {
    conversions += journeys.pathConversions[path] ?? 0;
    neumaier(revenueSum, revenueComp, 0, journeys.pathRevenue[path] ?? 0);
  }
  if (conversions === 0) return;
  const revenue = (revenueSum[0] ?? 0) + (revenueComp[0] ?? 0);
  const { channels } = markovRemovalEffects(journeys);
  const total = channels.reduce((sum, c) => sum + c.removalEffect, 0);
  if (!(total > 0)) {
    creditByPosition(journeys, 'linear', credit);
    return;
  }
  const codeOf = new Map(journeys.channels.map((name, code) => [name, code]));
  for (const { channel, removalEffect } of channels) {
    const share = removalEffect / total;
    credit.add(codeOf.get(channel) ?? 0, conversions * share, revenue * share);
  }
}

/** Orders credits by conversions (desc), then name; near-equal credits count as equal. */
function compareCredits(a: ChannelCredit, b: ChannelCredit): number {
  const gap = b.conversions - a.conversions;
  if (Math.abs(gap) > 1e-9 * Math.max(1, Math.abs(a.conversions), Math.abs(b.conversions))) return gap;
  return compareNames(a.channel, b.channel);
}

/**
 * Credits the journeys' conversions and revenue to channels with one model.
 *
 * @example
 * attributeJourneys(journeysFrom([{ channels: ['search', 'email'], converted: true, revenue: 50 }]), 'linear');
 * // channels: email 0.5 / 25, search 0.5 / 25
 */
export function attributeJourneys(
  journeys: Journeys,
  model: AttributionModel,
  options: AttributionOptions = {},
): JourneyAttribution {
  const halfLifeSeconds = options.halfLifeSeconds ?? DEFAULT_HALF_LIFE_SECONDS;
  checkPositive('the half-life', halfLifeSeconds);
  const credit = new CreditSums(journeys.channels.length);
  switch (model) {
    case 'first':
    case 'last':
    case 'linear':
    case 'position':
      creditByPosition(journeys, model, credit);
      break;
    case 'time-decay':
      creditTimeDecay(journeys, halfLifeSeconds, credit);
      break;
    case 'markov':
      creditMarkov(journeys, credit);
      break;
    case 'shapley':
      creditShapley(journeys, credit);
      break;
    default:
      throw new RangeError(`unknown attribution model ${String(model)}`);
  }

  const rows = new Map<string, ChannelCredit>();
  for (const code of presentChannels(journeys)) {
    const channel = journeys.channels[code] ?? '';
    rows.set(channel, { channel, conversions: credit.conversionsOf(code), revenue: credit.revenueOf(code) });
  }
  let totalConversions = journeys.untouchedConversions;
  const revenueSum = Float64Array.of(journeys.untouchedRevenue);
  const revenueComp = new Float64Array(1);
  for (let path = 0; path < journeys.pathCount; path++) {
    totalConversions += journeys.pathConversions[path] ?? 0;
    neumaier(revenueSum, revenueComp, 0, journeys.pathRevenue[path] ?? 0);
  }
  if (journeys.untouchedConversions > 0) {
    const row = rows.get(NO_CHANNEL) ?? { channel: NO_CHANNEL, conversions: 0, revenue: 0 };
    row.conversions += journeys.untouchedConversions;
    row.revenue += journeys.untouchedRevenue;
    rows.set(NO_CHANNEL, row);
  }
  return {
    model,
    totalConversions,
    totalRevenue: (revenueSum[0] ?? 0) + (revenueComp[0] ?? 0),
    channels: [...rows.values()].sort(compareCredits),
  };
}

/**
 * Attribution of one conversion event's conversions and revenue to channels, with one model,
 * over the events of a store.
 *
 * @example
 * await attribution(store, { conversion: 'order_completed', model: 'markov' });
 */
export async function attribution(store: EventStore, spec: AttributionSpec): Promise<AttributionResult> {
  if (!(ATTRIBUTION_MODELS as readonly string[]).includes(spec.model))
    throw new RangeError(`unknown attribution model ${spec.model}: use ${ATTRIBUTION_MODELS.join(', ')}`);
  checkPositive('the lookback', spec.lookbackSeconds ?? DEFAULT_LOOKBACK_SECONDS);
  checkPositive('the half-life', spec.halfLifeSeconds ?? DEFAULT_HALF_LIFE_SECONDS);
  const scan = await store.scan(attributionScanRequest(spec));
  const journeys = await collectJourneys(scan, spec);
  const result = attributeJourneys(journeys, spec.model, { halfLifeSeconds: spec.halfLifeSeconds });
  return { conversionEvent: spec.conversion, ...result };
}

/** The `--json` shape: snake_case fields, channels as listed. */
export function attributionToJson(result: AttributionResult): AttributionJson {
  return {
    model: result.model,
    conversion_event: result.conversionEvent,
    total_conversions: result.totalConversions,
    total_revenue: result.totalRevenue,
    channels: result.channels.map(({ channel, conversions, revenue }) => ({ channel, conversions, revenue })),
  };
}
