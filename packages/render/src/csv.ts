/**
 * The map as a spreadsheet: one row per step, one column per lane.
 *
 * What the CSV carries: stages (id, name, order; a stage without steps gets a row of its own with
 * the step cells empty), steps (id, name, description, order), the touchpoints of each step with
 * their channel, online/offline and owning department, the departments listed on each step, the
 * thoughts, questions, motivations, pain points and opportunities with how each is known
 * (`[observed] text`), one feeling column per persona, and `next` (the step ids that can follow;
 * `(end)` where the journey ends).
 *
 * What it leaves out, because it does not fit a step row: the map's title, id, language, style,
 * scenario and description (give them when importing), persona names and details, stage goals,
 * actions, objections and KPIs, step evidence (and the evidence links of lane items), sub-journeys,
 * descriptions and event-matching rules of touchpoints and departments, and touchpoints or
 * departments no step uses. Line breaks inside names and lane items become spaces.
 *
 * Cells that hold several items put one item per line. Names are written as `Name`, or `Name [id]`
 * when the id is not simply the name made into a slug; touchpoints add `(channel, online|offline,
 * Department)`. The file starts with a UTF-8 byte order mark, which Excel needs to read UTF-8; the
 * importer accepts files with or without one, and with `,` or `;` between cells (Excel in a Dutch
 * locale writes `;`).
 */
import {
  CHANNELS,
  type Channel,
  type Department,
  FEELING_MAX,
  FEELING_MIN,
  type FieldPath,
  isSlug,
  type JourneyMap,
  KNOWN_BY,
  type KnownBy,
  type LaneItem,
  type LaneKey,
  type Language,
  laneItemText,
  type Persona,
  type Problem,
  type Stage,
  type Step,
  slugify,
  type Touchpoint,
  uniqueSlug,
  validateMap,
} from '@touchline/core';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** Byte order mark: tells Excel the file is UTF-8, so ë and ĳ survive a double-click. */
export const CSV_BOM = '\uFEFF';

/** The lanes in the order of their columns, with the column names. */
const LANE_COLUMNS: readonly { key: LaneKey; column: string }[] = [
  { key: 'thoughts', column: 'thoughts' },
  { key: 'questions', column: 'questions' },
  { key: 'motivations', column: 'motivations' },
  { key: 'painPoints', column: 'pain_points' },
  { key: 'opportunities', column: 'opportunities' },
];
const FEELING_PREFIX = 'feeling:';
/** What the `next` cell says when the journey ends at a step (`next: []`). */
export const CSV_END_MARKER = '(end)';
const END_MARKERS = new Set(['(end)', '(einde)', 'end', 'einde']);
const MODES = ['online', 'offline'] as const;

/** Column names of a map's CSV, in order: the feeling columns sit between motivations and pain points. */
export function csvColumns(map: Pick<JourneyMap, 'personas'>): string[] {
  return [
    'stage_id',
    'stage',
    'step_id',
    'step',
    'description',
    'touchpoints',
    'departments',
    'thoughts',
    'questions',
    'motivations',
    ...map.personas.map((persona) => `${FEELING_PREFIX}${persona.id}`),
    'pain_points',
    'opportunities',
    'next',
  ];
}

export interface CsvOptions {
  /** Cell separator. Default `,`; `;` suits Excel in Dutch and other comma-decimal locales. */
  delimiter?: ',' | ';';
}

/**
 * The map as CSV, one row per step (see the module comment for what it holds and leaves out).
 *
 * @example
 * writeFileSync('map.csv', renderCsv(map)); // opens in Excel with Dutch letters intact
 */
