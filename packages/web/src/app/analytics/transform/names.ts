/**
 * What the measures name by id (touchpoints, steps, stages), named as the map names them; and
 * which of them events can reach, for the funnel's step picker and its default.
 */
import { type JourneyMap, placedSteps } from '@touchline/core';

/** The conversion event the measures take when not told (the CLI's default). */
export const DEFAULT_CONVERSION = 'order_completed';

/** How a measure's node or step is shown: the map's name of the id, or the id itself (an event name). */
export type Labeller = (id: string) => string;

/**
 * Labels for touchpoint, step and stage ids of a map, in the order of precedence the measures
 * resolve references (touchpoint, then step, then stage); anything else is shown as it is.
 */
export function mapLabeller(map: JourneyMap | undefined): Labeller {
  if (!map) return (id) => id;
  const names = new Map<string, string>();
  for (const stage of [...map.stages].reverse()) names.set(stage.id, stage.name);
  for (const { step } of [...placedSteps(map)].reverse()) names.set(step.id, step.name);
  for (const touchpoint of map.touchpoints ?? []) names.set(touchpoint.id, touchpoint.name);
  return (id) => names.get(id) ?? id;
}

/** Touchpoint ids that events can count as: those with match rules. */
export function matchableTouchpoints(map: JourneyMap): Set<string> {
  return new Set(
    (map.touchpoints ?? []).filter((touchpoint) => (touchpoint.match ?? []).length > 0).map((t) => t.id),
  );
}

export interface StepChoice {
  id: string;
  name: string;
}

/** What a funnel step can name in a map, each group in map order: only what events can reach. */
export interface FunnelStepChoices {
  stages: StepChoice[];
  steps: StepChoice[];
  touchpoints: StepChoice[];
}

export function funnelStepChoices(map: JourneyMap): FunnelStepChoices {
  const matchable = matchableTouchpoints(map);
  const reachable = (touchpoints: readonly string[] | undefined) =>
    (touchpoints ?? []).some((id) => matchable.has(id));
  return {
    stages: map.stages
      .filter((stage) => stage.steps.some((step) => reachable(step.touchpoints)))
      .map((stage) => ({ id: stage.id, name: stage.name })),
    steps: placedSteps(map)
      .filter(({ step }) => reachable(step.touchpoints))
      .map(({ step }) => ({ id: step.id, name: step.name })),
    touchpoints: (map.touchpoints ?? [])
      .filter((touchpoint) => matchable.has(touchpoint.id))
      .map((touchpoint) => ({ id: touchpoint.id, name: touchpoint.name })),
  };
}

/**
 * The stages where the conversion happens: those with a step using a touchpoint that a rule for
 * the conversion event makes (`order_completed` is the thank-you page's).
 */
export function conversionStages(map: JourneyMap, conversionEvent: string): string[] {
  const converting = new Set(
    (map.touchpoints ?? [])
      .filter((touchpoint) => (touchpoint.match ?? []).some((rule) => rule.event === conversionEvent))
      .map((touchpoint) => touchpoint.id),
  );
  return map.stages
    .filter((stage) => stage.steps.some((step) => (step.touchpoints ?? []).some((id) => converting.has(id))))
    .map((stage) => stage.id);
}

/**
 * The funnel a map's page starts with: its stages that events can reach, up to the first stage
 * where the conversion happens (all of them when no stage holds it). A funnel ends at the
 * conversion; what follows it (service, loyalty) is not a narrowing of the same customers.
 */
export function defaultFunnelSteps(map: JourneyMap, conversionEvent = DEFAULT_CONVERSION): string[] {
  const reachable = funnelStepChoices(map).stages.map((stage) => stage.id);
  const converting = new Set(conversionStages(map, conversionEvent));
  const end = reachable.findIndex((id) => converting.has(id));
  return end === -1 ? reachable : reachable.slice(0, end + 1);
}
