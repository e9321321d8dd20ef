/**
 * The analytics API's shapes: the query parameters (the CLI's options, same names) and the
 * results, which are what `touchline <measure> --json` prints.
 */
import { z } from '@hono/zod-openapi';
import {
  ATTRIBUTION_MODELS,
  DEFAULT_MAX_STEPS,
  DEFAULT_TOP_PATHS,
  OPTION_DEFAULTS,
} from '@touchline/analytics';
import { KPI_IDS } from '@touchline/core';

function parameter(description: string, example?: string) {
  return z
    .string()
    .optional()
    .openapi(example === undefined ? { description } : { description, example });
}

function required(name: string, description: string, example: string) {
  return z.string({ error: `give ${name}, e.g. ${name}=${example}` }).openapi({ description, example });
}

const from = parameter(
  'read events from this date or instant (ISO 8601, UTC unless a zone is given)',
  '2026-08-01',
);
const to = parameter(
  'read events up to this date, inclusive, or up to this instant, exclusive',
  '2026-10-31',
);
const map = parameter(
  'id of a map of the workspace whose touchpoints, steps and stages the options may name',
);
const requiredMap = required('map', 'id of a map of the workspace', 'map_1');

// Strict: a parameter the measure does not take is a mistake, as an unknown option is on the command line.
export const FunnelQuery = z.strictObject({
  steps: required(
    'steps',
    'comma-separated steps: event names, or touchpoint, step or stage ids of the map (at most 30)',
    'ad_click,add_to_cart,order_completed',
  ),
  window: parameter(`how long from the first step to the last (default ${OPTION_DEFAULTS.window})`, '7d'),
  by: parameter('break down by this property of the first step: channel, campaign or any other', 'channel'),
  map,
  from,
  to,
});

export const PathsQuery = z.strictObject({
  map,
  over: parameter('touchpoints (needs map; the default with one) or events (the default without)'),
  per: parameter('session (default) or customer'),
  'collapse-repeats': z
    .enum(['', 'true', 'false'])
    .optional()
    .openapi({ description: 'merge consecutive equal steps of a path (present, or true)' }),
  'max-steps': parameter(`cut paths after this many steps, ending them in … (default ${DEFAULT_MAX_STEPS})`),
  top: parameter(`paths to list (default ${DEFAULT_TOP_PATHS})`),
  start: parameter('paths from the first time they reach this touchpoint, step or stage (or event name)'),
  end: parameter('paths up to the first time they reach this touchpoint, step or stage (or event name)'),
  from,
  to,
});

export const DiscoverQuery = z.strictObject({ map: requiredMap, from, to });

export const TouchesQuery = z.strictObject({
  conversion: required('conversion', 'the conversion event', 'order_completed'),
  lookback: parameter(`how long before a conversion touches count (default ${OPTION_DEFAULTS.lookback})`),
  from,
  to,
});

export const AttributionQuery = z.strictObject({
  conversion: required('conversion', 'the conversion event', 'order_completed'),
  model: parameter(`attribution model: ${ATTRIBUTION_MODELS.join(', ')} (default ${OPTION_DEFAULTS.model})`),
  lookback: parameter(`how long before a conversion touches count (default ${OPTION_DEFAULTS.lookback})`),
  'half-life': parameter(`half-life of the time-decay model (default ${OPTION_DEFAULTS.halfLife})`),
  from,
  to,
});

export const ReportQuery = z.strictObject({
  map: requiredMap,
  conversion: parameter(`the conversion event (default ${OPTION_DEFAULTS.conversion})`),
  survey: parameter(`the survey event whose value is a 0-10 answer (default ${OPTION_DEFAULTS.survey})`),
  'churn-period': parameter(
    `period over which churn is measured, ending at the last event (default ${OPTION_DEFAULTS.churnPeriod})`,
  ),
  from,
  to,
});

const FunnelStep = z.object({
  step: z.string(),
  users: z.number(),
  conversion_from_start: z.number(),
  conversion_from_previous: z.number(),
  median_seconds_from_previous: z.number().nullable(),
});

export const FunnelJson = z
  .object({
    window_seconds: z.number(),
    steps: z.array(FunnelStep),
    time_to_convert: z.object({
      customers: z.number(),
      mean_seconds: z.number().nullable(),
      median_seconds: z.number().nullable(),
      p90_seconds: z.number().nullable(),
      histogram: z.array(
        z.object({
          bucket: z.string(),
          from_seconds: z.number(),
          to_seconds: z.number().nullable(),
          customers: z.number(),
        }),
      ),
    }),
    breakdown: z.array(z.object({ value: z.string(), steps: z.array(FunnelStep) })).optional(),
  })
  .openapi('Funnel');

