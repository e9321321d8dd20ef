/**
 * The answers of the analytics API (`GET /api/workspaces/{workspace}/analytics/...`): exactly
 * what `touchline <measure> --json` prints, snake_case as there. The server's OpenAPI document
 * (schemas Funnel, Paths, DiscoveredJourney, Touches, Attribution, MapReport, EventStoreSummary)
 * is their source. Durations are seconds; instants epoch milliseconds.
 */
import type { KpiId } from '@touchline/core';

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

export interface FunnelStepJson {
  step: string;
  users: number;
  conversion_from_start: number;
  conversion_from_previous: number;
  median_seconds_from_previous: number | null;
}

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
  /** Present when asked `by` a property: per value, the same steps. */
  breakdown?: { value: string; steps: FunnelStepJson[] }[];
}

export interface PathNodeRefJson {
  position: number;
  name: string;
}

export interface PathsJson {
  over: 'touchpoints' | 'events';
  per: 'session' | 'customer';
  max_steps: number;
  collapse_repeats: boolean;
  total_paths: number;
  truncated_paths: number;
  paths: { path: string[]; count: number; share: number; truncated: boolean }[];
  /** Paths through each (position, name), and those ending there. */
  nodes: (PathNodeRefJson & { count: number; ends: number })[];
  edges: { from: PathNodeRefJson; to: PathNodeRefJson; count: number }[];
}

export interface DiscoveredJourneyJson {
  customers: number;
  single_step_customers: number;
  multi_step_customers: number;
  conforming_customers: number;
  conformance: number | null;
  events: number;
  events_off_map: number;
  steps: {
    step: string;
    name: string;
    stage: string;
    customers: number;
    visits: number;
    entries: number;
    exits: number;
    skipped_by: number;
  }[];
  edges: {
    from: string | null;
    to: string | null;
    customers: number;
    transitions: number;
    designed: boolean;
  }[];
  undesigned_transitions: { from: string; to: string; customers: number; transitions: number }[];
  skipped_steps: { step: string; customers: number; transitions: number }[];
  unreached_steps: string[];
}

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

export interface AttributionJson {
  model: AttributionModel;
  conversion_event: string;
  total_conversions: number;
  total_revenue: number;
  channels: { channel: string; conversions: number; revenue: number }[];
}

interface ReachJson {
  name: string;
  reached: number;
  convertedToNext: number;
  conversionToNext: number | null;
  dropOff: number;
}

export interface MapReportJson {
  map: string;
  period: { from: number | null; to: number | null };
  customers: number;
  inputs: Record<string, number>;
  stages: (ReachJson & {
    stage: string;
    dropOffRate: number | null;
    medianSecondsInStage: number | null;
    kpis: { kpi: KpiId; target: number | null; actual: number | null; met: boolean | null }[];
    steps: (ReachJson & { step: string })[];
  })[];
}

export interface EventStoreSummary {
  events: number;
  customers: number;
  firstEventAt: number | null;
  lastEventAt: number | null;
  eventNames: number;
  costRows: number;
}

/** Query parameters of a measure, as the CLI's options (`window=7d`, `by=channel`); empty ones are left out. */
export type MeasureQuery = Readonly<Record<string, string | undefined>>;
