/**
 * Results read back from their `--json` shape, for programs that get the JSON (the CLI asking a
 * server) and show it as the command line does. The JSON leaves out what a funnel's steps stand
 * for and the property it was broken down by; the rest comes back whole.
 */
import type { AttributionJson, AttributionResult } from './attribution.ts';
import type { FunnelJson, FunnelResult, FunnelStep, FunnelStepJson } from './funnel.ts';
import type { TouchesJson, TouchesResult } from './touches.ts';

function stepFromJson(step: FunnelStepJson): FunnelStep {
  return {
    step: step.step,
    users: step.users,
    conversionFromStart: step.conversion_from_start,
    conversionFromPrevious: step.conversion_from_previous,
    medianSecondsFromPrevious: step.median_seconds_from_previous,
  };
}

/** A funnel from its JSON; `by` is the property of the breakdown, when the JSON has one. */
export function funnelFromJson(json: FunnelJson, by?: string): Omit<FunnelResult, 'stepKinds'> {
  const result: Omit<FunnelResult, 'stepKinds'> = {
    windowSeconds: json.window_seconds,
    steps: json.steps.map(stepFromJson),
    timeToConvert: {
      customers: json.time_to_convert.customers,
      meanSeconds: json.time_to_convert.mean_seconds,
      medianSeconds: json.time_to_convert.median_seconds,
      p90Seconds: json.time_to_convert.p90_seconds,
      histogram: json.time_to_convert.histogram.map((bucket) => ({
        label: bucket.bucket,
        fromSeconds: bucket.from_seconds,
        toSeconds: bucket.to_seconds,
        customers: bucket.customers,
      })),
    },
  };
  if (json.breakdown !== undefined) {
    if (by !== undefined) result.by = by;
    result.breakdown = json.breakdown.map((entry) => ({
      value: entry.value,
      steps: entry.steps.map(stepFromJson),
    }));
  }
  return result;
}

export function touchesFromJson(json: TouchesJson): TouchesResult {
  return {
    conversionEvent: json.conversion_event,
    lookbackSeconds: json.lookback_seconds,
    totalConversions: json.total_conversions,
    touches: {
      mean: json.touches.mean,
      median: json.touches.median,
      distribution: json.touches.distribution.map((f) => ({ count: f.touches, conversions: f.conversions })),
    },
    channels: {
      mean: json.distinct_channels.mean,
      median: json.distinct_channels.median,
      distribution: json.distinct_channels.distribution.map((f) => ({
        count: f.channels,
        conversions: f.conversions,
      })),
    },
  };
}

export function attributionFromJson(json: AttributionJson): AttributionResult {
  return {
    conversionEvent: json.conversion_event,
    model: json.model,
    totalConversions: json.total_conversions,
    totalRevenue: json.total_revenue,
    channels: json.channels.map(({ channel, conversions, revenue }) => ({ channel, conversions, revenue })),
  };
}
