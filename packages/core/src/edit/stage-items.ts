/** What a stage holds besides its steps: KPIs, objections and the business's actions. */
import { KPI_IDS, type KpiId } from '../kpi/catalogue.ts';
import {
  type JourneyMap,
  KNOWN_BY,
  type KnownBy,
  type Objection,
  objectionSchema,
  type Stage,
  type StageKpi,
} from '../schema.ts';
import { EditError } from './errors.ts';
import {
  checkRecord,
  existingIndex,
  FIELD_ORDER,
  finiteNumber,
  insertAt,
  insertionIndex,
  moveIndex,
  moveWithin,
  newItemId,
  oneOf,
  optionalText,
  removeAt,
  replaceAt,
  requiredText,
  requireId,
  updateStage,
  withField,
  withList,
} from './internal.ts';

export interface AddKpiArgs {
  stageId: string;
  /** A KPI of the catalogue (`KPI_IDS`). */
  kpi: KpiId;
  target?: number;
  /** Position among the stage's KPIs; left out: the end. */
  index?: number;
}

/** Adds a KPI from the catalogue to a stage; each KPI once per stage. */
export function addKpi(map: JourneyMap, args: AddKpiArgs): JourneyMap {
  const kpi = oneOf(args.kpi, KPI_IDS, 'KPI');
  return updateStage(map, args.stageId, (stage) => {
    const list = stage.kpis ?? [];
    if (list.some((k) => k.kpi === kpi))
      throw new EditError('duplicate', `stage "${stage.id}" already has KPI "${kpi}"`);
    // Objections of a stage without KPIs may name any KPI; once the stage has KPIs, only those.
    const named =
      list.length === 0 ? stage.objections?.find((o) => o.kpi !== undefined && o.kpi !== kpi) : undefined;
    if (named) {
      throw new EditError(
        'conflict',
        `objection "${named.id}" of stage "${stage.id}" names KPI "${named.kpi}"; add that KPI first`,
      );
    }
    const at = insertionIndex(args.index, list.length, `a KPI of stage "${stage.id}"`);
    const entry: StageKpi = { kpi };
    if (args.target !== undefined) entry.target = finiteNumber(args.target, 'KPI target');
    return withList(stage, 'kpis', insertAt(list, at, entry), FIELD_ORDER.stage);
  });
}

/** Each field left out stays as it is; `null` (or `''` for the note) clears it. */
export interface EditKpiArgs {
  stageId: string;
  kpi: KpiId;
  target?: number | null;
  actual?: number | null;
  note?: string | null;
}

/** Sets a stage KPI's target, its actual value or its note. */
export function editKpi(map: JourneyMap, args: EditKpiArgs): JourneyMap {
  return updateStage(map, args.stageId, (stage) => {
    const list = stage.kpis ?? [];
    const index = kpiIndex(stage, args.kpi);
    const current = list[index] as StageKpi;
    let next = current;
    for (const field of ['target', 'actual'] as const) {
      const value = args[field];
      if (value !== undefined)
        next = withField(
          next,
          field,
          value === null ? undefined : finiteNumber(value, `KPI ${field}`),
          FIELD_ORDER.kpi,
        );
    }
    if (args.note !== undefined)
      next = withField(next, 'note', optionalText(args.note, 'KPI note'), FIELD_ORDER.kpi);
    return next === current
      ? stage
      : withField(stage, 'kpis', replaceAt(list, index, next), FIELD_ORDER.stage);
  });
}

export interface RemoveKpiArgs {
  stageId: string;
  kpi: KpiId;
}

/** Removes a KPI from a stage; objections that should move it no longer name a KPI. */
export function removeKpi(map: JourneyMap, args: RemoveKpiArgs): JourneyMap {
  return updateStage(map, args.stageId, (stage) => {
    const index = kpiIndex(stage, args.kpi);
    const withoutKpi = withList(stage, 'kpis', removeAt(stage.kpis ?? [], index), FIELD_ORDER.stage);
    if (!stage.objections?.some((o) => o.kpi === args.kpi)) return withoutKpi;
    const objections = stage.objections.map((o) =>
      o.kpi === args.kpi ? withField(o, 'kpi', undefined, FIELD_ORDER.objection) : o,
    );
    return { ...withoutKpi, objections };
  });
}