export function renderCsv(map: JourneyMap, options: CsvOptions = {}): string {
  const touchpoints = new Map((map.touchpoints ?? []).map((t) => [t.id, t]));
  const departments = new Map((map.departments ?? []).map((d) => [d.id, d]));
  const departmentRef = (id: string) => formatRef(departments.get(id)?.name ?? id, id);
  const touchpointCell = (id: string) => {
    const touchpoint = touchpoints.get(id);
    if (!touchpoint) return id;
    const owner = touchpoint.department ? `, ${departmentRef(touchpoint.department)}` : '';
    return `${formatRef(touchpoint.name, id)} (${touchpoint.channel}, ${touchpoint.mode}${owner})`;
  };

  const header = csvColumns(map);
  const rows: string[][] = [header];
  for (const stage of map.stages) {
    const stageCells = [stage.id, oneLine(stage.name)];
    if (stage.steps.length === 0) rows.push([...stageCells, ...header.slice(2).map(() => '')]);
    for (const step of stage.steps) {
      rows.push([
        ...stageCells,
        step.id,
        oneLine(step.name),
        step.description ?? '',
        lines((step.touchpoints ?? []).map(touchpointCell)),
        lines((step.departments ?? []).map(departmentRef)),
        laneCell(step.thoughts),
        laneCell(step.questions),
        laneCell(step.motivations),
        ...map.personas.map((persona) => {
          const feeling = step.feelings?.[persona.id];
          return feeling === undefined ? '' : String(feeling);
        }),
        laneCell(step.painPoints),
        laneCell(step.opportunities),
        step.next === undefined ? '' : step.next.length === 0 ? CSV_END_MARKER : lines(step.next),
      ]);
    }
  }
  return CSV_BOM + stringify(rows, { delimiter: options.delimiter ?? ',', record_delimiter: '\n' });
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function lines(items: readonly string[]): string {
  return items.join('\n');
}

const TRAILING_ID = /^(.*\S)\s*\[([a-z0-9]+(?:-[a-z0-9]+)*)\]$/s;

/** `Name`, or `Name [id]` when the id cannot be told from the name. */
function formatRef(name: string, id: string): string {
  const clean = oneLine(name);
  return slugify(clean) === id && !TRAILING_ID.test(clean) ? clean : `${clean} [${id}]`;
}

function laneCell(items: readonly LaneItem[] | undefined): string {
  return lines(
    (items ?? []).map((item) => {
      const text = oneLine(laneItemText(item));
      return typeof item !== 'string' && item.knownBy ? `[${item.knownBy}] ${text}` : text;
    }),
  );
}

export interface ImportCsvOptions {
  /** Title of the new map. Default "Imported journey" / "Geïmporteerde klantreis". */
  title?: string;
  /** Default `en`. */
  language?: Language;
  /** Id of the new map. Default: the title as a slug. */
  id?: string;
}

export interface ImportCsvResult {
  /** The map, when the CSV gave a valid one. */
  map?: JourneyMap;
  /** Errors (no map) and warnings, each with the CSV line and column (1-based) it comes from. */
  problems: Problem[];
}

/** Markers for how a lane item is known, in English (as written) and Dutch. */
const KNOWN_BY_MARKERS: Record<string, KnownBy> = {
  ...Object.fromEntries(KNOWN_BY.map((k) => [k, k])),
  waargenomen: 'observed',
  geobserveerd: 'observed',
  aangenomen: 'assumed',
  verondersteld: 'assumed',
  voorgesteld: 'proposed',
};

/** A CSV cell with where it sits: 1-based line of its first character's row, and column number. */
interface Cell {
  value: string;
  line: number;
  column: number;
}

/** Where each part of the new map came from, to put validation problems on a CSV line. */
interface Origins {
  stages: number[];
  steps: number[][];
  touchpoints: number[];
  departments: number[];
  columns: Map<string, number>;
}

/**
 * Turns a CSV in the shape {@link renderCsv} writes back into a map, validated like a map file.
 * Stages come in the order they first appear, steps in row order; touchpoints and departments are
 * created from the cells; ids come from the id columns or `[id]` suffixes, or else from the names.
 * Only the `step` (or `step_id`) and `stage` (or `stage_id`) columns are required, so a hand-made
 * sheet with a few of the columns imports too.
 */
export function importCsv(text: string, options: ImportCsvOptions = {}): ImportCsvResult {
  const language = options.language ?? 'en';
  const problems: Problem[] = [];
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter: detectDelimiter(body),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (cause) {
    const details = cause as { message?: string; lines?: number };
    problems.push({
      severity: 'error',
      path: [],
      code: 'csv-syntax',
      message: `not a readable CSV: ${details.message ?? String(cause)}`,
      ...(typeof details.lines === 'number' ? { line: details.lines } : {}),
    });
    return { problems };
  }

  const header = records[0];
  if (!header) {
    problems.push({ severity: 'error', path: [], code: 'csv-empty', message: 'the CSV has no header row' });
    return { problems };
  }
  const columns = new Map<string, number>();
  const personaColumns: { persona: Persona; index: number }[] = [];
  const known = new Set(csvColumns({ personas: [] }));
  header.record.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (name.startsWith(FEELING_PREFIX)) {
      const id = raw.trim().slice(FEELING_PREFIX.length).trim();
      const personaId = isSlug(id) ? id : slugify(id);
      personaColumns.push({ persona: { id: personaId, name: personaName(id) }, index });
      columns.set(`${FEELING_PREFIX}${personaId}`, index);
    } else if (known.has(name) && !columns.has(name)) {
      columns.set(name, index);
    } else if (name !== '') {
      problems.push({
        severity: 'warning',
        path: [],
        code: 'csv-unknown-column',
        message: `column "${raw}" is not one Touchline reads; it is ignored`,
        line: header.info.lines,
        column: index + 1,
      });
    }
  });
  if (!columns.has('step') && !columns.has('step_id')) {
    problems.push({
      severity: 'error',
      path: [],
      code: 'csv-missing-column',
      message: 'the CSV needs a "step" or "step_id" column',
      line: header.info.lines,
    });
  }
  if (!columns.has('stage') && !columns.has('stage_id')) {
    problems.push({
      severity: 'error',
      path: [],
      code: 'csv-missing-column',
      message: 'the CSV needs a "stage" or "stage_id" column',
      line: header.info.lines,
    });
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };

  const personas =
    personaColumns.length > 0
      ? personaColumns.map((c) => c.persona)
      : [language === 'nl' ? { id: 'klant', name: 'Klant' } : { id: 'customer', name: 'Customer' }];

  const builder = new MapBuilder(problems);
  for (const { record, info } of records.slice(1)) {
    // info.lines is the row's last line; cells with line breaks started that many lines earlier.
    let line = info.lines - record.reduce((sum, value) => sum + countLineBreaks(value), 0);
    const cells = record.map((value, index) => {
      const cell: Cell = { value, line, column: index + 1 };
      line += countLineBreaks(value);
      return cell;
    });
    const cell = (name: string): Cell | undefined => {
      const index = columns.get(name);
      return index === undefined ? undefined : cells[index];
    };
    builder.addRow(
      cell,
      personaColumns.map((c) => ({ personaId: c.persona.id, cell: cells[c.index] })),
      info.lines,
    );
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };

  const title = options.title ?? (language === 'nl' ? 'Geïmporteerde klantreis' : 'Imported journey');
  const map: JourneyMap = {
    schemaVersion: 2,
    id: options.id ?? slugify(title),
    title,
    language,
    style: 'current-state',
    personas,
    ...(builder.departments.length > 0 ? { departments: builder.departments } : {}),
    ...(builder.touchpoints.length > 0 ? { touchpoints: builder.touchpoints } : {}),
    stages: builder.stages,
  };
  if (map.stages.length === 0) {
    problems.push({
      severity: 'error',
      path: ['stages'],
      code: 'csv-no-rows',
      message: 'the CSV has no step rows',
    });
    return { problems };
  }
  const validation = validateMap(map);
  const origins: Origins = { ...builder.origins, columns };
  problems.push(...validation.problems.map((problem) => locate(problem, origins, header.info.lines)));
  return validation.map ? { map: validation.map, problems } : { problems };
}

