import type { JourneyMap } from '../schema.ts';
import { EditError } from './errors.ts';
import {
  dropLinksTo,
  FIELD_ORDER,
  findStage,
  insertAt,
  insertionIndex,
  moveIndex,
  moveWithin,
  newItemId,
  patchTexts,
  removeAt,
  requiredText,
  updateStage,
  withField,
  withStages,
} from './internal.ts';

export interface AddStageArgs {
  name: string;
  /** Position among the stages, 0 to their count; left out: after the last. */
  index?: number;
  /** Left out: a fresh slug of the name (`"Aankoop"` -> `aankoop`, `aankoop-2` if taken). */
  id?: string;
}

/** Adds an empty stage. */
export function addStage(map: JourneyMap, args: AddStageArgs): JourneyMap {
  const name = requiredText(args.name, 'stage name');
  const index = insertionIndex(args.index, map.stages.length, 'a stage');
  const id = newItemId(
    args.id,
    name,
    map.stages.map((stage) => stage.id),
    'stage',
  );
  return withStages(map, insertAt(map.stages, index, { id, name, steps: [] }));
}

export interface RenameStageArgs {
  stageId: string;
  name: string;
}

/** Changes the stage's name; its id stays, so links, comments and analytics keep pointing at it. */
export function renameStage(map: JourneyMap, args: RenameStageArgs): JourneyMap {
  const name = requiredText(args.name, 'stage name');
  return updateStage(map, args.stageId, (stage) => withField(stage, 'name', name, FIELD_ORDER.stage));
}

/** Each field: text sets it, `null` or `''` clears it, left out leaves it. */
export interface DescribeStageArgs {
  stageId: string;
  description?: string | null;
  customerGoal?: string | null;
  businessGoal?: string | null;
}

export function describeStage(map: JourneyMap, args: DescribeStageArgs): JourneyMap {
  return updateStage(map, args.stageId, (stage) =>
    patchTexts(stage, args, ['description', 'customerGoal', 'businessGoal'], 'stage', 'stage'),
  );
}

export interface MoveStageArgs {
  stageId: string;
  /** The stage's position once moved, 0 to the number of stages - 1. */
  index: number;
}

/**
 * Moves a stage to another position. Steps that follow by file order (no `next`) now lead where
 * the new order says, as the map reads left to right.
 */
export function moveStage(map: JourneyMap, args: MoveStageArgs): JourneyMap {
  const { index: from } = findStage(map, args.stageId);
  const to = moveIndex(args.index, map.stages.length, 'a moved stage');
  return from === to ? map : withStages(map, moveWithin(map.stages, from, to));
}

export interface DeleteStageArgs {
  stageId: string;
}

/** Deletes a stage with its steps; links (`next`) to those steps are removed. */
export function deleteStage(map: JourneyMap, args: DeleteStageArgs): JourneyMap {
  const { stage, index } = findStage(map, args.stageId);
  if (map.stages.length === 1) throw new EditError('last-one', 'a map needs at least one stage');
  const removed = new Set(stage.steps.map((step) => step.id));
  return dropLinksTo(withStages(map, removeAt(map.stages, index)), removed);
}
