import { nextStepIds, type PlacedStep, placedSteps } from './journey.ts';
import type { FieldPath } from './problems.ts';
import { type JourneyMap, LANE_KEYS, type LaneItem, laneItemKnownBy, laneItemText } from './schema.ts';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';
export type ChangeEntity = 'map' | 'stage' | 'step' | 'touchpoint' | 'department' | 'persona' | 'lane-item';

/**
 * One difference between two maps; plain data, so it serialises to JSON as is.
 *
 * - `map` / `stage` / `touchpoint` / `department` / `persona` / `step` `changed`: `field` changed
 *   from `before` to `after`.
 * - `added` / `removed` of those: `before` (removed) or `after` (added) is the name; steps also
 *   carry the `stage` they are (or were) in.
 * - step `moved`: to another stage; `before` and `after` are stage ids.
 * - `lane-item` (`id` is the step's id, `field` the lane, `item` the entry): an entry added to or
 *   removed from a lane. Text lanes (thoughts, questions, motivations, pain points, opportunities)
 *   match entries by text, and report `changed` when only how it is known changed (`before` and
 *   `after` are `knownBy` values). `touchpoints`, `departments`, `next` and `evidence` match by id
 *   (`evidence` also reports `changed` with the whole records). `feelings` match by persona id,
 *   with the scores as `before` and `after`.
 */
export interface MapChange {
  kind: ChangeKind;
  entity: ChangeEntity;
  /** Id of the map, stage, step, touchpoint, department or persona concerned. */
  id: string;
  /** Where in map `b` (or `a`, for removals) the change is. */
  path: FieldPath;
  field?: string;
  /** Lane items: the entry's text, or the id of the touchpoint, step, evidence or persona. */
  item?: string;
  /** Steps added or removed: the id of their stage. */
  stage?: string;
  before?: unknown;
  after?: unknown;
}

export interface MapDiff {
  changes: MapChange[];
}

const MAP_FIELDS = ['id', 'title', 'language', 'style', 'scenario', 'description'] as const;
const STEP_FIELDS = ['name', 'description', 'subJourney'] as const;
const ID_LANES = ['touchpoints', 'departments'] as const;

interface Identified {
  id: string;
}

/**
 * Compares two maps, typically the current state (`a`) against the future state (`b`): top-level
 * fields; stages, steps, touchpoints, departments and personas added, removed or changed, matched
 * by id; steps moved to another stage; and per step the lane entries added, removed or known
 * differently (see {@link MapChange}).
 *
 * A step's `next` is compared as the flow it gives, so an omitted `next` counts as the step that
 * follows in the document: inserting a step changes where the step before it leads.
 *
 * Changes come in this order: map fields, personas, departments, touchpoints, stages, then the
 * steps (removed ones first, then those of `b` in document order).
 *
 * @example
 * formatDiff(diffMaps(current, future));
 * // ~ map style: "current-state" -> "future-state"
 * // + step "calls-hotline" added to stage "service"
 */
