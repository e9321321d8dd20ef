/**
 * Funnel: how many customers go through a series of steps, in order, within a time window.
 *
 * `touchline funnel --steps a,b,c [--window 14d] [--by channel|campaign|<property>] [--map file] [--json]`
 *
 * Definitions:
 * - A **step** is an event name, or a touchpoint, step or stage id of the map standing for its
 *   match rules (see `resolveReference`). Each step is one scan marker, so one event may match
 *   several steps. At most 30 steps.
 * - A customer **reaches level k** when some events e1..ek match steps 1..k with
 *   time(e1) <= time(e2) <= ... <= time(ek) (equal times may follow each other, and one event may
 *   stand for several steps) and time(ek) - time(e1) <= window (the edge is inclusive). These are
 *   the default semantics of ClickHouse's `windowFunnel`, so a ClickHouse engine gives the same
 *   counts. The pass computes it the way ClickHouse does, per customer: the customer's
 *   (time, step) pairs, one per matched step of each event, are taken in order of time, then step
 *   index. A step-1 pair starts the level-1 chain at its time (a later start replaces an earlier
 *   one: it can only leave more room in the window); a step-k pair (k > 1) extends the level-(k-1)
 *   chain when there is one and time <= its start + window, making it the level-k chain with the
 *   same start. The customer's level is the highest level reached.
 * - `users` of step k: customers whose level is at least k. `conversion_from_start` =
 *   users_k / users_1 and `conversion_from_previous` = users_k / users_(k-1); step 1 has 1 for
 *   both, and every ratio over 0 users is 0.
 * - The **chain of a customer** is the chain that first reached the customer's level (later
 *   chains that reach the same level do not replace it). `median_seconds_from_previous` of step k
 *   is the median, over the customers who reach step k, of the time between the step-(k-1) and
 *   step-k events of their chain; null for step 1 and for a step nobody reaches.
 * - **Time to convert**: over the customers who complete the funnel, the time from the first to
 *   the last event of their chain: count, mean, median, p90 and a histogram in buckets
 *   <1m, 1-10m, 10-60m, 1-24h, 1-7d, 7d+ (each bucket includes its lower edge).
 * - **Median**: of an even count, the mean of the two middle values. **p90**: the nearest-rank
 *   percentile, the smallest value that at least 90% of the values are at or below.
 * - **Breakdown** (`by`): a customer's value is the `by` property of the first event of their
 *   chain, `(none)` when it has none (a value really named `(none)` shares that row). When
 *   several step-1 events share the chain's start time, a present value beats a missing one and
 *   the smallest value (code-unit order) wins, so engines that order equal times differently
 *   agree. Values are listed by step-1 users (desc), then value; their users add up to the
 *   unbroken counts.
 * - With `from`/`to`, only events in the window are read.
 *
 * Results do not depend on the order customers arrive in: counts are integers, medians and
 * means are taken over sorted values.
 */
import type { JourneyMap, MatchRule } from '@touchline/core';
import { type ReferenceKind, resolveReference } from './match.ts';
import type { EventStore, Scan, ScanRequest } from './store.ts';
import { grownFloat64, grownInt32 } from './typed-arrays.ts';

export const MAX_FUNNEL_STEPS = 30;
export const DEFAULT_FUNNEL_WINDOW_SECONDS = 14 * 86_400;
/** The breakdown value of customers whose chain's first event has no value for the property. */
export const NO_BREAKDOWN_VALUE = '(none)';

export interface FunnelSpec {
  /** Event names, or touchpoint, step or stage ids of the map; 1 to 30. */
  steps: readonly string[];
  /** How long from the first step to the last (default 14 days). */
  windowSeconds?: number;
  /** Break the funnel down by this property of the chain's first event: channel, campaign, url or any other. */
  by?: string;
  /** Inclusive lower and exclusive upper bound on event time, epoch milliseconds. */
  from?: number;
  to?: number;
}

export interface FunnelStep {
  step: string;
  users: number;
  conversionFromStart: number;
  conversionFromPrevious: number;
  medianSecondsFromPrevious: number | null;
}

export interface TimeToConvertBucket {
  label: string;
  /** Inclusive lower edge, seconds. */
  fromSeconds: number;
  /** Exclusive upper edge, seconds; null for the last bucket. */
  toSeconds: number | null;
  customers: number;
}

