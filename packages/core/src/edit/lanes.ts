/** The notes lanes of a step (thoughts ... opportunities), its evidence, and its feelings. */
import {
  EVIDENCE_SOURCES,
  type Evidence,
  evidenceSchema,
  FEELING_MAX,
  FEELING_MIN,
  type JourneyMap,
  KNOWN_BY,
  type KnownBy,
  LANE_KEYS,
  type LaneItem,
  type LaneKey,
  laneItemText,
  type Step,
} from '../schema.ts';
import { EditError } from './errors.ts';
import {
  checkRecord,
  existingIndex,
  FIELD_ORDER,
  findStep,
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
  updateStep,
  withField,
  withList,
  withoutFeeling,
} from './internal.ts';

export interface AddLaneItemArgs {
  stepId: string;
  lane: LaneKey;
  text: string;
  /** Left out: the item stays plain text (read as assumed). */
  knownBy?: KnownBy;
  /** Ids of evidence on the same step the item rests on. */
  evidence?: string[];
  /** Position in the lane; left out: the end. */
  index?: number;
}

/** Adds a note to a lane: plain text, or text with how it is known and its evidence. */
export function addLaneItem(map: JourneyMap, args: AddLaneItemArgs): JourneyMap {
  const lane = oneOf(args.lane, LANE_KEYS, 'lane');
  const text = requiredText(args.text, `an entry of ${lane}`);
  return updateStep(map, args.stepId, (step) => {
    const item = laneItem(step, text, args.knownBy, args.evidence);
    const list = step[lane] ?? [];
    const at = insertionIndex(args.index, list.length, `an entry of ${lane} of step "${step.id}"`);
    return withList(step, lane, insertAt(list, at, item), FIELD_ORDER.step);
  });
}

/** Each field left out stays as it is; `null` clears how it is known or its evidence. */
export interface EditLaneItemArgs {
  stepId: string;
  lane: LaneKey;
  index: number;
  text?: string;
  knownBy?: KnownBy | null;
  evidence?: string[] | null;
}

/**
 * Changes a note. A note with neither `knownBy` nor evidence is written as plain text; it becomes
 * an object once it has either.
 */
export function editLaneItem(map: JourneyMap, args: EditLaneItemArgs): JourneyMap {
  const lane = oneOf(args.lane, LANE_KEYS, 'lane');
  return updateStep(map, args.stepId, (step) => {
    const list = step[lane] ?? [];
    const index = existingIndex(args.index, list.length, `${lane} of step "${step.id}"`);
    const current = list[index] as LaneItem;
    const was = typeof current === 'string' ? { text: current } : current;
    const text = args.text === undefined ? was.text : requiredText(args.text, `an entry of ${lane}`);
    const knownBy = args.knownBy === undefined ? was.knownBy : (args.knownBy ?? undefined);
    const evidence = args.evidence === undefined ? was.evidence : (args.evidence ?? undefined);
    const item = laneItem(step, text, knownBy, evidence);
    if (sameLaneItem(current, item)) return step;
    return withList(step, lane, replaceAt(list, index, item), FIELD_ORDER.step);
  });
}

export interface RemoveLaneItemArgs {
  stepId: string;
  lane: LaneKey;
  index: number;
}

export function removeLaneItem(map: JourneyMap, args: RemoveLaneItemArgs): JourneyMap {
  const lane = oneOf(args.lane, LANE_KEYS, 'lane');
  return updateStep(map, args.stepId, (step) => {
    const list = step[lane] ?? [];
    const index = existingIndex(args.index, list.length, `${lane} of step "${step.id}"`);
    return withList(step, lane, removeAt(list, index), FIELD_ORDER.step);
  });
}

export interface MoveLaneItemArgs {
  stepId: string;
  lane: LaneKey;
  index: number;
  /** The step to move it to; left out: the same step. */
  toStepId?: string;
  /** The lane to move it to; left out: the same lane. */
  toLane?: LaneKey;
  /** Its position there once moved; left out: the last. */
  toIndex?: number;
}

/**
 * Moves a note within its lane, to another lane, or to another step (drag and drop). A note that
 * cites evidence stays on its step: evidence ids only mean something on the step that holds them.
 */