const PathNodeRef = z.object({ position: z.number(), name: z.string() });

export const PathsJson = z
  .object({
    over: z.enum(['touchpoints', 'events']),
    per: z.enum(['session', 'customer']),
    max_steps: z.number(),
    collapse_repeats: z.boolean(),
    total_paths: z.number(),
    truncated_paths: z.number(),
    paths: z.array(
      z.object({ path: z.array(z.string()), count: z.number(), share: z.number(), truncated: z.boolean() }),
    ),
    nodes: z.array(PathNodeRef.extend({ count: z.number(), ends: z.number() })),
    edges: z.array(z.object({ from: PathNodeRef, to: PathNodeRef, count: z.number() })),
  })
  .openapi('Paths');

export const DiscoveredJourneyJson = z
  .object({
    customers: z.number(),
    single_step_customers: z.number(),
    multi_step_customers: z.number(),
    conforming_customers: z.number(),
    conformance: z.number().nullable(),
    events: z.number(),
    events_off_map: z.number(),
    steps: z.array(
      z.object({
        step: z.string(),
        name: z.string(),
        stage: z.string(),
        customers: z.number(),
        visits: z.number(),
        entries: z.number(),
        exits: z.number(),
        skipped_by: z.number(),
      }),
    ),
    edges: z.array(
      z.object({
        from: z.string().nullable(),
        to: z.string().nullable(),
        customers: z.number(),
        transitions: z.number(),
        designed: z.boolean(),
      }),
    ),
    undesigned_transitions: z.array(
      z.object({ from: z.string(), to: z.string(), customers: z.number(), transitions: z.number() }),
    ),
    skipped_steps: z.array(z.object({ step: z.string(), customers: z.number(), transitions: z.number() })),
    unreached_steps: z.array(z.string()),
  })
  .openapi('DiscoveredJourney');

export const TouchesJson = z
  .object({
    conversion_event: z.string(),
    lookback_seconds: z.number(),
    total_conversions: z.number(),
    touches: z.object({
      mean: z.number().nullable(),
      median: z.number().nullable(),
      distribution: z.array(z.object({ touches: z.number(), conversions: z.number() })),
    }),
    distinct_channels: z.object({
      mean: z.number().nullable(),
      median: z.number().nullable(),
      distribution: z.array(z.object({ channels: z.number(), conversions: z.number() })),
    }),
  })
  .openapi('Touches');

export const AttributionJson = z
  .object({
    model: z.enum(ATTRIBUTION_MODELS),
    conversion_event: z.string(),
    total_conversions: z.number(),
    total_revenue: z.number(),
    channels: z.array(z.object({ channel: z.string(), conversions: z.number(), revenue: z.number() })),
  })
  .openapi('Attribution');

const Reach = {
  name: z.string(),
  reached: z.number(),
  convertedToNext: z.number(),
  conversionToNext: z.number().nullable(),
  dropOff: z.number(),
};

export const MapReportJson = z
  .object({
    map: z.string(),
    period: z.object({ from: z.number().nullable(), to: z.number().nullable() }),
    customers: z.number(),
    inputs: z.record(z.string(), z.number()).openapi({ description: 'the KPI inputs measured, by name' }),
    stages: z.array(
      z.object({
        stage: z.string(),
        ...Reach,
        dropOffRate: z.number().nullable(),
        medianSecondsInStage: z.number().nullable(),
        kpis: z.array(
          z.object({
            kpi: z.enum(KPI_IDS),
            target: z.number().nullable(),
            actual: z.number().nullable(),
            met: z.boolean().nullable(),
          }),
        ),
        steps: z.array(z.object({ step: z.string(), ...Reach })),
      }),
    ),
  })
  .openapi('MapReport');

export const StoreSummaryJson = z
  .object({
    events: z.number(),
    customers: z.number(),
    firstEventAt: z.number().nullable().openapi({ description: 'epoch milliseconds; null without events' }),
    lastEventAt: z.number().nullable(),
    eventNames: z.number(),
    costRows: z.number(),
  })
  .openapi('EventStoreSummary');