/** Time from the first to the last step, over the customers who complete the funnel. */
export interface TimeToConvert {
  customers: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
  histogram: TimeToConvertBucket[];
}

export interface FunnelBreakdownEntry {
  value: string;
  steps: FunnelStep[];
}

export interface FunnelResult {
  windowSeconds: number;
  steps: FunnelStep[];
  /** What each step stands for: an event name, or a touchpoint, step or stage of the map. */
  stepKinds: ReferenceKind[];
  timeToConvert: TimeToConvert;
  /** The property broken down by, when asked. */
  by?: string;
  breakdown?: FunnelBreakdownEntry[];
}

/** The `--json` shape of a funnel step. */
export interface FunnelStepJson {
  step: string;
  users: number;
  conversion_from_start: number;
  conversion_from_previous: number;
  median_seconds_from_previous: number | null;
}

/** The `--json` shape of a result. */
export interface FunnelJson {
  window_seconds: number;
  steps: FunnelStepJson[];
  time_to_convert: {
    customers: number;
    mean_seconds: number | null;
    median_seconds: number | null;
    p90_seconds: number | null;
    histogram: { bucket: string; from_seconds: number; to_seconds: number | null; customers: number }[];
  };
  breakdown?: { value: string; steps: FunnelStepJson[] }[];
}

/** Buckets of the time-to-convert histogram: label and inclusive lower edge in seconds. */
export const TIME_TO_CONVERT_BUCKETS: readonly { label: string; fromSeconds: number }[] = [
  { label: '<1m', fromSeconds: 0 },
  { label: '1-10m', fromSeconds: 60 },
  { label: '10-60m', fromSeconds: 600 },
  { label: '1-24h', fromSeconds: 3_600 },
  { label: '1-7d', fromSeconds: 86_400 },
  { label: '7d+', fromSeconds: 604_800 },
];

// ---------------------------------------------------------------------------------------------
// Order statistics

/** Median of ascending values: the middle one, or the mean of the two middle ones; null when empty. */
export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const upper = sorted[n >> 1] ?? 0;
  return n % 2 === 1 ? upper : ((sorted[(n >> 1) - 1] ?? 0) + upper) / 2;
}

/**
 * Nearest-rank percentile of ascending values: the value at rank ceil(p/100 * n), the smallest
 * that at least p% of the values are at or below; null when empty.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sorted[rank - 1] ?? null;
}

// ---------------------------------------------------------------------------------------------
// The per-customer pass

function checkStepCount(count: number): void {
  if (!(Number.isInteger(count) && count >= 1 && count <= MAX_FUNNEL_STEPS))
    throw new RangeError(`a funnel has 1 to ${MAX_FUNNEL_STEPS} steps, not ${count}`);
}

function checkWindow(seconds: number): void {
  if (!(Number.isFinite(seconds) && seconds > 0))
    throw new RangeError(`the funnel window must be a positive duration, not ${seconds} seconds`);
}

/**
 * The funnel of one customer at a time, over the typed arrays of a scan: the level reached and
 * the chain that first reached it. Scratch arrays are allocated once and reused for every
 * customer.
 *
 * @example
 * const pass = new CustomerFunnel(3, 3600);
 * pass.run(batch.time, batch.marks, start, end); // the level, 0 to 3
 * pass.chain.subarray(0, pass.level); // times of the chain's events
 */
export class CustomerFunnel {
  /** Level reached by the last customer run, 0 to `stepCount`. */
  level = 0;
  /** Times (epoch ms) of the events of the chain that first reached `level`: entries 0 to level - 1. */
  readonly chain: Float64Array;
  /** Group code of the chain's first event (-1 for none, or when no groups were given). */
  group = -1;
  readonly stepCount: number;
  readonly windowMs: number;
  /** Start time of the current level-(k+1) chain at index k; -Infinity while there is none. */
  private readonly starts: Float64Array;
  private readonly groups: Int32Array;
  /** Event times of the current level-(k+1) chain at k * stepCount + i. */
  private readonly times: Float64Array;
  private readonly mask: number;

  constructor(stepCount: number, windowSeconds: number) {
    checkStepCount(stepCount);
    checkWindow(windowSeconds);
    this.stepCount = stepCount;
    this.windowMs = windowSeconds * 1000;
    this.chain = new Float64Array(stepCount);
    this.starts = new Float64Array(stepCount);
    this.groups = new Int32Array(stepCount);
    this.times = new Float64Array(stepCount * stepCount);
    this.mask = (1 << stepCount) - 1;
  }

