/**
 * The funnel's answer as the page shows it: per step the customers, conversion and the drop-off
 * from the step before; the breakdown's values as segments to compare or to pick one of; and the
 * time-to-convert histogram with each bucket's share.
 */
import type { FunnelJson, FunnelStepJson } from '../../api/analytics-types.ts';
import type { Labeller } from './names.ts';

export interface FunnelBar {
  /** The step as asked: an event name, or a touchpoint, step or stage id. */
  step: string;
  label: string;
  users: number;
  conversionFromStart: number;
  conversionFromPrevious: number;
  /** Customers of the step before who did not reach this one; 0 for the first step. */
  dropOff: number;
  /** dropOff over the customers of the step before; 0 for the first step and after a step of none. */
  dropOffRate: number;
  medianSecondsFromPrevious: number | null;
}

export interface FunnelSegment {
  /** The breakdown's value (`(none)` for customers without one). */
  value: string;
  /** Customers who reached the first step with this value. */
  entered: number;
  /** Customers who reached the last step. */
  converted: number;
  /** converted / entered; 0 when none entered. */
  conversion: number;
  /** This value's share of the customers who entered the funnel. */
  share: number;
}

export interface TimeToConvertBar {
  bucket: string;
  fromSeconds: number;
  toSeconds: number | null;
  customers: number;
  /** Of the customers who completed the funnel; the shares add up to 1. */
  share: number;
}

export interface FunnelView {
  windowSeconds: number;
  /** The steps of everyone, or of the chosen segment. */
  bars: FunnelBar[];
  /** The breakdown value shown; null for everyone. */
  segment: string | null;
  /** Every breakdown value, as the server orders them (most customers first); empty without `by`. */
  segments: FunnelSegment[];
  /** Last step over first step of the bars shown; 0 when none entered. */
  conversion: number;
  timeToConvert: {
    customers: number;
    meanSeconds: number | null;
    medianSeconds: number | null;
    p90Seconds: number | null;
    bars: TimeToConvertBar[];
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Bars of a funnel's steps: the drop-off of each is the previous step's customers minus its own. */
export function funnelBars(steps: readonly FunnelStepJson[], label: Labeller): FunnelBar[] {
  return steps.map((step, index) => {
    const previous = index === 0 ? undefined : steps[index - 1];
    const dropOff = previous ? previous.users - step.users : 0;
    return {
      step: step.step,
      label: label(step.step),
      users: step.users,
      conversionFromStart: step.conversion_from_start,
      conversionFromPrevious: step.conversion_from_previous,
      dropOff,
      dropOffRate: previous ? ratio(dropOff, previous.users) : 0,
      medianSecondsFromPrevious: step.median_seconds_from_previous,
    };
  });
}

function converted(steps: readonly FunnelStepJson[]): { entered: number; converted: number } {
  return { entered: steps[0]?.users ?? 0, converted: steps.at(-1)?.users ?? 0 };
}

/**
 * @example
 * funnelView(json, { label: mapLabeller(map), segment: 'email' }) // the funnel of customers who came by e-mail
 */
export function funnelView(
  json: FunnelJson,
  options: { label: Labeller; segment?: string | null | undefined },
): FunnelView {
  const breakdown = json.breakdown ?? [];
  const chosen = breakdown.find((entry) => entry.value === options.segment);
  const everyone = converted(json.steps);
  const segments = breakdown.map((entry) => {
    const counts = converted(entry.steps);
    return {
      value: entry.value,
      ...counts,
      conversion: ratio(counts.converted, counts.entered),
      share: ratio(counts.entered, everyone.entered),
    };
  });
  const steps = chosen ? chosen.steps : json.steps;
  const shown = converted(steps);
  const time = json.time_to_convert;
  const inBuckets = time.histogram.reduce((sum, bucket) => sum + bucket.customers, 0);
  return {
    windowSeconds: json.window_seconds,
    bars: funnelBars(steps, options.label),
    segment: chosen ? chosen.value : null,
    segments,
    conversion: ratio(shown.converted, shown.entered),
    timeToConvert: {
      customers: time.customers,
      meanSeconds: time.mean_seconds,
      medianSeconds: time.median_seconds,
      p90Seconds: time.p90_seconds,
      bars: time.histogram.map((bucket) => ({
        bucket: bucket.bucket,
        fromSeconds: bucket.from_seconds,
        toSeconds: bucket.to_seconds,
        customers: bucket.customers,
        share: ratio(bucket.customers, inBuckets),
      })),
    },
  };
}