export function moveLaneItem(map: JourneyMap, args: MoveLaneItemArgs): JourneyMap {
  const lane = oneOf(args.lane, LANE_KEYS, 'lane');
  const toLane = args.toLane === undefined ? lane : oneOf(args.toLane, LANE_KEYS, 'lane');
  const source = findStep(map, args.stepId).step;
  const list = source[lane] ?? [];
  const index = existingIndex(args.index, list.length, `${lane} of step "${source.id}"`);
  const item = list[index] as LaneItem;
  const target = args.toStepId === undefined ? source : findStep(map, args.toStepId).step;

  if (target === source && toLane === lane) {
    const to =
      args.toIndex === undefined
        ? list.length - 1
        : moveIndex(args.toIndex, list.length, `an entry of ${lane} of step "${source.id}"`);
    if (to === index) return map;
    return updateStep(map, source.id, (step) =>
      withList(step, lane, moveWithin(list, index, to), FIELD_ORDER.step),
    );
  }
  if (target !== source && typeof item !== 'string' && (item.evidence?.length ?? 0) > 0) {
    throw new EditError(
      'conflict',
      `"${laneItemText(item)}" cites evidence of step "${source.id}"; remove its evidence before moving it to step "${target.id}"`,
    );
  }
  // Another lane or another step: taking the item out leaves the list it goes into as it is.
  const into = target[toLane] ?? [];
  const at = insertionIndex(args.toIndex, into.length, `an entry of ${toLane} of step "${target.id}"`);
  const taken = updateStep(map, source.id, (step) =>
    withList(step, lane, removeAt(list, index), FIELD_ORDER.step),
  );
  return updateStep(taken, target.id, (step) =>
    withList(step, toLane, insertAt(step[toLane] ?? [], at, item), FIELD_ORDER.step),
  );
}

/** Builds a note, checking its evidence ids against the step's evidence. */
function laneItem(
  step: Step,
  text: string,
  knownBy: KnownBy | undefined,
  evidence: readonly string[] | undefined,
): LaneItem {
  const how = knownBy === undefined ? undefined : oneOf(knownBy, KNOWN_BY, 'knownBy');
  if (evidence !== undefined && !Array.isArray(evidence)) {
    throw new EditError('invalid-value', 'evidence must be a list of evidence ids');
  }
  const cited = [...new Set(evidence ?? [])];
  for (const id of cited) {
    if (!step.evidence?.some((e) => e.id === id))
      throw new EditError('not-found', `step "${step.id}" has no evidence "${id}"`);
  }
  if (how === undefined && cited.length === 0) return text;
  return {
    text,
    ...(how === undefined ? {} : { knownBy: how }),
    ...(cited.length === 0 ? {} : { evidence: cited }),
  };
}

function sameLaneItem(a: LaneItem, b: LaneItem): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  const ea = a.evidence ?? [];
  const eb = b.evidence ?? [];
  return (
    a.text === b.text &&
    a.knownBy === b.knownBy &&
    ea.length === eb.length &&
    ea.every((id, i) => id === eb[i])
  );
}

/** Evidence fields as a person fills them in; `null` (or `''` for texts) clears one when editing. */
interface EvidenceFields {
  source?: Evidence['source'];
  summary?: string | null;
  quote?: string | null;
  /** `YYYY-MM-DD`. */
  date?: string | null;
  participants?: number | null;
  score?: number | null;
}

export interface AddEvidenceArgs extends Omit<EvidenceFields, 'source'> {
  stepId: string;
  source: Evidence['source'];
  /** Position in the step's evidence; left out: the end. */
  index?: number;
  /** Left out: a slug of the source, unique on the step (`interview`, `interview-2` ...). */
  id?: string;
}

/** Adds a research finding to a step; notes cite it by id. */
export function addEvidence(map: JourneyMap, args: AddEvidenceArgs): JourneyMap {
  const source = oneOf(args.source, EVIDENCE_SOURCES, 'evidence source');
  return updateStep(map, args.stepId, (step) => {
    const list = step.evidence ?? [];
    const at = insertionIndex(args.index, list.length, `evidence of step "${step.id}"`);
    const id = newItemId(
      args.id,
      source,
      list.map((e) => e.id),
      'evidence',
    );
    const evidence = patchEvidence({ id, source }, args);
    return withList(step, 'evidence', insertAt(list, at, evidence), FIELD_ORDER.step);
  });
}

export interface EditEvidenceArgs extends EvidenceFields {
  stepId: string;
  evidenceId: string;
}

export function editEvidence(map: JourneyMap, args: EditEvidenceArgs): JourneyMap {
  return updateStep(map, args.stepId, (step) => {
    const list = step.evidence ?? [];
    const current = findEvidence(step, args.evidenceId);
    const changed = patchEvidence(current, args);
    if (changed === current) return step;
    return withField(step, 'evidence', replaceAt(list, list.indexOf(current), changed), FIELD_ORDER.step);
  });
}

