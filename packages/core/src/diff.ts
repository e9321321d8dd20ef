import type { FieldPath } from './problems.ts';
import { type JourneyMap, LANE_KEYS, type LaneItem, laneItemKnownBy, laneItemText } from './schema.ts';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';
export type ChangeEntity = 'map' | 'stage' | 'step' | 'touchpoint' | 'department' | 'persona' | 'lane-item';

/** One difference between two maps; plain data, so it serialises to JSON as is. */
export interface MapChange {
  kind: ChangeKind;
  entity: ChangeEntity;
  /** Id of the map, stage, step, touchpoint, department or persona concerned. */
  id: string;
  /** Where in map `b` (or `a`, for removals) the change is. */
  path: FieldPath;
  field?: string;
  before?: unknown;
  after?: unknown;
}

export interface MapDiff {
  changes: MapChange[];
}

const MAP_FIELDS = ['id', 'title', 'language', 'style', 'scenario', 'description'] as const;

interface Identified {
  id: string;
}

/**
 * Compares two maps (typically the current state against the future state): stages, steps,
 * touchpoints, departments and personas added, removed or changed, matched by id; lane contents
 * added or removed (by text) or known differently; steps moved to another stage.
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
  diffList(changes, 'persona', ['personas'], a.personas, b.personas);
  diffList(changes, 'department', ['departments'], a.departments ?? [], b.departments ?? []);
  diffList(changes, 'touchpoint', ['touchpoints'], a.touchpoints ?? [], b.touchpoints ?? []);
  diffList(changes, 'stage', ['stages'], a.stages, b.stages, ['steps']);

  const stepsOf = (map: JourneyMap) =>
    new Map(
      map.stages.flatMap((stage, s) =>
        stage.steps.map((step, i) => [step.id, { step, stage, path: ['stages', s, 'steps', i] }] as const),
      ),
    );
  const before = stepsOf(a);
  const after = stepsOf(b);
  for (const [id, was] of before) {
    if (!after.has(id))
      changes.push({
        kind: 'removed',
        entity: 'step',
        id,
        path: was.path,
        before: was.step.name,
        after: was.stage.id,
      });
  }
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) {
      changes.push({
        kind: 'added',
        entity: 'step',
        id,
        path: now.path,
        after: now.step.name,
        before: now.stage.id,
      });
      continue;
    }
    if (was.stage.id !== now.stage.id) {
      changes.push({
        kind: 'moved',
        entity: 'step',
        id,
        path: now.path,
        field: 'stage',
        before: was.stage.id,
        after: now.stage.id,
      });
    }
    for (const field of [
      'name',
      'description',
      'touchpoints',
      'departments',
      'next',
      'feelings',
      'evidence',
      'subJourney',
    ] as const) {
      if (!same(was.step[field], now.step[field])) {
        changes.push({
          kind: 'changed',
          entity: 'step',
          id,
          path: [...now.path, field],
          field,
          before: was.step[field],
          after: now.step[field],
        });
      }
    }
    for (const lane of LANE_KEYS)
      diffLane(changes, id, [...now.path, lane], lane, was.step[lane] ?? [], now.step[lane] ?? []);
  }
  return { changes };
}

/** Items of one list matched by id: added, removed, and changed fields (nested lists left out). */
function diffList<T extends Identified>(
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
    const fields = new Set([...Object.keys(was), ...Object.keys(item)]);
    for (const field of fields) {
      if (skip.includes(field)) continue;
      const old = (was as Record<string, unknown>)[field];
      const now = (item as Record<string, unknown>)[field];
      if (!same(old, now))
        changes.push({
          kind: 'changed',
          entity,
          id: item.id,
          path: [...path, i, field],
          field,
          before: old,
          after: now,
        });
    }
  });
}

/** Lane items compared by text: added, removed, or the same text known differently. */
function diffLane(
  changes: MapChange[],
  stepId: string,
  path: FieldPath,
  lane: string,
  a: readonly LaneItem[],
  b: readonly LaneItem[],
): void {
  const before = new Map(a.map((item) => [laneItemText(item), item]));
  const afterTexts = new Set(b.map(laneItemText));
  for (const item of a) {
    const text = laneItemText(item);
    if (!afterTexts.has(text))
      changes.push({ kind: 'removed', entity: 'lane-item', id: stepId, path, field: lane, before: text });
  }
  b.forEach((item, i) => {
    const text = laneItemText(item);
    const was = before.get(text);
    if (was === undefined)
      changes.push({
        kind: 'added',
        entity: 'lane-item',
        id: stepId,
        path: [...path, i],
        field: lane,
        after: text,
      });
    else if (laneItemKnownBy(was) !== laneItemKnownBy(item)) {
      changes.push({
        kind: 'changed',
        entity: 'lane-item',
        id: stepId,
        path: [...path, i, 'knownBy'],
        field: lane,
        before: `${text} (${laneItemKnownBy(was)})`,
        after: `${text} (${laneItemKnownBy(item)})`,
      });
    }
  });
}

function nameOf(item: Identified): unknown {
  return (item as { name?: unknown }).name ?? item.id;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function isEmptyDiff(diff: MapDiff): boolean {
  return diff.changes.length === 0;
}

/** A readable report, a line per change: `+ step "calls-hotline" added to stage "service"`. */
export function formatDiff(diff: MapDiff): string {
  return diff.changes.map(formatChange).join('\n');
}

function formatChange(change: MapChange): string {
  const show = (value: unknown) =>
    typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
  const subject = change.entity === 'map' ? 'map' : `${change.entity} "${change.id}"`;
  switch (change.kind) {
    case 'added':
      if (change.entity === 'lane-item')
        return `+ step "${change.id}" ${change.field}: ${show(change.after)}`;
      if (change.entity === 'step') return `+ step "${change.id}" added to stage "${String(change.before)}"`;
      return `+ ${subject} added`;
    case 'removed':
      if (change.entity === 'lane-item')
        return `- step "${change.id}" ${change.field}: ${show(change.before)}`;
      return `- ${subject} removed`;
    case 'moved':
      return `> ${subject} moved from stage "${String(change.before)}" to stage "${String(change.after)}"`;
    case 'changed':
      if (change.entity === 'lane-item')
        return `~ step "${change.id}" ${change.field}: ${show(change.before)} -> ${show(change.after)}`;
      return `~ ${subject} ${change.field}: ${show(change.before)} -> ${show(change.after)}`;
  }
}
