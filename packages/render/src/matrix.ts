import { type JourneyMap, type Language, nextStepIds, placedSteps, stepDepartmentIds } from '@touchline/core';
import { stringify } from 'csv-stringify/sync';
import { CSV_BOM } from './csv.ts';

/**
 * How a department takes part in a step: listed on the step, owner of one of the step's touchpoints,
 * both, or not at all.
 */
export type MatrixRole = 'listed' | 'touchpoint' | 'both' | 'none';

export interface MatrixCell {
  role: MatrixRole;
  /** Ids of the step's touchpoints this department owns, in the step's order. */
  touchpoints: string[];
}

export interface MatrixStep {
  stepId: string;
  stepName: string;
  stageId: string;
  stageName: string;
}

export interface MatrixDepartment {
  id: string;
  name: string;
}

/** A move along the designed flow where the set of responsible departments changes. */
export interface HandOff {
  fromStepId: string;
  toStepId: string;
  /** Departments responsible for the step handing over, as `stepDepartmentIds` orders them. */
  from: string[];
  /** Departments responsible for the step taking over. */
  to: string[];
}

/** Who owns which step: rows are departments, columns are steps, and the hand-offs between them. */
export interface DepartmentMatrix {
  /** The map's departments in order, then any id a step or touchpoint names without defining it. */
  departments: MatrixDepartment[];
  /** Every step in map order. */
  steps: MatrixStep[];
  /** `cells[d][s]`: department `d` in step `s`. */
  cells: MatrixCell[][];
  /** In the order of the steps handing over, then of their `next` lists. */
  handOffs: HandOff[];
}

/**
 * The department x step matrix of a map. A department is responsible for a step when it is listed
 * on it or owns one of its touchpoints (core's `stepDepartmentIds`). A hand-off is any move along
 * the designed flow (`next`, or else the following step) between two steps whose sets of responsible
 * departments differ, including moves to or from a step nobody is responsible for.
 */