/** Collects stages, steps, touchpoints and departments row by row, reporting bad cells. */
class MapBuilder {
  readonly stages: Stage[] = [];
  readonly touchpoints: Touchpoint[] = [];
  readonly departments: Department[] = [];
  readonly origins: Omit<Origins, 'columns'> = { stages: [], steps: [], touchpoints: [], departments: [] };
  private readonly stepIds = new Set<string>();

  constructor(private readonly problems: Problem[]) {}

  addRow(
    cell: (name: string) => Cell | undefined,
    feelings: { personaId: string; cell: Cell | undefined }[],
    rowLine: number,
  ): void {
    const value = (name: string) => cell(name)?.value.trim() ?? '';
    const stageIndex = this.stageFor(cell('stage_id'), cell('stage'), rowLine);
    if (stageIndex === undefined) return;
    const stage = this.stages[stageIndex] as Stage;
    const stepIdCell = cell('step_id');
    const stepName = oneLine(value('step'));
    if (value('step_id') === '' && stepName === '') return; // a stage without steps
    const stepIndex = stage.steps.length;
    const path: FieldPath = ['stages', stageIndex, 'steps', stepIndex];
    let id = value('step_id');
    if (id === '') {
      id = uniqueSlug(slugify(stepName), this.stepIds);
    } else if (!isSlug(id)) {
      this.error(
        stepIdCell,
        [...path, 'id'],
        'csv-bad-id',
        `step id "${id}" must be a slug, e.g. "clicks-ad"`,
      );
      return;
    } else if (this.stepIds.has(id)) {
      this.error(stepIdCell, [...path, 'id'], 'duplicate-id', `step id "${id}" is used by an earlier row`);
      return;
    } else {
      this.stepIds.add(id);
    }
    if (stepName === '') {
      this.error(cell('step') ?? stepIdCell, [...path, 'name'], 'required', `step "${id}" has no name`);
      return;
    }

    const step: Step = { id, name: stepName };
    const description = cell('description')?.value ?? '';
    if (description.trim() !== '') step.description = description;
    const touchpoints = itemsOf(cell('touchpoints')).map((item) =>
      this.touchpoint(item, [...path, 'touchpoints']),
    );
    if (touchpoints.length > 0) step.touchpoints = touchpoints;
    const departments = itemsOf(cell('departments')).map((item) => this.department(item.text, item));
    if (departments.length > 0) step.departments = departments;
    for (const { key, column } of LANE_COLUMNS) {
      const items = itemsOf(cell(column)).map((item) => laneItem(item.text));
      if (items.length > 0) step[key] = items;
    }
    const scores: Record<string, number> = {};
    for (const { personaId, cell: feelingCell } of feelings) {
      const raw = feelingCell?.value.trim() ?? '';
      if (raw === '') continue;
      const score = Number(raw.replace(',', '.'));
      if (!Number.isFinite(score) || score < FEELING_MIN || score > FEELING_MAX) {
        this.error(
          feelingCell,
          [...path, 'feelings', personaId],
          'csv-bad-feeling',
          `feeling of "${personaId}" must be a number from ${FEELING_MIN} to ${FEELING_MAX}, got "${raw}"`,
        );
        continue;
      }
      scores[personaId] = score;
    }
    if (Object.keys(scores).length > 0) step.feelings = scores;
    const next = value('next');
    if (END_MARKERS.has(next.toLowerCase())) step.next = [];
    else if (next !== '')
      step.next = itemsOf(cell('next')).map((item) => (isSlug(item.text) ? item.text : slugify(item.text)));

    stage.steps.push(step);
    (this.origins.steps[stageIndex] as number[]).push(stepIdCell?.line ?? cell('step')?.line ?? rowLine);
  }

