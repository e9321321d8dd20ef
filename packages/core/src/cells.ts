/**
 * Cells: the places of a map a comment (or, later, the editor's selection) can point at, written
 * as short strings so they travel in URLs and databases:
 *
 * - `map`: the map as a whole
 * - `stage:<id>`, `step:<id>`, `touchpoint:<id>`
 * - `step:<id>/<lane>/<index>`: an entry of a step's lane (thoughts, questions, motivations,
 *   painPoints, opportunities, evidence)
 * - `stage:<id>/<lane>/<index>`: an entry of a stage's list (actions, objections, kpis)
 *
 * Indexes count from 0 and are written without leading zeros, so every cell has one spelling and
 * two equal cells are equal strings.
 */
import { SLUG_PATTERN } from './ids.ts';
import type { FieldPath } from './problems.ts';
import { type JourneyMap, LANE_KEYS } from './schema.ts';

export const STEP_CELL_LANES = [...LANE_KEYS, 'evidence'] as const;
export const STAGE_CELL_LANES = ['actions', 'objections', 'kpis'] as const;
export type StepCellLane = (typeof STEP_CELL_LANES)[number];
export type StageCellLane = (typeof STAGE_CELL_LANES)[number];

export type Cell =
  | { kind: 'map' }
  | { kind: 'stage'; id: string }
  | { kind: 'step'; id: string }
  | { kind: 'touchpoint'; id: string }
  | { kind: 'stage-item'; stage: string; lane: StageCellLane; index: number }
  | { kind: 'step-item'; step: string; lane: StepCellLane; index: number };

export type CellParse = { ok: true; cell: Cell } | { ok: false; message: string };

const CELL_EXAMPLES = '"map", "stage:<id>", "step:<id>", "step:<id>/<lane>/<index>" or "touchpoint:<id>"';
const INDEX_PATTERN = /^(?:0|[1-9][0-9]{0,5})$/;

/**
 * Reads a cell address; a message says what is wrong with one that is not.
 *
 * @example
 * parseCell('step:checkout/painPoints/0');
 * // { ok: true, cell: { kind: 'step-item', step: 'checkout', lane: 'painPoints', index: 0 } }
 */
export function parseCell(text: string): CellParse {
  if (text === 'map') return { ok: true, cell: { kind: 'map' } };
  const colon = text.indexOf(':');
  if (colon < 0) return malformed(text, `expected ${CELL_EXAMPLES}`);
  const kind = text.slice(0, colon);
  const [id = '', lane, index, ...rest] = text.slice(colon + 1).split('/');
  if (kind !== 'stage' && kind !== 'step' && kind !== 'touchpoint') {
    return malformed(text, `"${kind}" is not a kind of cell; expected ${CELL_EXAMPLES}`);
  }
  if (!SLUG_PATTERN.test(id))
    return malformed(text, `"${id}" is not a ${kind} id (a slug such as "clicks-ad")`);
  if (lane === undefined) return { ok: true, cell: { kind, id } };
  if (kind === 'touchpoint') return malformed(text, 'a touchpoint has no lanes');
  const lanes: readonly string[] = kind === 'step' ? STEP_CELL_LANES : STAGE_CELL_LANES;
  if (!lanes.includes(lane)) {
    return malformed(text, `a ${kind} has no lane "${lane}" (lanes: ${lanes.join(', ')})`);
  }
  if (index === undefined || rest.length > 0 || !INDEX_PATTERN.test(index)) {
    return malformed(text, 'a lane entry is addressed as <lane>/<index>, the index a whole number from 0');
  }
  return kind === 'step'
    ? { ok: true, cell: { kind: 'step-item', step: id, lane: lane as StepCellLane, index: Number(index) } }
    : {
        ok: true,
        cell: { kind: 'stage-item', stage: id, lane: lane as StageCellLane, index: Number(index) },
      };
}

function malformed(text: string, why: string): CellParse {
  return { ok: false, message: `"${text}" is not a cell address: ${why}` };
}

/** The address of a cell; `formatCell(parseCell(text).cell) === text` for every valid address. */
export function formatCell(cell: Cell): string {
  switch (cell.kind) {
    case 'map':
      return 'map';
    case 'stage-item':
      return `stage:${cell.stage}/${cell.lane}/${cell.index}`;
    case 'step-item':
      return `step:${cell.step}/${cell.lane}/${cell.index}`;
    default:
      return `${cell.kind}:${cell.id}`;
  }
}

export type CellLocation = { found: true; path: FieldPath } | { found: false; message: string };

/**
 * Where a cell is in `map`, as a field path (`['stages', 2, 'steps', 0, 'painPoints', 1]`), or
 * why it is not there.
 *
 * @example
 * locateCell(map, { kind: 'step', id: 'checkout' }); // { found: true, path: ['stages', 2, 'steps', 0] }
 */
export function locateCell(map: JourneyMap, cell: Cell): CellLocation {
  switch (cell.kind) {
    case 'map':
      return { found: true, path: [] };
    case 'touchpoint': {
      const index = map.touchpoints?.findIndex((touchpoint) => touchpoint.id === cell.id) ?? -1;
      return index < 0
        ? absent(`the map has no touchpoint "${cell.id}"`)
        : { found: true, path: ['touchpoints', index] };
    }
    case 'stage':
    case 'stage-item': {
      const id = cell.kind === 'stage' ? cell.id : cell.stage;
      const stageIndex = map.stages.findIndex((stage) => stage.id === id);
      const stage = map.stages[stageIndex];
      if (!stage) return absent(`the map has no stage "${id}"`);
      const path = ['stages', stageIndex];
      if (cell.kind === 'stage') return { found: true, path };
      return laneEntry(path, `stage "${id}"`, cell.lane, stage[cell.lane]?.length ?? 0, cell.index);
    }
    case 'step':
    case 'step-item': {
      const id = cell.kind === 'step' ? cell.id : cell.step;
      for (const [stageIndex, stage] of map.stages.entries()) {
        const stepIndex = stage.steps.findIndex((step) => step.id === id);
        const step = stage.steps[stepIndex];
        if (!step) continue;
        const path = ['stages', stageIndex, 'steps', stepIndex];
        if (cell.kind === 'step') return { found: true, path };
        return laneEntry(path, `step "${id}"`, cell.lane, step[cell.lane]?.length ?? 0, cell.index);
      }
      return absent(`the map has no step "${id}"`);
    }
  }
}

function laneEntry(
  path: FieldPath,
  owner: string,
  lane: string,
  length: number,
  index: number,
): CellLocation {
  if (index < length) return { found: true, path: [...path, lane, index] };
  const has =
    length === 0
      ? 'no entries'
      : length === 1
        ? '1 entry (index 0)'
        : `${length} entries (0 to ${length - 1})`;
  return absent(`${lane} of ${owner} has ${has}, so there is no entry ${index}`);
}

function absent(message: string): CellLocation {
  return { found: false, message };
}

export type CellCheck =
  | { ok: true; cell: Cell; path: FieldPath }
  | { ok: false; reason: 'malformed' | 'absent'; message: string };

/**
 * Reads a cell address and finds it in `map`: what a comment pinned to `text` needs before it is
 * written.
 */
export function checkCell(map: JourneyMap, text: string): CellCheck {
  const parsed = parseCell(text);
  if (!parsed.ok) return { ok: false, reason: 'malformed', message: parsed.message };
  const location = locateCell(map, parsed.cell);
  if (!location.found) return { ok: false, reason: 'absent', message: `${text}: ${location.message}` };
  return { ok: true, cell: parsed.cell, path: location.path };
}
