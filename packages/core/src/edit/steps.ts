import { nextStepIds, type PlacedStep, placedSteps } from '../journey.ts';
import type { JourneyMap, Step } from '../schema.ts';
import { EditError } from './errors.ts';
import {
  allStepIds,
  dropLinksTo,
  FIELD_ORDER,
  findStage,
  findStep,
  insertAt,
  insertionIndex,
  moveIndex,
  moveWithin,
  newItemId,
  optionalText,
  removeAt,
  replaceAt,
  requiredText,
  updateStage,
  updateStep,
  withField,
  withStages,
} from './internal.ts';

export interface AddStepArgs {
  stageId: string;
  name: string;
  /** Position in the stage, 0 to its number of steps; left out: after its last step. */
  index?: number;
  /** Left out: a fresh slug of the name, unique across the map's steps. */
  id?: string;
}

/**
 * Adds a step to a stage. It has no `next`, so it follows by file order, and a step before it that
 * also follows by file order now leads to it: inserting a step puts it in the flow.
 */
export function addStep(map: JourneyMap, args: AddStepArgs): JourneyMap {
  const name = requiredText(args.name, 'step name');
  const { stage } = findStage(map, args.stageId);
  const index = insertionIndex(args.index, stage.steps.length, `a step of stage "${stage.id}"`);
  const id = newItemId(args.id, name, allStepIds(map), 'step');
  return updateStage(map, stage.id, (s) => ({ ...s, steps: insertAt(s.steps, index, { id, name }) }));
}

export interface RenameStepArgs {
  stepId: string;
  name: string;
}

/** Changes the step's name; its id stays, so links, comments and analytics keep pointing at it. */
export function renameStep(map: JourneyMap, args: RenameStepArgs): JourneyMap {
  const name = requiredText(args.name, 'step name');
  return updateStep(map, args.stepId, (step) => withField(step, 'name', name, FIELD_ORDER.step));
}

export interface DescribeStepArgs {
  stepId: string;
  /** Text sets it, `null` or `''` clears it. */
  description: string | null;
}

export function describeStep(map: JourneyMap, args: DescribeStepArgs): JourneyMap {
  const description = optionalText(args.description, 'step description');
  return updateStep(map, args.stepId, (step) =>
    withField(step, 'description', description, FIELD_ORDER.step),
  );
}

export interface MoveStepArgs {
  stepId: string;
  /** The stage to move it to; left out: its own stage. */
  stageId?: string;
  /** Its position in that stage once moved; left out: the last. */
  index?: number;
}

/**
 * Moves a step within its stage or to another stage (drag and drop). Its lanes, feelings and links
 * go with it. Steps without `next` follow the new file order, as the map reads left to right.
 */
export function moveStep(map: JourneyMap, args: MoveStepArgs): JourneyMap {
  const from = findStep(map, args.stepId);
  const target =
    args.stageId === undefined ? { stage: from.stage, index: from.stageIndex } : findStage(map, args.stageId);
  const what = `a step of stage "${target.stage.id}"`;
  if (target.index === from.stageIndex) {
    const count = from.stage.steps.length;
    const to = args.index === undefined ? count - 1 : moveIndex(args.index, count, what);
    if (to === from.indexInStage) return map;
    return updateStage(map, from.stage.id, (stage) => ({
      ...stage,
      steps: moveWithin(stage.steps, from.indexInStage, to),
    }));
  }
  const to = insertionIndex(args.index, target.stage.steps.length, what);
  let stages = replaceAt(map.stages, from.stageIndex, {
    ...from.stage,
    steps: removeAt(from.stage.steps, from.indexInStage),
  });
  stages = replaceAt(stages, target.index, {
    ...target.stage,
    steps: insertAt(target.stage.steps, to, from.step),
  });
  return withStages(map, stages);
}

export interface DeleteStepArgs {
  stepId: string;
}

/** Deletes a step; links (`next`) to it are removed (a step that led only to it now ends the journey). */
export function deleteStep(map: JourneyMap, args: DeleteStepArgs): JourneyMap {
  const { stage, indexInStage } = findStep(map, args.stepId);
  const without = updateStage(map, stage.id, (s) => ({ ...s, steps: removeAt(s.steps, indexInStage) }));
  return dropLinksTo(without, new Set([args.stepId]));
}

/** Where the journey goes after a step: its `next`, or else the step that follows in the file. */
export function stepTargets(map: JourneyMap, stepId: string): string[] {
  findStep(map, stepId);
  const steps = placedSteps(map);
  return nextStepIds(steps, steps.find((placed) => placed.step.id === stepId) as PlacedStep);
}

export interface LinkStepsArgs {
  stepId: string;
  /** The step the journey can go to next: a later step branches, an earlier one loops. */
  toStepId: string;
}

/**
 * Lets the journey go from one step to another. A step that followed by file order gets an
 * explicit `next` holding both the step after it and the new one, so its existing arrow stays.
 */
export function linkSteps(map: JourneyMap, args: LinkStepsArgs): JourneyMap {
  findStep(map, args.toStepId);
  const targets = stepTargets(map, args.stepId);
  if (targets.includes(args.toStepId)) {
    throw new EditError('duplicate', `step "${args.stepId}" already leads to step "${args.toStepId}"`);
  }
  return setNext(map, args.stepId, [...targets, args.toStepId]);
}

/**
 * Removes the way from one step to another. Unlinking the step that follows by file order gives
 * the step an explicit `next` without it (`[]` when it was the only one: the journey ends there).
 */
export function unlinkSteps(map: JourneyMap, args: LinkStepsArgs): JourneyMap {
  const targets = stepTargets(map, args.stepId);
  if (!targets.includes(args.toStepId)) {
    findStep(map, args.toStepId);
    throw new EditError('not-found', `step "${args.stepId}" does not lead to step "${args.toStepId}"`);
  }
  return setNext(
    map,
    args.stepId,
    targets.filter((id) => id !== args.toStepId),
  );
}

export interface SetStepNextArgs {
  stepId: string;
  /** The steps that can follow, in order; `[]`: the journey ends here; `null`: the next step in the file. */
  next: string[] | null;
}

/** Sets where the journey goes after a step in one go (`null` returns it to file order). */
export function setStepNext(map: JourneyMap, args: SetStepNextArgs): JourneyMap {
  if (args.next === null) return setNext(map, args.stepId, undefined);
  if (!Array.isArray(args.next))
    throw new EditError('invalid-value', 'next must be a list of step ids or null');
  findStep(map, args.stepId);
  const seen = new Set<string>();
  for (const id of args.next) {
    findStep(map, id);
    if (seen.has(id)) throw new EditError('duplicate', `step "${id}" is listed twice in next`);
    seen.add(id);
  }
  return setNext(map, args.stepId, [...args.next]);
}

function setNext(map: JourneyMap, stepId: string, next: string[] | undefined): JourneyMap {
  return updateStep(map, stepId, (step: Step) =>
    sameList(step.next, next) ? step : withField(step, 'next', next, FIELD_ORDER.step),
  );
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