function findEvidence(step: Step, evidenceId: string): Evidence {
  const found = step.evidence?.find((evidence) => evidence.id === evidenceId);
  if (!found) throw new EditError('not-found', `step "${step.id}" has no evidence "${evidenceId}"`);
  return found;
}

function patchEvidence(evidence: Evidence, fields: EvidenceFields): Evidence {
  const order = FIELD_ORDER.evidence;
  let next = evidence;
  if (fields.source !== undefined)
    next = withField(next, 'source', oneOf(fields.source, EVIDENCE_SOURCES, 'evidence source'), order);
  for (const field of ['summary', 'quote', 'date'] as const) {
    const value = fields[field];
    if (value !== undefined) next = withField(next, field, optionalText(value, `evidence ${field}`), order);
  }
  if (fields.participants !== undefined) {
    const count =
      fields.participants === null ? undefined : finiteNumber(fields.participants, 'participants');
    if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
      throw new EditError('invalid-value', `participants must be a whole number from 1; got ${count}`);
    }
    next = withField(next, 'participants', count, order);
  }
  if (fields.score !== undefined)
    next = withField(
      next,
      'score',
      fields.score === null ? undefined : finiteNumber(fields.score, 'score'),
      order,
    );
  return next === evidence ? evidence : checkRecord(evidenceSchema, next, 'evidence');
}

export interface RemoveEvidenceArgs {
  stepId: string;
  evidenceId: string;
}

/** Removes a finding; the notes that cited it no longer do (and become plain text if that was all). */
export function removeEvidence(map: JourneyMap, args: RemoveEvidenceArgs): JourneyMap {
  const id = args.evidenceId;
  return updateStep(map, args.stepId, (step) => {
    const list = step.evidence ?? [];
    const current = findEvidence(step, id);
    let next = withList(
      step,
      'evidence',
      list.filter((e) => e !== current),
      FIELD_ORDER.step,
    );
    for (const lane of LANE_KEYS) {
      const items = next[lane];
      if (!items?.some((item) => typeof item !== 'string' && item.evidence?.includes(id))) continue;
      const cleaned = items.map((item) =>
        typeof item !== 'string' && item.evidence?.includes(id)
          ? laneItem(
              next,
              item.text,
              item.knownBy,
              item.evidence.filter((e) => e !== id),
            )
          : item,
      );
      next = withField(next, lane, cleaned, FIELD_ORDER.step);
    }
    return next;
  });
}

export interface MoveEvidenceArgs {
  stepId: string;
  evidenceId: string;
  /** Its position among the step's evidence once moved. */
  index: number;
}

export function moveEvidence(map: JourneyMap, args: MoveEvidenceArgs): JourneyMap {
  return updateStep(map, args.stepId, (step) => {
    const list = step.evidence ?? [];
    const from = list.indexOf(findEvidence(step, args.evidenceId));
    const to = moveIndex(args.index, list.length, `evidence of step "${step.id}"`);
    return from === to ? step : withField(step, 'evidence', moveWithin(list, from, to), FIELD_ORDER.step);
  });
}

export interface SetFeelingArgs {
  stepId: string;
  personaId: string;
  /** From -2 (very negative) to +2 (very positive). */
  score: number;
}

/** Sets how a persona feels at a step: a point of that persona's emotion curve. */
export function setFeeling(map: JourneyMap, args: SetFeelingArgs): JourneyMap {
  requireId(map.personas, args.personaId, 'persona');
  const score = finiteNumber(args.score, 'feeling');
  if (score < FEELING_MIN || score > FEELING_MAX) {
    throw new EditError(
      'invalid-value',
      `a feeling goes from ${FEELING_MIN} to ${FEELING_MAX}; got ${score}`,
    );
  }
  return updateStep(map, args.stepId, (step) => {
    if (step.feelings?.[args.personaId] === score) return step;
    return withField(step, 'feelings', { ...step.feelings, [args.personaId]: score }, FIELD_ORDER.step);
  });
}

export interface ClearFeelingArgs {
  stepId: string;
  personaId: string;
}

/** Removes a persona's feeling at a step: the curve passes the step by. */
export function clearFeeling(map: JourneyMap, args: ClearFeelingArgs): JourneyMap {
  return updateStep(map, args.stepId, (step) => {
    if (!step.feelings || !Object.hasOwn(step.feelings, args.personaId)) {
      throw new EditError('not-found', `step "${step.id}" has no feeling for persona "${args.personaId}"`);
    }
    return withoutFeeling(step, args.personaId);
  });
}
