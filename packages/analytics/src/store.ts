/**
 * The EventStore port: what every analytics engine (DuckDB embedded, ClickHouse) offers the
 * measures. Measures ask for one ordered scan and do their work in a single pass per customer,
 * so the algorithms live here once and engines only filter, encode and stream.
 */
import type { MatchRule } from '@touchline/core';

/** Optional per-event columns a scan can carry besides customer, time and event. */
export type EventColumn = 'channel' | 'campaign' | 'session' | 'revenue' | 'value';

export interface ScanRequest {
  /**
   * Up to 30 markers; bit i of `marks` is set when the event matches any rule of marker i.
   * Funnels use one marker per step, so one event may count for several steps.
   */
  markers?: readonly (readonly MatchRule[])[];
  /**
   * Classes in priority order; `cls` holds the index of the first class whose rules the event
   * matches, or -1. Paths and the discovered journey classify events into touchpoints this way.
   */
  classes?: readonly (readonly MatchRule[])[];
  /** Only events with at least one marker or class (whichever were asked for). */
  matchedOnly?: boolean;
  /** Also events with a non-empty channel (attribution's touches), when `matchedOnly`. */
  orWithChannel?: boolean;
  columns?: readonly EventColumn[];
  /** A property whose value, dictionary-encoded, goes to `group`: channel, campaign, url or any free property. */
  groupBy?: string;
  /** Inclusive lower and exclusive upper bound on event time, epoch milliseconds. */
  from?: number;
  to?: number;
}

/**
 * A run of events in (customer, time) order. A customer's events are never split across
 * batches, so a measure can close a customer when the customer code changes or the batch ends.
 * Codes index the scan's dictionaries; -1 stands for no value, NaN for no number.
 */
export interface EventBatch {
  length: number;
  customer: Int32Array;
  /** Epoch milliseconds. */
  time: Float64Array;
  event: Int32Array;
  /** Bitmask of the markers the event matches (0 without markers). */
  marks: Int32Array;
  /** Index of the first matching class, or -1. */
  cls: Int32Array;
  channel?: Int32Array;
  campaign?: Int32Array;
  /** Session code, -1 when the event has no session id. Unique within a customer. */
  session?: Int32Array;
  revenue?: Float64Array;
  value?: Float64Array;
  group?: Int32Array;
}

/** Code -> name for each encoded column of a scan. */
export interface ScanDictionaries {
  events: readonly string[];
  channels: readonly string[];
  campaigns: readonly string[];
  groups: readonly string[];
}

export interface Scan {
  dictionaries: ScanDictionaries;
  batches: AsyncIterable<EventBatch>;
}

/** Ad spend summed over a date range, per channel and campaign. */
export interface CostRow {
  channel: string;
  campaign: string;
  cost: number;
  impressions: number;
  viewableImpressions: number;
  audibleImpressions: number;
  clicks: number;
}

export interface StoreSummary {
  events: number;
  customers: number;
  /** Epoch milliseconds of the first and last event; null when the store is empty. */
  firstEventAt: number | null;
  lastEventAt: number | null;
  eventNames: number;
  costRows: number;
}

export interface EventStore {
  scan(request: ScanRequest): Promise<Scan>;
  costs(range?: { from?: number; to?: number }): Promise<CostRow[]>;
  summary(): Promise<StoreSummary>;
}