export function diffMaps(a: JourneyMap, b: JourneyMap): MapDiff {
  const changes: MapChange[] = [];
  for (const field of MAP_FIELDS) {
    if (!same(a[field], b[field]))
      changes.push({
        kind: 'changed',
        entity: 'map',
        id: b.id,
        path: [field],
        field,
        before: a[field],
        after: b[field],
      });
  }
  diffRecords(changes, 'persona', ['personas'], a.personas, b.personas);
  diffRecords(changes, 'department', ['departments'], a.departments ?? [], b.departments ?? []);
  diffRecords(changes, 'touchpoint', ['touchpoints'], a.touchpoints ?? [], b.touchpoints ?? []);
  diffRecords(changes, 'stage', ['stages'], a.stages, b.stages, ['steps']);

  const stepsA = placedSteps(a);
  const stepsB = placedSteps(b);
  const before = new Map(stepsA.map((placed) => [placed.step.id, placed]));
  const afterIds = new Set(stepsB.map((placed) => placed.step.id));
  for (const was of stepsA) {
    if (!afterIds.has(was.step.id))
      changes.push({
        kind: 'removed',
        entity: 'step',
        id: was.step.id,
        path: stepPath(was),
        stage: was.stage.id,
        before: was.step.name,
      });
  }
  for (const now of stepsB) {
    const id = now.step.id;
    const path = stepPath(now);
    const was = before.get(id);
    if (!was) {
      changes.push({ kind: 'added', entity: 'step', id, path, stage: now.stage.id, after: now.step.name });
      continue;
    }
    if (was.stage.id !== now.stage.id)
      changes.push({
        kind: 'moved',
        entity: 'step',
        id,
        path,
        field: 'stage',
        before: was.stage.id,
        after: now.stage.id,
      });
    for (const field of STEP_FIELDS) {
      if (!same(was.step[field], now.step[field]))
        changes.push({
          kind: 'changed',
          entity: 'step',
          id,
          path: [...path, field],
          field,
          before: was.step[field],
          after: now.step[field],
        });
    }
    const lane = (field: string) => laneDiff(changes, id, [...path, field], field);
    for (const field of ID_LANES) lane(field).ids(was.step[field] ?? [], now.step[field] ?? []);
    lane('next').ids(nextStepIds(stepsA, was), nextStepIds(stepsB, now));
    for (const field of LANE_KEYS) lane(field).texts(was.step[field] ?? [], now.step[field] ?? []);
    lane('feelings').feelings(was.step.feelings ?? {}, now.step.feelings ?? {});
    lane('evidence').records(was.step.evidence ?? [], now.step.evidence ?? []);
  }
  return { changes };
}

function stepPath(placed: PlacedStep): FieldPath {
  return ['stages', placed.stageIndex, 'steps', placed.indexInStage];
}

/** Items of one list matched by id: added, removed, and changed fields (`skip`ped fields left out). */
function diffRecords<T extends Identified>(
  changes: MapChange[],
  entity: ChangeEntity,
  path: FieldPath,
  a: readonly T[],
  b: readonly T[],
  skip: readonly string[] = [],
): void {
  const before = new Map(a.map((item) => [item.id, item]));
  const afterIds = new Set(b.map((item) => item.id));
  a.forEach((item, i) => {
    if (!afterIds.has(item.id))
      changes.push({ kind: 'removed', entity, id: item.id, path: [...path, i], before: nameOf(item) });
  });
  b.forEach((item, i) => {
    const was = before.get(item.id);
    if (!was) {
      changes.push({ kind: 'added', entity, id: item.id, path: [...path, i], after: nameOf(item) });
      return;
    }
    for (const field of changedFields(was, item)) {
      if (skip.includes(field)) continue;
      changes.push({
        kind: 'changed',
        entity,
        id: item.id,
        path: [...path, i, field],
        field,
        before: (was as Record<string, unknown>)[field],
        after: (item as Record<string, unknown>)[field],
      });
    }
  });
}

/** Compares the entries of one lane of one step, pushing a `lane-item` change for each difference. */
function laneDiff(changes: MapChange[], stepId: string, path: FieldPath, field: string) {
  const push = (
    kind: ChangeKind,
    item: string,
    at: FieldPath,
    values: Pick<MapChange, 'before' | 'after'> = {},
  ): void => {
    changes.push({ kind, entity: 'lane-item', id: stepId, path: [...path, ...at], field, item, ...values });
  };

  return {
    /** Lists of ids (touchpoints, departments, next steps). */
    ids(a: readonly string[], b: readonly string[]): void {
      for (const id of a) if (!b.includes(id)) push('removed', id, []);
      b.forEach((id, i) => {
        if (!a.includes(id)) push('added', id, [i]);
      });
    },

    /** Text lanes: entries matched by text; an entry known differently is `changed`. */
    texts(a: readonly LaneItem[], b: readonly LaneItem[]): void {
      const before = new Map(a.map((item) => [laneItemText(item), item]));
      const afterTexts = new Set(b.map(laneItemText));
      for (const item of a) if (!afterTexts.has(laneItemText(item))) push('removed', laneItemText(item), []);
      b.forEach((item, i) => {
        const text = laneItemText(item);
        const was = before.get(text);
        if (was === undefined) push('added', text, [i]);
        else if (laneItemKnownBy(was) !== laneItemKnownBy(item))
          push('changed', text, [i, 'knownBy'], {
            before: laneItemKnownBy(was),
            after: laneItemKnownBy(item),
          });
      });
    },

    /** Emotion scores by persona id. */
    feelings(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): void {
      for (const [persona, score] of Object.entries(a)) {
        if (b[persona] === undefined) push('removed', persona, [], { before: score });
      }
      for (const [persona, score] of Object.entries(b)) {
        const was = a[persona];
        if (was === undefined) push('added', persona, [persona], { after: score });
        else if (was !== score) push('changed', persona, [persona], { before: was, after: score });
      }
    },

    /** Records matched by id (evidence). */
    records(a: readonly Identified[], b: readonly Identified[]): void {
      const before = new Map(a.map((record) => [record.id, record]));
      const afterIds = new Set(b.map((record) => record.id));
      for (const record of a) if (!afterIds.has(record.id)) push('removed', record.id, []);
      b.forEach((record, i) => {
        const was = before.get(record.id);
        if (was === undefined) push('added', record.id, [i]);
        else if (!same(was, record)) push('changed', record.id, [i], { before: was, after: record });
      });
    },
  };
}

