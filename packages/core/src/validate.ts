import type { z } from 'zod';
import type { FieldPath, Problem } from './problems.ts';
import { type JourneyMap, journeyMapSchema } from './schema.ts';

export interface ValidationResult {
  /** The map, when there are no errors. */
  map?: JourneyMap;
  problems: Problem[];
}

/**
 * Checks a plain object (as parsed from YAML or JSON) against the map schema and checks every
 * cross-reference. Reports all problems at once, not just the first.
 */
export function validateMap(input: unknown): ValidationResult {
  const parsed = journeyMapSchema.safeParse(input, { reportInput: true });
  const problems: Problem[] = parsed.success ? [] : parsed.error.issues.flatMap(issueToProblems);
  problems.push(...checkReferences(input));
  if (parsed.success && problems.length === 0) return { map: parsed.data, problems };
  return { problems };
}

type Issue = z.core.$ZodIssue;

function issueToProblems(issue: Issue): Problem[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const suggestion = closestFieldName(key);
      return error(
        [...path, key],
        'unknown-field',
        `unknown field "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        'key',
      );
    });
  }
  return [error(path, issueCode(issue), issueMessage(issue))];
}

function issueCode(issue: Issue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return issue.code.replace(/_/g, '-');
}

function issueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required field is missing';
      return `expected ${describeExpected(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      if (issue.values.length === 1)
        return `must be ${JSON.stringify(issue.values[0])}, got ${describeValue(issue.input)}`;
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'number')
        return `must be at least ${issue.minimum}, got ${describeValue(issue.input)}`;
      return issue.message;
    case 'too_big':
      if (issue.origin === 'number')
        return `must be at most ${issue.maximum}, got ${describeValue(issue.input)}`;
      return issue.message;
    case 'invalid_format':
      return `${issue.message}; got ${describeValue(issue.input)}`;
    case 'invalid_union':
      return `must be text, or an object with "text" and optionally "knownBy" and "evidence"; got ${describeValue(issue.input)}`;
    default:
      return issue.message;
  }
}

function describeExpected(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'an object (fields)';
  return `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (empty)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

function error(path: FieldPath, code: string, message: string, at?: 'key'): Problem {
  return at ? { severity: 'error', path, code, message, at } : { severity: 'error', path, code, message };
}

const KNOWN_FIELDS = collectFieldNames();

function collectFieldNames(): string[] {
  const names = new Set<string>();
  const visit = (schema: z.core.$ZodType, seen: Set<z.core.$ZodType>): void => {
    if (seen.has(schema)) return;
    seen.add(schema);
    const def = schema._zod.def as unknown as Record<string, unknown>;
    const shape = def.shape as Record<string, z.core.$ZodType> | undefined;
    if (shape) {
      for (const [key, child] of Object.entries(shape)) {
        names.add(key);
        visit(child, seen);
      }
    }
    for (const key of ['innerType', 'element', 'valueType']) {
      const child = def[key] as z.core.$ZodType | undefined;
      if (child) visit(child, seen);
    }
    for (const child of (def.options as z.core.$ZodType[] | undefined) ?? []) visit(child, seen);
  };
  visit(journeyMapSchema, new Set());
  return [...names];
}

function closestFieldName(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const name of KNOWN_FIELDS) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// Reference checks read the raw input defensively, so they run even when the schema check fails
// elsewhere in the document and every problem is reported in one go.

type Raw = Record<string, unknown>;

function records(value: unknown): [Raw, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? [[item as Raw, index] as [Raw, number]]
      : [],
  );
}

function strings(value: unknown): [string, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) =>
    typeof item === 'string' ? [[item, index] as [string, number]] : [],
  );
}

function idOf(record: Raw): string | undefined {
  return typeof record.id === 'string' ? record.id : undefined;
}

/** Collects ids of a list, reporting duplicates. */
function collectIds(
  items: [Raw, number][],
  basePath: FieldPath,
  kind: string,
  ids: Map<string, FieldPath>,
  problems: Problem[],
): void {
  for (const [item, index] of items) {
    const id = idOf(item);
    if (id === undefined) continue;
    const path = [...basePath, index, 'id'];
    const first = ids.get(id);
    if (first)
      problems.push(
        error(path, 'duplicate-id', `duplicate ${kind} id "${id}" (first used at ${pathText(first)})`),
      );
    else ids.set(id, path);
  }
}

function pathText(path: FieldPath): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
    .join('')
    .replace(/^\./, '');
}

function checkReferences(input: unknown): Problem[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  const map = input as Raw;
  const problems: Problem[] = [];
  const personaIds = new Map<string, FieldPath>();
  const departmentIds = new Map<string, FieldPath>();
  const touchpointIds = new Map<string, FieldPath>();
  const stageIds = new Map<string, FieldPath>();
  const stepIds = new Map<string, FieldPath>();
  collectIds(records(map.personas), ['personas'], 'persona', personaIds, problems);
  collectIds(records(map.departments), ['departments'], 'department', departmentIds, problems);
  collectIds(records(map.touchpoints), ['touchpoints'], 'touchpoint', touchpointIds, problems);
  const stages = records(map.stages);
  collectIds(stages, ['stages'], 'stage', stageIds, problems);
  for (const [stage, s] of stages)
    collectIds(records(stage.steps), ['stages', s, 'steps'], 'step', stepIds, problems);

  const expectKnown = (value: unknown, path: FieldPath, ids: Map<string, FieldPath>, kind: string): void => {
    if (typeof value === 'string' && !ids.has(value)) {
      problems.push(error(path, 'unknown-reference', `unknown ${kind} "${value}"${known(ids)}`));
    }
  };

  for (const [touchpoint, t] of records(map.touchpoints)) {
    expectKnown(touchpoint.department, ['touchpoints', t, 'department'], departmentIds, 'department');
  }
  for (const [stage, s] of stages) {
    const stagePath = ['stages', s];
    const stageKpis = new Set(records(stage.kpis).map(([kpi]) => kpi.kpi));
    const objectionIds = new Map<string, FieldPath>();
    const objections = records(stage.objections);
    collectIds(objections, [...stagePath, 'objections'], 'objection', objectionIds, problems);
    for (const [objection, o] of objections) {
      const path = [...stagePath, 'objections', o];
      expectKnown(objection.department, [...path, 'department'], departmentIds, 'department');
      expectKnown(objection.touchpoint, [...path, 'touchpoint'], touchpointIds, 'touchpoint');
      if (typeof objection.kpi === 'string' && stageKpis.size > 0 && !stageKpis.has(objection.kpi)) {
        problems.push(
          error(
            [...path, 'kpi'],
            'unknown-reference',
            `KPI "${objection.kpi}" is not among this stage's KPIs (${[...stageKpis].join(', ')})`,
          ),
        );
      }
    }
    const seenKpis = new Set<unknown>();
    for (const [kpi, k] of records(stage.kpis)) {
      if (seenKpis.has(kpi.kpi))
        problems.push(
          error(
            [...stagePath, 'kpis', k, 'kpi'],
            'duplicate-id',
            `KPI "${String(kpi.kpi)}" is listed twice in this stage`,
          ),
        );
      seenKpis.add(kpi.kpi);
    }
    for (const [step, i] of records(stage.steps)) {
      const stepPath = [...stagePath, 'steps', i];
      for (const [id, n] of strings(step.next)) expectKnown(id, [...stepPath, 'next', n], stepIds, 'step');
      for (const [id, n] of strings(step.touchpoints))
        expectKnown(id, [...stepPath, 'touchpoints', n], touchpointIds, 'touchpoint');
      for (const [id, n] of strings(step.departments))
        expectKnown(id, [...stepPath, 'departments', n], departmentIds, 'department');
      const feelings = step.feelings;
      if (feelings !== null && typeof feelings === 'object' && !Array.isArray(feelings)) {
        for (const personaId of Object.keys(feelings)) {
          if (!personaIds.has(personaId)) {
            problems.push(
              error(
                [...stepPath, 'feelings', personaId],
                'unknown-reference',
                `unknown persona "${personaId}"${known(personaIds)}`,
                'key',
              ),
            );
          }
        }
      }
      const evidenceIds = new Map<string, FieldPath>();
      collectIds(records(step.evidence), [...stepPath, 'evidence'], 'evidence', evidenceIds, problems);
      for (const lane of ['thoughts', 'questions', 'motivations', 'painPoints', 'opportunities']) {
        for (const [item, n] of records(step[lane])) {
          for (const [id, e] of strings(item.evidence))
            expectKnown(id, [...stepPath, lane, n, 'evidence', e], evidenceIds, 'evidence on this step');
        }
      }
    }
  }
  return problems;
}

function known(ids: Map<string, FieldPath>): string {
  if (ids.size === 0) return ' (none are defined)';
  const list = [...ids.keys()];
  return ` (known: ${list.slice(0, 8).join(', ')}${list.length > 8 ? ', …' : ''})`;
}