  private stageFor(
    idCell: Cell | undefined,
    nameCell: Cell | undefined,
    rowLine: number,
  ): number | undefined {
    const name = oneLine(nameCell?.value.trim() ?? '');
    let id = idCell?.value.trim() ?? '';
    if (id === '' && name === '') {
      this.error(nameCell ?? idCell, [], 'csv-no-stage', 'the row names no stage', rowLine);
      return undefined;
    }
    if (id === '') id = slugify(name);
    else if (!isSlug(id)) {
      this.error(idCell, [], 'csv-bad-id', `stage id "${id}" must be a slug, e.g. "awareness"`, rowLine);
      return undefined;
    }
    const existing = this.stages.findIndex((stage) => stage.id === id);
    if (existing >= 0) return existing;
    this.stages.push({ id, name: name === '' ? id : name, steps: [] });
    this.origins.stages.push(idCell?.line ?? nameCell?.line ?? rowLine);
    this.origins.steps.push([]);
    return this.stages.length - 1;
  }

  private department(text: string, at: CellItem): string {
    const { name, id } = parseRef(text);
    const existing = this.departments.find((d) => d.id === id);
    if (!existing) {
      this.departments.push({ id, name });
      this.origins.departments.push(at.line);
    }
    return id;
  }

  private touchpoint(item: CellItem, path: FieldPath): string {
    const suffix = TOUCHPOINT_SUFFIX.exec(item.text);
    const { name, id } = parseRef(suffix ? (suffix[1] as string) : item.text);
    const channel = (suffix?.[2] ?? 'other') as Channel;
    const mode = (suffix?.[3] ?? 'online') as (typeof MODES)[number];
    const owner = suffix?.[4] ? this.department(suffix[4], item) : undefined;
    const touchpoint: Touchpoint = { id, name, channel, mode, ...(owner ? { department: owner } : {}) };
    const existing = this.touchpoints.find((t) => t.id === id);
    if (!existing) {
      this.touchpoints.push(touchpoint);
      this.origins.touchpoints.push(item.line);
    } else if (
      suffix &&
      (existing.name !== name ||
        existing.channel !== channel ||
        existing.mode !== mode ||
        existing.department !== touchpoint.department)
    ) {
      this.problems.push({
        severity: 'warning',
        path,
        code: 'csv-touchpoint-differs',
        message: `touchpoint "${id}" is described differently than on an earlier row; the first description is kept`,
        line: item.line,
        column: item.column,
      });
    }
    return id;
  }