export function departmentMatrix(map: JourneyMap): DepartmentMatrix {
  const placed = placedSteps(map);
  const touchpointOwner = new Map((map.touchpoints ?? []).map((t) => [t.id, t.department]));
  const departments: MatrixDepartment[] = (map.departments ?? []).map((d) => ({ id: d.id, name: d.name }));
  const responsible = new Map(placed.map((p) => [p.step.id, stepDepartmentIds(map, p.step)]));
  for (const ids of responsible.values()) {
    for (const id of ids) if (!departments.some((d) => d.id === id)) departments.push({ id, name: id });
  }

  const cells = departments.map((department) =>
    placed.map(({ step }): MatrixCell => {
      const listed = (step.departments ?? []).includes(department.id);
      const touchpoints = (step.touchpoints ?? []).filter((id) => touchpointOwner.get(id) === department.id);
      const owns = touchpoints.length > 0;
      const role: MatrixRole = listed && owns ? 'both' : listed ? 'listed' : owns ? 'touchpoint' : 'none';
      return { role, touchpoints };
    }),
  );

  const handOffs: HandOff[] = [];
  for (const from of placed) {
    const fromIds = responsible.get(from.step.id) ?? [];
    for (const toStepId of nextStepIds(placed, from)) {
      const toIds = responsible.get(toStepId);
      if (toIds === undefined) continue; // an unknown step id: validation reports it
      if (!sameSet(fromIds, toIds))
        handOffs.push({ fromStepId: from.step.id, toStepId, from: fromIds, to: toIds });
    }
  }

  return {
    departments,
    steps: placed.map(({ step, stage }) => ({
      stepId: step.id,
      stepName: step.name,
      stageId: stage.id,
      stageName: stage.name,
    })),
    cells,
    handOffs,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

const LISTED_MARK = '✓';

/** The few words the matrix prints, per map language. */
const MATRIX_LABELS: Record<
  Language,
  { heading: string; department: string; handOffs: string; none: string }
> = {
  en: {
    heading: 'departments × steps',
    department: 'Department',
    handOffs: 'Hand-offs',
    none: 'No hand-offs between departments.',
  },
  nl: {
    heading: 'afdelingen × stappen',
    department: 'Afdeling',
    handOffs: 'Overdrachten',
    none: 'Geen overdrachten tussen afdelingen.',
  },
};

/** A cell as text: `✓` when listed, the names of the owned touchpoints, or both. */
function cellText(cell: MatrixCell, touchpointName: (id: string) => string): string {
  const names = cell.touchpoints.map(touchpointName).join(', ');
  if (cell.role === 'both') return `${LISTED_MARK} ${names}`;
  if (cell.role === 'listed') return LISTED_MARK;
  return names;
}

function namesOf(matrix: DepartmentMatrix, ids: readonly string[]): string {
  if (ids.length === 0) return '–';
  return ids.map((id) => matrix.departments.find((d) => d.id === id)?.name ?? id).join(', ');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * The matrix as CSV for a spreadsheet: a row per department, a column per step (headed by the step
 * name), `✓` where the department is listed on the step and the names of the touchpoints it owns
 * there. A last row names, under each step, the steps that hand over to it (`← Step`).
 */
export function renderMatrixCsv(map: JourneyMap): string {
  const matrix = departmentMatrix(map);
  const labels = MATRIX_LABELS[map.language];
  const touchpointName = touchpointNames(map);
  const stepName = new Map(matrix.steps.map((s) => [s.stepId, oneLine(s.stepName)]));
  const rows: string[][] = [
    ['department_id', 'department', ...matrix.steps.map((s) => oneLine(s.stepName))],
    ...matrix.departments.map((department, d) => [
      department.id,
      oneLine(department.name),
      ...(matrix.cells[d] ?? []).map((cell) => cellText(cell, touchpointName)),
    ]),
    [
      '',
      labels.handOffs,
      ...matrix.steps.map((step) =>
        matrix.handOffs
          .filter((h) => h.toStepId === step.stepId)
          .map((h) => `← ${stepName.get(h.fromStepId) ?? h.fromStepId}`)
          .join('\n'),
      ),
    ],
  ];
  return CSV_BOM + stringify(rows, { record_delimiter: '\n' });
}

function touchpointNames(map: JourneyMap): (id: string) => string {
  const names = new Map((map.touchpoints ?? []).map((t) => [t.id, oneLine(t.name)]));
  return (id) => names.get(id) ?? id;
}

function escapeCell(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/**
 * The matrix as Markdown: a table of departments x steps (`✓` listed, touchpoint names where the
 * department owns one of the step's touchpoints), then the list of hand-offs.
 */
export function renderMatrixMarkdown(map: JourneyMap): string {
  const matrix = departmentMatrix(map);
  const labels = MATRIX_LABELS[map.language];
  const touchpointName = touchpointNames(map);
  const stepName = new Map(matrix.steps.map((s) => [s.stepId, s.stepName]));
  const out = [
    `# ${oneLine(map.title)}: ${labels.heading}`,
    '',
    `| ${labels.department} | ${matrix.steps.map((s) => escapeCell(s.stepName)).join(' | ')} |`,
    `|---|${matrix.steps.map(() => ':---:').join('|')}|`,
    ...matrix.departments.map(
      (department, d) =>
        `| ${escapeCell(department.name)} | ${(matrix.cells[d] ?? []).map((cell) => escapeCell(cellText(cell, touchpointName))).join(' | ')} |`,
    ),
    '',
    `## ${labels.handOffs}`,
    '',
  ];
  if (matrix.handOffs.length === 0) out.push(labels.none);
  for (const h of matrix.handOffs) {
    const from = oneLine(stepName.get(h.fromStepId) ?? h.fromStepId);
    const to = oneLine(stepName.get(h.toStepId) ?? h.toStepId);
    out.push(`- ${from} → ${to}: ${namesOf(matrix, h.from)} → ${namesOf(matrix, h.to)}`);
  }
  return `${out.join('\n')}\n`;
}