export interface MoveKpiArgs {
  stageId: string;
  kpi: KpiId;
  /** Its position among the stage's KPIs once moved. */
  index: number;
}

export function moveKpi(map: JourneyMap, args: MoveKpiArgs): JourneyMap {
  return updateStage(map, args.stageId, (stage) => {
    const list = stage.kpis ?? [];
    const from = kpiIndex(stage, args.kpi);
    const to = moveIndex(args.index, list.length, `a KPI of stage "${stage.id}"`);
    return from === to ? stage : withField(stage, 'kpis', moveWithin(list, from, to), FIELD_ORDER.stage);
  });
}

function kpiIndex(stage: Stage, kpi: string): number {
  const index = stage.kpis?.findIndex((k) => k.kpi === kpi) ?? -1;
  if (index < 0) throw new EditError('not-found', `stage "${stage.id}" has no KPI "${kpi}"`);
  return index;
}

/** An objection's fields as a person fills them in; `null` (or `''` for texts) clears one when editing. */
interface ObjectionFields {
  objection?: string;
  remedy?: string | null;
  /** Department that owns removing it. */
  department?: string | null;
  /** Touchpoint where it happens. */
  touchpoint?: string | null;
  /** One of the stage's KPIs, which removing the objection should move. */
  kpi?: KpiId | null;
  knownBy?: KnownBy | null;
}

export interface AddObjectionArgs extends ObjectionFields {
  stageId: string;
  objection: string;
  /** Position among the stage's objections; left out: the end. */
  index?: number;
  /** Left out: a slug of the objection's first words, unique in the stage. */
  id?: string;
}

/** Adds an objection the customer may have in a stage, and how it is removed. */
export function addObjection(map: JourneyMap, args: AddObjectionArgs): JourneyMap {
  const text = requiredText(args.objection, 'objection');
  return updateStage(map, args.stageId, (stage) => {
    const list = stage.objections ?? [];
    const at = insertionIndex(args.index, list.length, `an objection of stage "${stage.id}"`);
    const id = newItemId(
      args.id,
      text,
      list.map((o) => o.id),
      'objection',
    );
    const objection = patchObjection(map, stage, { id, objection: text }, args);
    return withList(stage, 'objections', insertAt(list, at, objection), FIELD_ORDER.stage);
  });
}

export interface EditObjectionArgs extends ObjectionFields {
  stageId: string;
  objectionId: string;
}

export function editObjection(map: JourneyMap, args: EditObjectionArgs): JourneyMap {
  return updateStage(map, args.stageId, (stage) => {
    const list = stage.objections ?? [];
    const current = requireObjection(stage, args.objectionId);
    const changed = patchObjection(map, stage, current, args);
    return changed === current
      ? stage
      : withField(stage, 'objections', replaceAt(list, list.indexOf(current), changed), FIELD_ORDER.stage);
  });
}

function patchObjection(
  map: JourneyMap,
  stage: Stage,
  objection: Objection,
  fields: ObjectionFields,
): Objection {
  const order = FIELD_ORDER.objection;
  let next = objection;
  if (fields.objection !== undefined)
    next = withField(next, 'objection', requiredText(fields.objection, 'objection'), order);
  if (fields.remedy !== undefined)
    next = withField(next, 'remedy', optionalText(fields.remedy, 'remedy'), order);
  if (fields.department !== undefined)
    next = withField(
      next,
      'department',
      fields.department === null ? undefined : requireId(map.departments, fields.department, 'department').id,
      order,
    );
  if (fields.touchpoint !== undefined)
    next = withField(
      next,
      'touchpoint',
      fields.touchpoint === null ? undefined : requireId(map.touchpoints, fields.touchpoint, 'touchpoint').id,
      order,
    );
  if (fields.kpi !== undefined) {
    if (fields.kpi !== null && !stage.kpis?.some((k) => k.kpi === fields.kpi)) {
      throw new EditError(
        'not-found',
        `stage "${stage.id}" has no KPI "${String(fields.kpi)}"; add it to the stage before naming it here`,
      );
    }
    next = withField(next, 'kpi', fields.kpi ?? undefined, order);
  }
  if (fields.knownBy !== undefined)
    next = withField(
      next,
      'knownBy',
      fields.knownBy === null ? undefined : oneOf(fields.knownBy, KNOWN_BY, 'knownBy'),
      order,
    );
  return next === objection ? objection : checkRecord(objectionSchema, next, 'objection');
}