  /**
   * Runs one customer's rows `start` (inclusive) to `end` (exclusive), in time order; bit k of
   * `marks` says the event matches step k + 1. With `group` and `groupNames`, the chain's first
   * event's group code is kept in `group`. Returns the level.
   */
  run(
    time: Float64Array,
    marks: Int32Array,
    start: number,
    end: number,
    group?: Int32Array,
    groupNames?: readonly string[],
  ): number {
    const n = this.stepCount;
    const windowMs = this.windowMs;
    const starts = this.starts;
    const groups = this.groups;
    const times = this.times;
    const chain = this.chain;
    this.group = -1;
    // Most customers only ever match step 1 (or no step): their level and chain follow from
    // their first step-1 event, without the walk below.
    let matched = 0;
    for (let i = start; i < end; i++) matched |= marks[i] ?? 0;
    matched &= this.mask;
    if ((matched & 1) === 0 || matched === 1)
      return this.firstStepOnly(time, marks, start, end, group, groupNames);
    for (let k = 0; k < n; k++) starts[k] = Number.NEGATIVE_INFINITY;
    let level = 0;
    let row = start;
    while (row < end) {
      // Pairs of events at the same time go in step order, whatever order the engine gave them.
      const at = time[row] ?? 0;
      let pending = 0;
      let groupEnd = row;
      while (groupEnd < end && time[groupEnd] === at) {
        pending |= marks[groupEnd] ?? 0;
        groupEnd++;
      }
      pending &= this.mask;
      while (pending !== 0) {
        const lowest = pending & -pending;
        pending ^= lowest;
        const k = 31 - Math.clz32(lowest);
        if (k === 0) {
          starts[0] = at;
          times[0] = at;
          groups[0] = group === undefined ? -1 : firstEventGroup(marks, group, groupNames, row, groupEnd);
          if (level === 0) {
            level = 1;
            chain[0] = at;
            this.group = groups[0] ?? -1;
            if (n === 1) break;
          }
          continue;
        }
        const chainStart = starts[k - 1] ?? Number.NEGATIVE_INFINITY;
        if (!(at <= chainStart + windowMs)) continue;
        starts[k] = chainStart;
        groups[k] = groups[k - 1] ?? -1;
        const from = (k - 1) * n;
        const to = k * n;
        for (let i = 0; i < k; i++) times[to + i] = times[from + i] ?? 0;
        times[to + k] = at;
        if (k === level) {
          level = k + 1;
          for (let i = 0; i <= k; i++) chain[i] = times[to + i] ?? 0;
          this.group = groups[k] ?? -1;
          if (level === n) break;
        }
      }
      if (level === n) break;
      row = groupEnd;
    }
    this.level = level;
    return level;
  }

  /** `run` for a customer whose events match no step but step 1: level 1 from the first of them, or 0. */
  private firstStepOnly(
    time: Float64Array,
    marks: Int32Array,
    start: number,
    end: number,
    group?: Int32Array,
    groupNames?: readonly string[],
  ): number {
    let first = start;
    while (first < end && ((marks[first] ?? 0) & 1) === 0) first++;
    if (first === end) {
      this.level = 0;
      return 0;
    }
    const at = time[first] ?? 0;
    this.chain[0] = at;
    if (group !== undefined) {
      let groupEnd = first + 1;
      while (groupEnd < end && time[groupEnd] === at) groupEnd++;
      this.group = firstEventGroup(marks, group, groupNames, first, groupEnd);
    }
    this.level = 1;
    return 1;
  }
}

/**
 * The group of the step-1 events at one time: a present value beats a missing one, then the
 * smallest name wins. Usually there is one such event and no name is compared.
 */