  private error(at: Cell | undefined, path: FieldPath, code: string, message: string, line?: number): void {
    this.problems.push({
      severity: 'error',
      path,
      code,
      message,
      ...(at ? { line: at.line, column: at.column } : line !== undefined ? { line } : {}),
    });
  }
}

/** `Name (channel, online|offline[, Department])` at the end of a touchpoint item. */
const TOUCHPOINT_SUFFIX = new RegExp(
  `^(.*\\S)\\s*\\((${CHANNELS.join('|')}),\\s*(${MODES.join('|')})(?:,\\s*(.+))?\\)$`,
  's',
);

/** `Name [id]` or `Name`: the id is then the name as a slug. */
function parseRef(text: string): { name: string; id: string } {
  const match = TRAILING_ID.exec(text);
  if (match) return { name: match[1] as string, id: match[2] as string };
  return { name: text, id: slugify(text) };
}

function laneItem(text: string): LaneItem {
  const match = /^\[([^\]]+)\]\s*(.+)$/s.exec(text);
  const knownBy = match ? KNOWN_BY_MARKERS[(match[1] as string).trim().toLowerCase()] : undefined;
  return match && knownBy ? { text: match[2] as string, knownBy } : text;
}

interface CellItem {
  text: string;
  line: number;
  column: number;
}

/** The items of a multi-valued cell, one per non-empty line, each with its own line number. */
function itemsOf(cell: Cell | undefined): CellItem[] {
  if (!cell) return [];
  return cell.value
    .split(/\r?\n/)
    .map((text, offset) => ({ text: text.trim(), line: cell.line + offset, column: cell.column }))
    .filter((item) => item.text !== '');
}

function countLineBreaks(value: string): number {
  let count = 0;
  for (const char of value) if (char === '\n') count++;
  return count;
}

function personaName(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `,` unless the header row has more `;` than `,` outside quotes. */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

const STEP_FIELD_COLUMNS: Record<string, string> = {
  id: 'step_id',
  name: 'step',
  description: 'description',
  touchpoints: 'touchpoints',
  departments: 'departments',
  thoughts: 'thoughts',
  questions: 'questions',
  motivations: 'motivations',
  painPoints: 'pain_points',
  opportunities: 'opportunities',
  next: 'next',
};

/** Puts a validation problem of the built map on the CSV line and column it came from. */
function locate(problem: Problem, origins: Origins, headerLine: number): Problem {
  const [first, index, third, stepIndex, field] = problem.path;
  let line: number | undefined;
  let column: number | undefined;
  if (first === 'stages' && typeof index === 'number') {
    line = origins.stages[index];
    column = origins.columns.get('stage_id') ?? origins.columns.get('stage');
    if (third === 'steps' && typeof stepIndex === 'number') {
      line = origins.steps[index]?.[stepIndex] ?? line;
      const feelingOf = problem.path[5];
      const name =
        field === 'feelings' && typeof feelingOf === 'string'
          ? `${FEELING_PREFIX}${feelingOf}`
          : typeof field === 'string'
            ? STEP_FIELD_COLUMNS[field]
            : undefined;
      column = name === undefined ? undefined : origins.columns.get(name);
    }
  } else if (first === 'touchpoints' && typeof index === 'number') {
    line = origins.touchpoints[index];
    column = origins.columns.get('touchpoints');
  } else if (first === 'departments' && typeof index === 'number') {
    line = origins.departments[index];
    column = origins.columns.get('departments');
  } else if (first === 'personas') {
    line = headerLine;
  }
  return {
    ...problem,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column: column + 1 } : {}),
  };
}