function requireObjection(stage: Stage, objectionId: string): Objection {
  const found = stage.objections?.find((o) => o.id === objectionId);
  if (!found) throw new EditError('not-found', `stage "${stage.id}" has no objection "${objectionId}"`);
  return found;
}

export interface RemoveObjectionArgs {
  stageId: string;
  objectionId: string;
}

export function removeObjection(map: JourneyMap, args: RemoveObjectionArgs): JourneyMap {
  return updateStage(map, args.stageId, (stage) => {
    const current = requireObjection(stage, args.objectionId);
    return withList(
      stage,
      'objections',
      (stage.objections ?? []).filter((o) => o !== current),
      FIELD_ORDER.stage,
    );
  });
}

export interface MoveObjectionArgs {
  stageId: string;
  objectionId: string;
  /** Its position among the stage's objections once moved. */
  index: number;
}

export function moveObjection(map: JourneyMap, args: MoveObjectionArgs): JourneyMap {
  return updateStage(map, args.stageId, (stage) => {
    const list = stage.objections ?? [];
    const from = list.indexOf(requireObjection(stage, args.objectionId));
    const to = moveIndex(args.index, list.length, `an objection of stage "${stage.id}"`);
    return from === to
      ? stage
      : withField(stage, 'objections', moveWithin(list, from, to), FIELD_ORDER.stage);
  });
}

export interface AddStageActionArgs {
  stageId: string;
  /** What the business does in this stage: "Online ads and retargeting". */
  text: string;
  /** Position among the stage's actions; left out: the end. */
  index?: number;
}

export function addStageAction(map: JourneyMap, args: AddStageActionArgs): JourneyMap {
  const text = requiredText(args.text, 'action');
  return updateStage(map, args.stageId, (stage) => {
    const list = stage.actions ?? [];
    const at = insertionIndex(args.index, list.length, `an action of stage "${stage.id}"`);
    return withList(stage, 'actions', insertAt(list, at, text), FIELD_ORDER.stage);
  });
}

export interface EditStageActionArgs {
  stageId: string;
  index: number;
  text: string;
}

export function editStageAction(map: JourneyMap, args: EditStageActionArgs): JourneyMap {
  const text = requiredText(args.text, 'action');
  return updateStage(map, args.stageId, (stage) => {
    const list = stage.actions ?? [];
    const index = existingIndex(args.index, list.length, `actions of stage "${stage.id}"`);
    return list[index] === text
      ? stage
      : withField(stage, 'actions', replaceAt(list, index, text), FIELD_ORDER.stage);
  });
}

export interface RemoveStageActionArgs {
  stageId: string;
  index: number;
}

export function removeStageAction(map: JourneyMap, args: RemoveStageActionArgs): JourneyMap {
  return updateStage(map, args.stageId, (stage) => {
    const list = stage.actions ?? [];
    const index = existingIndex(args.index, list.length, `actions of stage "${stage.id}"`);
    return withList(stage, 'actions', removeAt(list, index), FIELD_ORDER.stage);
  });
}

export interface MoveStageActionArgs {
  stageId: string;
  index: number;
  /** Its position among the stage's actions once moved. */
  toIndex: number;
}

export function moveStageAction(map: JourneyMap, args: MoveStageActionArgs): JourneyMap {
  return updateStage(map, args.stageId, (stage) => {
    const list = stage.actions ?? [];
    const from = existingIndex(args.index, list.length, `actions of stage "${stage.id}"`);
    const to = moveIndex(args.toIndex, list.length, `an action of stage "${stage.id}"`);
    return from === to ? stage : withField(stage, 'actions', moveWithin(list, from, to), FIELD_ORDER.stage);
  });
}