function nameOf(item: Identified): unknown {
  return (item as { name?: unknown }).name ?? item.id;
}

/**
 * The fields whose values differ between two records of the same kind (compared deeply; a field
 * that is absent and one that is `undefined` are the same), in the order `a` then `b` has them.
 */
export function changedFields(a: object, b: object): string[] {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter(
    (field) => !same(ra[field], rb[field]),
  );
}

/** Deep equality of plain JSON data; key order does not matter. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra).filter((key) => ra[key] !== undefined);
  if (keys.length !== Object.keys(rb).filter((key) => rb[key] !== undefined).length) return false;
  return keys.every((key) => same(ra[key], rb[key]));
}

/** Whether the two maps compared were the same. */
export function isEmptyDiff(diff: MapDiff): boolean {
  return diff.changes.length === 0;
}

/**
 * A readable report, a line per change, marked `+` added, `-` removed, `~` changed, `>` moved:
 *
 * ```text
 * ~ map style: "current-state" -> "future-state"
 * - touchpoint "banner" removed
 * ~ stage "awareness" customerGoal: "Find shoes" -> "Find shoes that fit"
 * > step "clicks" moved from stage "awareness" to stage "service"
 * ~ step "wants" thoughts "Old shoes are worn" knownBy: "assumed" -> "observed"
 * ~ step "wants" feelings "buyer": 1 -> 2
 * + step "returns" opportunities: "A return button in the e-mail"
 * + step "calls-hotline" added to stage "service"
 * ```
 */
export function formatDiff(diff: MapDiff): string {
  return diff.changes.map(formatChange).join('\n');
}

function show(value: unknown): string {
  return JSON.stringify(value ?? null);
}

function formatChange(change: MapChange): string {
  const subject = change.entity === 'map' ? 'map' : `${change.entity} "${change.id}"`;
  if (change.entity === 'lane-item') return formatLaneChange(change);
  switch (change.kind) {
    case 'added':
      return change.stage === undefined
        ? `+ ${subject} added`
        : `+ ${subject} added to stage "${change.stage}"`;
    case 'removed':
      return change.stage === undefined
        ? `- ${subject} removed`
        : `- ${subject} removed from stage "${change.stage}"`;
    case 'moved':
      return `> ${subject} moved from stage "${String(change.before)}" to stage "${String(change.after)}"`;
    case 'changed':
      return `~ ${subject} ${change.field}: ${show(change.before)} -> ${show(change.after)}`;
  }
}

function formatLaneChange(change: MapChange): string {
  const step = `step "${change.id}" ${change.field}`;
  const item = show(change.item);
  switch (change.kind) {
    case 'added':
      return change.after === undefined ? `+ ${step}: ${item}` : `+ ${step} ${item}: ${show(change.after)}`;
    case 'removed':
      return change.before === undefined ? `- ${step}: ${item}` : `- ${step} ${item}: ${show(change.before)}`;
    case 'moved':
    case 'changed': {
      const what = (LANE_KEYS as readonly (string | undefined)[]).includes(change.field) ? ' knownBy' : '';
      return `~ ${step} ${item}${what}: ${show(change.before)} -> ${show(change.after)}`;
    }
  }
}