function firstEventGroup(
  marks: Int32Array,
  group: Int32Array,
  names: readonly string[] | undefined,
  from: number,
  to: number,
): number {
  let best = -1;
  for (let i = from; i < to; i++) {
    if (((marks[i] ?? 0) & 1) === 0) continue;
    const code = group[i] ?? -1;
    if (code === -1 || code === best) continue;
    if (best === -1 || (names?.[code] ?? '') < (names?.[best] ?? '')) best = code;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Collecting customers

/**
 * The customers who reached step 1, in compact form: customer c reached `levels[c]`, their
 * chain's first event had group `groups[c]`, and their chain's times are `times[offsets[c]]` to
 * `times[offsets[c + 1]]`.
 */
export interface FunnelCustomers {
  stepCount: number;
  count: number;
  levels: Int32Array;
  groups: Int32Array;
  offsets: Int32Array;
  times: Float64Array;
}

/** Grows the compact customer lists as customers are added. */
class FunnelCollector {
  private levels = new Int32Array(1024);
  private groups = new Int32Array(1024);
  private offsets = new Int32Array(1025);
  private times = new Float64Array(4096);
  private count = 0;

  constructor(private readonly stepCount: number) {}

  add(pass: CustomerFunnel): void {
    const c = this.count++;
    const level = pass.level;
    if (c >= this.levels.length) {
      this.levels = grownInt32(this.levels, c + 1);
      this.groups = grownInt32(this.groups, c + 1);
    }
    if (c + 2 > this.offsets.length) this.offsets = grownInt32(this.offsets, c + 2);
    const offset = this.offsets[c] ?? 0;
    if (offset + level > this.times.length) this.times = grownFloat64(this.times, offset + level);
    this.levels[c] = level;
    this.groups[c] = pass.group;
    const chain = pass.chain;
    const times = this.times;
    for (let i = 0; i < level; i++) times[offset + i] = chain[i] ?? 0;
    this.offsets[c + 1] = offset + level;
  }

  finish(): FunnelCustomers {
    const count = this.count;
    return {
      stepCount: this.stepCount,
      count,
      levels: this.levels.slice(0, count),
      groups: this.groups.slice(0, count),
      offsets: this.offsets.slice(0, count + 1),
      times: this.times.slice(0, this.offsets[count] ?? 0),
    };
  }
}

/** The scan a funnel reads: one marker per step, matched events only, the breakdown property. */
export function funnelScanRequest(
  stepRules: readonly (readonly MatchRule[])[],
  spec: Pick<FunnelSpec, 'by' | 'from' | 'to'>,
): ScanRequest {
  const request: ScanRequest = { markers: stepRules, matchedOnly: true };
  if (spec.by !== undefined) request.groupBy = spec.by;
  if (spec.from !== undefined) request.from = spec.from;
  if (spec.to !== undefined) request.to = spec.to;
  return request;
}

/**
 * Runs the per-customer pass over a scan made with {@link funnelScanRequest} and keeps the
 * customers who reach step 1. Groups are read when the scan has them.
 */
export async function collectFunnel(
  scan: Scan,
  stepCount: number,
  windowSeconds: number,
): Promise<FunnelCustomers> {
  const pass = new CustomerFunnel(stepCount, windowSeconds);
  const collector = new FunnelCollector(stepCount);
  const names = scan.dictionaries.groups;
  for await (const batch of scan.batches) {
    const { length, customer, time, marks, group } = batch;
    let start = 0;
    while (start < length) {
      const code = customer[start];
      let end = start + 1;
      while (end < length && customer[end] === code) end++;
      if (pass.run(time, marks, start, end, group, names) > 0) collector.add(pass);
      start = end;
    }
  }
  return collector.finish();
}

// ---------------------------------------------------------------------------------------------
// Summing up

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}

/** The step rows of a set of customers (indexes into `customers`). */
function stepsOf(
  customers: FunnelCustomers,
  members: Int32Array,
  stepNames: readonly string[],
): FunnelStep[] {
  const { stepCount, levels, offsets, times } = customers;
  const users = new Int32Array(stepCount);
  for (let m = 0; m < members.length; m++) {
    const level = levels[members[m] ?? 0] ?? 0;
    for (let k = 0; k < level; k++) users[k] = (users[k] ?? 0) + 1;
  }
  // Time from step k - 1 to step k of every customer who reached step k, for k >= 1.
  const gaps = Array.from({ length: stepCount }, (_, k) => new Float64Array(k === 0 ? 0 : (users[k] ?? 0)));
  const used = new Int32Array(stepCount);
  for (let m = 0; m < members.length; m++) {
    const c = members[m] ?? 0;
    const level = levels[c] ?? 0;
    const offset = offsets[c] ?? 0;
    for (let k = 1; k < level; k++) {
      const slot = used[k] ?? 0;
      (gaps[k] as Float64Array)[slot] = (times[offset + k] ?? 0) - (times[offset + k - 1] ?? 0);
      used[k] = slot + 1;
    }
  }
  return stepNames.map((step, k) => {
    const reached = users[k] ?? 0;
    let median: number | null = null;
    if (k > 0 && reached > 0) {
      const stepGaps = (gaps[k] as Float64Array).sort();
      median = (medianOfSorted(stepGaps) ?? 0) / 1000;
    }
    return {
      step,
      users: reached,
      conversionFromStart: ratio(reached, users[0] ?? 0),
      conversionFromPrevious: ratio(reached, k === 0 ? reached : (users[k - 1] ?? 0)),
      medianSecondsFromPrevious: median,
    };
  });
}

/** Time to convert over the customers who reached the last step. */
function timeToConvertOf(customers: FunnelCustomers): TimeToConvert {
  const { count, stepCount, levels, offsets, times } = customers;
  let complete = 0;
  for (let c = 0; c < count; c++) if (levels[c] === stepCount) complete++;
  const seconds = new Float64Array(complete);
  let used = 0;
  for (let c = 0; c < count; c++) {
    if (levels[c] !== stepCount) continue;
    const offset = offsets[c] ?? 0;
    seconds[used++] = ((times[offset + stepCount - 1] ?? 0) - (times[offset] ?? 0)) / 1000;
  }
  seconds.sort();
  let sum = 0;
  for (const value of seconds) sum += value;
  const histogram = TIME_TO_CONVERT_BUCKETS.map((bucket, i) => ({
    label: bucket.label,
    fromSeconds: bucket.fromSeconds,
    toSeconds: TIME_TO_CONVERT_BUCKETS[i + 1]?.fromSeconds ?? null,
    customers: 0,
  }));
  for (const value of seconds) {
    let bucket = histogram.length - 1;
    while (bucket > 0 && value < (histogram[bucket]?.fromSeconds ?? 0)) bucket--;
    const row = histogram[bucket];
    if (row) row.customers++;
  }
  return {
    customers: complete,
    meanSeconds: complete > 0 ? sum / complete : null,
    medianSeconds: medianOfSorted(seconds),
    p90Seconds: percentileOfSorted(seconds, 90),
    histogram,
  };
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The funnel's figures from the collected customers. With `groupNames` (the scan's group
 * dictionary), a breakdown by the chain's first event's value is added.
 */
export function summariseFunnel(
  customers: FunnelCustomers,
  stepNames: readonly string[],
  windowSeconds: number,
  groupNames?: readonly string[],
): Omit<FunnelResult, 'stepKinds'> {
  if (stepNames.length !== customers.stepCount)
    throw new RangeError(`${stepNames.length} step names for a funnel of ${customers.stepCount} steps`);
  const all = new Int32Array(customers.count);
  for (let c = 0; c < customers.count; c++) all[c] = c;
  const result: Omit<FunnelResult, 'stepKinds'> = {
    windowSeconds,
    steps: stepsOf(customers, all, stepNames),
    timeToConvert: timeToConvertOf(customers),
  };
  if (groupNames === undefined) return result;

  // Codes to values (a value really named (none) shares the row of missing values), then the
  // customers of each value by a counting sort.
  const valueIndex = new Map<string, number>();
  const values: string[] = [];
  const codeValue = new Int32Array(groupNames.length + 1);
  const valueNumber = (name: string) => {
    let index = valueIndex.get(name);
    if (index === undefined) {
      index = values.length;
      values.push(name);
      valueIndex.set(name, index);
    }
    return index;
  };
  for (let code = -1; code < groupNames.length; code++)
    codeValue[code + 1] = valueNumber(code === -1 ? NO_BREAKDOWN_VALUE : (groupNames[code] ?? ''));
  const sizes = new Int32Array(values.length + 1);
  for (let c = 0; c < customers.count; c++) {
    const value = codeValue[(customers.groups[c] ?? -1) + 1] ?? 0;
    sizes[value + 1] = (sizes[value + 1] ?? 0) + 1;
  }
  for (let v = 1; v <= values.length; v++) sizes[v] = (sizes[v] ?? 0) + (sizes[v - 1] ?? 0);
  const order = new Int32Array(customers.count);
  const fill = sizes.slice();
  for (let c = 0; c < customers.count; c++) {
    const value = codeValue[(customers.groups[c] ?? -1) + 1] ?? 0;
    const slot = fill[value] ?? 0;
    order[slot] = c;
    fill[value] = slot + 1;
  }
  const breakdown: FunnelBreakdownEntry[] = [];
  values.forEach((value, v) => {
    const members = order.subarray(sizes[v] ?? 0, sizes[v + 1] ?? 0);
    if (members.length > 0) breakdown.push({ value, steps: stepsOf(customers, members, stepNames) });
  });
  breakdown.sort(
    (a, b) => (b.steps[0]?.users ?? 0) - (a.steps[0]?.users ?? 0) || compareNames(a.value, b.value),
  );
  result.breakdown = breakdown;
  return result;
}

/** The match rules of each step; throws when a step of the map has no rules to match events by. */
export function funnelStepRules(
  steps: readonly string[],
  map?: JourneyMap,
): { rules: MatchRule[][]; kinds: ReferenceKind[] } {
  checkStepCount(steps.length);
  const rules: MatchRule[][] = [];
  const kinds: ReferenceKind[] = [];
  for (const step of steps) {
    if (step.trim() === '') throw new RangeError('a funnel step needs a name');
    const resolved = resolveReference(step, map);
    if (resolved.rules.length === 0)
      throw new RangeError(
        `funnel step ${step}: the ${resolved.kind} has no match rules, so no event can count for it`,
      );
    rules.push(resolved.rules);
    kinds.push(resolved.kind);
  }
  return { rules, kinds };
}

/**
 * The funnel of a series of steps over the events of a store: customers per step, conversion,
 * time between steps, time to convert, and optionally a breakdown.
 *
 * @example
 * await funnel(store, { steps: ['ad_click', 'product_view', 'order_completed'], windowSeconds: 7 * 86_400 });
 * await funnel(store, { steps: ['browses-e-shop', 'checkout'], by: 'channel' }, map);
 */
export async function funnel(store: EventStore, spec: FunnelSpec, map?: JourneyMap): Promise<FunnelResult> {
  const windowSeconds = spec.windowSeconds ?? DEFAULT_FUNNEL_WINDOW_SECONDS;
  checkWindow(windowSeconds);
  const { rules, kinds } = funnelStepRules(spec.steps, map);
  const scan = await store.scan(funnelScanRequest(rules, spec));
  const customers = await collectFunnel(scan, spec.steps.length, windowSeconds);
  const summary = summariseFunnel(
    customers,
    spec.steps,
    windowSeconds,
    spec.by === undefined ? undefined : scan.dictionaries.groups,
  );
  const result: FunnelResult = {
    windowSeconds: summary.windowSeconds,
    steps: summary.steps,
    stepKinds: kinds,
    timeToConvert: summary.timeToConvert,
  };
  if (spec.by !== undefined) {
    result.by = spec.by;
    result.breakdown = summary.breakdown ?? [];
  }
  return result;
}

function stepToJson(step: FunnelStep): FunnelStepJson {
  return {
    step: step.step,
    users: step.users,
    conversion_from_start: step.conversionFromStart,
    conversion_from_previous: step.conversionFromPrevious,
    median_seconds_from_previous: step.medianSecondsFromPrevious,
  };
}

/** The `--json` shape: snake_case fields; `breakdown` only when one was asked for. */
export function funnelToJson(result: FunnelResult): FunnelJson {
  const { timeToConvert } = result;
  const json: FunnelJson = {
    window_seconds: result.windowSeconds,
    steps: result.steps.map(stepToJson),
    time_to_convert: {
      customers: timeToConvert.customers,
      mean_seconds: timeToConvert.meanSeconds,
      median_seconds: timeToConvert.medianSeconds,
      p90_seconds: timeToConvert.p90Seconds,
      histogram: timeToConvert.histogram.map((bucket) => ({
        bucket: bucket.label,
        from_seconds: bucket.fromSeconds,
        to_seconds: bucket.toSeconds,
        customers: bucket.customers,
      })),
    },
  };
  if (result.breakdown !== undefined)
    json.breakdown = result.breakdown.map((entry) => ({
      value: entry.value,
      steps: entry.steps.map(stepToJson),
    }));
  return json;
}
