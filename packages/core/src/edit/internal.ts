/**
 * What the editing operations share: finding stages and steps, replacing them without touching
 * the rest of the map, list positions, and checks of what a person typed.
 */
import type { z } from 'zod';
import { isSlug, slugify, uniqueSlug } from '../ids.ts';
import {
  departmentSchema,
  evidenceSchema,
  type JourneyMap,
  journeyMapSchema,
  objectionSchema,
  personaSchema,
  type Stage,
  type Step,
  stageKpiSchema,
  stageSchema,
  stepSchema,
  touchpointSchema,
} from '../schema.ts';
import { EditError } from './errors.ts';

/** Field order of each record, as the schema lists it: where a field new to a record is put. */
export const FIELD_ORDER = {
  map: Object.keys(journeyMapSchema.shape),
  stage: Object.keys(stageSchema.shape),
  step: Object.keys(stepSchema.shape),
  touchpoint: Object.keys(touchpointSchema.shape),
  department: Object.keys(departmentSchema.shape),
  persona: Object.keys(personaSchema.shape),
  objection: Object.keys(objectionSchema.shape),
  kpi: Object.keys(stageKpiSchema.shape),
  evidence: Object.keys(evidenceSchema.shape),
  laneItem: ['text', 'knownBy', 'evidence'],
} as const satisfies Record<string, readonly string[]>;

/**
 * `record` with `key` set to `value`, or without `key` when `value` is undefined; `record` itself
 * when that changes nothing. A key the record did not have goes where `order` lists it, so a saved
 * file keeps the field order people are used to (and a small diff).
 */
export function withField<T extends object, K extends keyof T & string>(
  record: T,
  key: K,
  value: T[K] | undefined,
  order: readonly string[],
): T {
  const has = Object.hasOwn(record, key);
  if (value === undefined) {
    if (!has) return record;
    const { [key]: _, ...rest } = record as Record<string, unknown>;
    return rest as T;
  }
  if (has) return record[key] === value ? record : { ...record, [key]: value };
  const rank = order.indexOf(key);
  const entries = Object.entries(record);
  let at = entries.findIndex(([other]) => order.indexOf(other) > rank);
  if (at < 0) at = entries.length;
  entries.splice(at, 0, [key, value]);
  return Object.fromEntries(entries) as T;
}

/** Like {@link withField} for an optional list: an empty list removes the field. */
export function withList<T extends object, K extends keyof T & string>(
  record: T,
  key: K,
  list: readonly unknown[],
  order: readonly string[],
): T {
  return withField(record, key, (list.length > 0 ? list : undefined) as T[K] | undefined, order);
}

export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  return [...list.slice(0, index), item, ...list.slice(index)];
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** The list with the item at `from` moved so that it ends up at `to`. */
export function moveWithin<T>(list: readonly T[], from: number, to: number): T[] {
  const moved = list[from] as T;
  return insertAt(removeAt(list, from), to, moved);
}

/** A position to insert at, 0 to `length`; omitted: the end. */
export function insertionIndex(index: number | undefined, length: number, what: string): number {
  if (index === undefined) return length;
  if (!Number.isInteger(index) || index < 0 || index > length) {
    throw new EditError('bad-index', `${what} can go at positions 0 to ${length}, not ${String(index)}`);
  }
  return index;
}

/** Where a moved item ends up, 0 to `length - 1` (`length`: how many items the list has). */
export function moveIndex(index: number, length: number, what: string): number {
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    throw new EditError('bad-index', `${what} can go at positions 0 to ${length - 1}, not ${String(index)}`);
  }
  return index;
}

/** The position of an existing entry of `list` (`"thoughts of step \"checkout\""`), 0 to `length - 1`. */
export function existingIndex(index: number, length: number, list: string): number {
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    const has =
      length === 0 ? 'no entries' : length === 1 ? '1 entry (0)' : `${length} entries (0 to ${length - 1})`;
    throw new EditError('not-found', `${list} has ${has}, so there is no entry ${String(index)}`);
  }
  return index;
}

/** A name or other text that must be there: not empty, not only spaces. */
export function requiredText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new EditError('empty-text', `${what} must not be empty`);
  }
  return value;
}

/**
 * An optional text as given, or `undefined` for none: `null` and `''` clear a field (a person
 * emptied it); callers leave the field alone when the argument itself was left out.
 */
export function optionalText(value: string | null | undefined, what: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new EditError('invalid-value', `${what} must be text`);
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new EditError(
    'invalid-value',
    `${what} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value) ?? 'nothing'}`,
  );
}

