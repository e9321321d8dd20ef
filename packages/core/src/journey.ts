import type { JourneyMap, Stage, Step } from './schema.ts';

/** A step with where it sits: its stage and its position in the whole map. */
export interface PlacedStep {
  step: Step;
  stage: Stage;
  stageIndex: number;
  /** Index within its stage. */
  indexInStage: number;
  /** Index across the whole map, in document order. */
  index: number;
}

/** Every step of the map in document order, with its stage. */
export function placedSteps(map: JourneyMap): PlacedStep[] {
  const placed: PlacedStep[] = [];
  map.stages.forEach((stage, stageIndex) => {
    stage.steps.forEach((step, indexInStage) => {
      placed.push({ step, stage, stageIndex, indexInStage, index: placed.length });
    });
  });
  return placed;
}

/**
 * The ids of the steps that can follow `placed`: its explicit `next`, or else the step after it in
 * document order (none for the last step).
 */
export function nextStepIds(steps: readonly PlacedStep[], placed: PlacedStep): string[] {
  if (placed.step.next !== undefined) return placed.step.next;
  const following = steps[placed.index + 1];
  return following ? [following.step.id] : [];
}

/** The designed flow as an adjacency list: step id -> ids of the steps that can follow it. */
export function stepGraph(map: JourneyMap): Map<string, string[]> {
  const steps = placedSteps(map);
  return new Map(steps.map((placed) => [placed.step.id, nextStepIds(steps, placed)]));
}

/** The persona whose feelings a single-curve view shows: the first one. */
export function primaryPersonaId(map: JourneyMap): string | undefined {
  return map.personas[0]?.id;
}

/**
 * Departments responsible for a step: those listed on it, then the owners of its touchpoints, in
 * that order, without repeats.
 */
export function stepDepartmentIds(map: JourneyMap, step: Step): string[] {
  const ids = new Set(step.departments ?? []);
  for (const touchpointId of step.touchpoints ?? []) {
    const owner = map.touchpoints?.find((t) => t.id === touchpointId)?.department;
    if (owner) ids.add(owner);
  }
  return [...ids];
}
