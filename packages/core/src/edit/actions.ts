/**
 * Edits as data: `{ type: 'renameStage', stageId: 'awareness', name: 'Orientation' }`. The editor,
 * its keyboard shortcuts, the history and the tests all speak these; they are plain JSON.
 */
import type { JourneyMap } from '../schema.ts';
import {
  addDepartment,
  assignDepartment,
  deleteDepartment,
  editDepartment,
  unassignDepartment,
} from './departments.ts';
import { EditError } from './errors.ts';
import {
  addEvidence,
  addLaneItem,
  clearFeeling,
  editEvidence,
  editLaneItem,
  moveEvidence,
  moveLaneItem,
  removeEvidence,
  removeLaneItem,
  setFeeling,
} from './lanes.ts';
import { describeMap, renameMap, setMapLanguage, setMapStyle } from './map.ts';
import { addPersona, deletePersona, editPersona, movePersona } from './personas.ts';
import {
  addKpi,
  addObjection,
  addStageAction,
  editKpi,
  editObjection,
  editStageAction,
  moveKpi,
  moveObjection,
  moveStageAction,
  removeKpi,
  removeObjection,
  removeStageAction,
} from './stage-items.ts';
import { addStage, deleteStage, describeStage, moveStage, renameStage } from './stages.ts';
import {
  addStep,
  deleteStep,
  describeStep,
  linkSteps,
  moveStep,
  renameStep,
  setStepNext,
  unlinkSteps,
} from './steps.ts';
import {
  addTouchpoint,
  attachTouchpoint,
  deleteTouchpoint,
  detachTouchpoint,
  editTouchpoint,
} from './touchpoints.ts';

/** Every editing operation by the name its actions carry as `type`. */
export const EDIT_OPERATIONS = {
  renameMap,
  describeMap,
  setMapStyle,
  setMapLanguage,
  addStage,
  renameStage,
  describeStage,
  moveStage,
  deleteStage,
  addKpi,
  editKpi,
  removeKpi,
  moveKpi,
  addObjection,
  editObjection,
  removeObjection,
  moveObjection,
  addStageAction,
  editStageAction,
  removeStageAction,
  moveStageAction,
  addStep,
  renameStep,
  describeStep,
  moveStep,
  deleteStep,
  linkSteps,
  unlinkSteps,
  setStepNext,
  addTouchpoint,
  editTouchpoint,
  deleteTouchpoint,
  attachTouchpoint,
  detachTouchpoint,
  addDepartment,
  editDepartment,
  deleteDepartment,
  assignDepartment,
  unassignDepartment,
  addPersona,
  editPersona,
  movePersona,
  deletePersona,
  addLaneItem,
  editLaneItem,
  removeLaneItem,
  moveLaneItem,
  addEvidence,
  editEvidence,
  removeEvidence,
  moveEvidence,
  setFeeling,
  clearFeeling,
} as const;

type Operations = typeof EDIT_OPERATIONS;
export type EditActionType = keyof Operations;

/** The arguments of an operation, e.g. `EditArgs<'renameStage'>` is `{ stageId; name }`. */
export type EditArgs<K extends EditActionType> = Parameters<Operations[K]>[1];

/** One edit as data: the operation's name as `type`, beside its arguments. */
export type EditAction = { [K in EditActionType]: { type: K } & EditArgs<K> }[EditActionType];

/** The action of one type, e.g. `EditActionOf<'moveStep'>`. */
export type EditActionOf<K extends EditActionType> = Extract<EditAction, { type: K }>;

export const EDIT_ACTION_TYPES = Object.keys(EDIT_OPERATIONS) as EditActionType[];

export function isEditActionType(value: unknown): value is EditActionType {
  return typeof value === 'string' && Object.hasOwn(EDIT_OPERATIONS, value);
}

/**
 * Applies one action. Returns a new map sharing what the action leaves alone, or `map` itself when
 * the action changes nothing; throws an {@link EditError} when the action cannot be applied.
 *
 * @example
 * const next = applyEdit(map, { type: 'addStep', stageId: 'purchase', name: 'Pays', index: 1 });
 */
export function applyEdit(map: JourneyMap, action: EditAction): JourneyMap {
  const type: unknown = (action as { type?: unknown } | null)?.type;
  if (!isEditActionType(type)) {
    throw new EditError('unknown-action', `there is no edit ${JSON.stringify(type) ?? 'without a type'}`);
  }
  const operation = EDIT_OPERATIONS[type] as (map: JourneyMap, args: EditAction) => JourneyMap;
  return operation(map, action);
}

export type EditResult = { ok: true; map: JourneyMap } | { ok: false; error: EditError };

/**
 * {@link applyEdit} without throwing: what a menu asks to grey out an action that cannot apply.
 * Errors other than {@link EditError} (bugs) are still thrown.
 */
export function tryEdit(map: JourneyMap, action: EditAction): EditResult {
  try {
    return { ok: true, map: applyEdit(map, action) };
  } catch (error) {
    if (error instanceof EditError) return { ok: false, error };
    throw error;
  }
}

/**
 * Edits of one field of one thing, which run together into one undo step when they follow each
 * other (typing a name, dragging a feeling): the action type and the arguments that say which thing.
 */
const FIELD_EDITS: { readonly [K in EditActionType]?: readonly (keyof EditArgs<K> & string)[] } = {
  renameMap: [],
  describeMap: [],
  renameStage: ['stageId'],
  describeStage: ['stageId'],
  editKpi: ['stageId', 'kpi'],
  editObjection: ['stageId', 'objectionId'],
  editStageAction: ['stageId', 'index'],
  renameStep: ['stepId'],
  describeStep: ['stepId'],
  editTouchpoint: ['touchpointId'],
  editDepartment: ['departmentId'],
  editPersona: ['personaId'],
  editLaneItem: ['stepId', 'lane', 'index'],
  editEvidence: ['stepId', 'evidenceId'],
  setFeeling: ['stepId', 'personaId'],
};

/**
 * Which field an action edits, as a string equal for actions that edit the same field of the same
 * thing (`undefined` for actions that are not field edits: adding, moving, deleting ...). For an
 * action that sets several fields at once, the fields it sets are part of the key.
 */
export function coalesceKey(action: EditAction): string | undefined {
  const identity = FIELD_EDITS[action.type] as readonly string[] | undefined;
  if (!identity) return undefined;
  const values = action as unknown as Record<string, unknown>;
  const fields = Object.keys(values)
    .filter((key) => key !== 'type' && !identity.includes(key) && values[key] !== undefined)
    .sort();
  return JSON.stringify([action.type, ...identity.map((key) => values[key]), fields]);
}