export function finiteNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EditError(
      'invalid-value',
      `${what} must be a number; got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  }
  return value;
}

/**
 * Checks a record built from a person's input against its schema, so no operation returns a map
 * `validateMap` would reject for a field it could not check itself (a date, a positive count ...).
 */
export function checkRecord<T>(schema: z.ZodType<T>, record: T, what: string): T {
  const parsed = schema.safeParse(record);
  // The record itself, not zod's copy of it, so what it holds stays shared with the map.
  if (parsed.success) return record;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const message =
    issue?.code === 'invalid_value'
      ? `must be one of ${issue.values.join(', ')}`
      : (issue?.message ?? 'invalid');
  throw new EditError('invalid-value', `${what}${field ? ` ${field}` : ''}: ${message}`);
}

const LONGEST_ID = 40;

/** A slug of a name, cut at a word boundary when long: sentences make unwieldy ids. */
export function idOfName(name: string): string {
  const slug = slugify(name);
  if (slug.length <= LONGEST_ID) return slug;
  const cut = slug.lastIndexOf('-', LONGEST_ID);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, LONGEST_ID).replace(/-+$/, '');
}

/** The id for a new item: the one given (checked), or a fresh slug of its name. */
export function newItemId(
  given: string | undefined,
  name: string,
  taken: Iterable<string>,
  kind: string,
): string {
  const ids = new Set(taken);
  if (given === undefined) return uniqueSlug(idOfName(name), ids);
  if (typeof given !== 'string' || !isSlug(given)) {
    throw new EditError(
      'invalid-id',
      `${kind} id ${JSON.stringify(given)} is not a slug (lower-case letters, digits and single hyphens)`,
    );
  }
  if (ids.has(given)) throw new EditError('id-taken', `${kind} id "${given}" is already taken`);
  return given;
}

export function allStepIds(map: JourneyMap): string[] {
  return map.stages.flatMap((stage) => stage.steps.map((step) => step.id));
}

export interface FoundStage {
  stage: Stage;
  index: number;
}

export function findStage(map: JourneyMap, stageId: string): FoundStage {
  const index = map.stages.findIndex((stage) => stage.id === stageId);
  const stage = map.stages[index];
  if (!stage) throw new EditError('not-found', `stage "${stageId}" does not exist`);
  return { stage, index };
}

export interface FoundStep {
  step: Step;
  stage: Stage;
  stageIndex: number;
  indexInStage: number;
}

export function findStep(map: JourneyMap, stepId: string): FoundStep {
  for (const [stageIndex, stage] of map.stages.entries()) {
    const indexInStage = stage.steps.findIndex((step) => step.id === stepId);
    const step = stage.steps[indexInStage];
    if (step) return { step, stage, stageIndex, indexInStage };
  }
  throw new EditError('not-found', `step "${stepId}" does not exist`);
}

/** Throws unless a record with this id is in the list. */
export function requireId<T extends { id: string }>(
  list: readonly T[] | undefined,
  id: string,
  kind: string,
): T {
  const found = list?.find((item) => item.id === id);
  if (!found) throw new EditError('not-found', `${kind} "${id}" does not exist`);
  return found;
}

/** The map with new stages, or the map itself when they are the same list. */
export function withStages(map: JourneyMap, stages: Stage[]): JourneyMap {
  return stages === map.stages ? map : { ...map, stages };
}

/** The map with one stage changed by `change`; every other stage is shared with `map`. */
export function updateStage(map: JourneyMap, stageId: string, change: (stage: Stage) => Stage): JourneyMap {
  const { stage, index } = findStage(map, stageId);
  const changed = change(stage);
  return changed === stage ? map : withStages(map, replaceAt(map.stages, index, changed));
}

/** The map with one step changed by `change`; every other stage and step is shared with `map`. */
export function updateStep(map: JourneyMap, stepId: string, change: (step: Step) => Step): JourneyMap {
  const { step, stage, stageIndex, indexInStage } = findStep(map, stepId);
  const changed = change(step);
  if (changed === step) return map;
  const steps = replaceAt(stage.steps, indexInStage, changed);
  return withStages(map, replaceAt(map.stages, stageIndex, { ...stage, steps }));
}

/** Applies `change` to every stage, sharing the ones it leaves alone (and the list, if it leaves all). */
export function updateEveryStage(map: JourneyMap, change: (stage: Stage) => Stage): JourneyMap {
  let changedAny = false;
  const stages = map.stages.map((stage) => {
    const changed = change(stage);
    if (changed !== stage) changedAny = true;
    return changed;
  });
  return changedAny ? withStages(map, stages) : map;
}

/** Applies `change` to every step, sharing the steps and stages it leaves alone. */
export function updateEveryStep(map: JourneyMap, change: (step: Step) => Step): JourneyMap {
  return updateEveryStage(map, (stage) => {
    let changedAny = false;
    const steps = stage.steps.map((step) => {
      const changed = change(step);
      if (changed !== step) changedAny = true;
      return changed;
    });
    return changedAny ? { ...stage, steps } : stage;
  });
}

/**
 * Removes links (`next`) to steps that are gone. A list that loses its last entry stays `[]`: the
 * step led only to removed steps, and the journey now ends there.
 */
export function dropLinksTo(map: JourneyMap, removed: ReadonlySet<string>): JourneyMap {
  if (removed.size === 0) return map;
  return updateEveryStep(map, (step) =>
    step.next?.some((id) => removed.has(id))
      ? { ...step, next: step.next.filter((id) => !removed.has(id)) }
      : step,
  );
}

/** `record` without `id` in its list `key` (the field removed once empty); `record` itself when absent. */
export function withoutId<T extends object, K extends keyof T & string>(
  record: T,
  key: K,
  id: string,
  order: readonly string[],
): T {
  const list = record[key] as readonly string[] | undefined;
  if (!list?.includes(id)) return record;
  return withList(
    record,
    key,
    list.filter((other) => other !== id),
    order,
  );
}

type StepIdList = 'touchpoints' | 'departments';

/** Puts a touchpoint or department id in a step's list, at `index` (left out: the end). */
export function addToStepList(
  map: JourneyMap,
  stepId: string,
  key: StepIdList,
  id: string,
  index: number | undefined,
  kind: string,
): JourneyMap {
  return updateStep(map, stepId, (step) => {
    const list = step[key] ?? [];
    if (list.includes(id)) {
      throw new EditError('duplicate', `${kind} "${id}" is already on step "${step.id}"`);
    }
    const at = insertionIndex(index, list.length, `a ${kind} of step "${step.id}"`);
    return withList(step, key, insertAt(list, at, id), FIELD_ORDER.step);
  });
}

/** Takes a touchpoint or department id out of a step's list. */
export function removeFromStepList(
  map: JourneyMap,
  stepId: string,
  key: StepIdList,
  id: string,
  kind: string,
): JourneyMap {
  return updateStep(map, stepId, (step) => {
    if (!step[key]?.includes(id))
      throw new EditError('not-found', `${kind} "${id}" is not on step "${step.id}"`);
    return withoutId(step, key, id, FIELD_ORDER.step);
  });
}

/** Clears a reference to a removed item in every objection that has it. */
export function clearObjectionField(
  map: JourneyMap,
  field: 'department' | 'touchpoint' | 'kpi',
  value: string,
): JourneyMap {
  return updateEveryStage(map, (stage) => {
    if (!stage.objections?.some((objection) => objection[field] === value)) return stage;
    const objections = stage.objections.map((objection) =>
      objection[field] === value ? withField(objection, field, undefined, FIELD_ORDER.objection) : objection,
    );
    return { ...stage, objections };
  });
}

/** A step without a persona's feeling (`feelings` removed once empty); the step itself if it had none. */
export function withoutFeeling(step: Step, personaId: string): Step {
  if (!step.feelings || !Object.hasOwn(step.feelings, personaId)) return step;
  const { [personaId]: _, ...feelings } = step.feelings;
  return withField(
    step,
    'feelings',
    Object.keys(feelings).length > 0 ? feelings : undefined,
    FIELD_ORDER.step,
  );
}

/**
 * Applies a patch of texts to a record: `name` (when given) must not be empty; each optional text
 * is set by text, cleared by `null` or `''`, and left alone when left out.
 */
export function patchTexts<T extends { name: string }, F extends keyof T & string>(
  record: T,
  patch: { name?: string } & { [P in F]?: string | null },
  optional: readonly F[],
  order: keyof typeof FIELD_ORDER,
  kind: string,
): T {
  let next = record;
  if (patch.name !== undefined)
    next = withField(next, 'name', requiredText(patch.name, `${kind} name`) as T['name'], FIELD_ORDER[order]);
  for (const field of optional) {
    const value = patch[field];
    if (value !== undefined)
      next = withField(
        next,
        field,
        optionalText(value, `${kind} ${field}`) as T[F] | undefined,
        FIELD_ORDER[order],
      );
  }
  return next;
}
