import type { KpiId } from '../kpi/catalogue.ts';
import { formatKpiValue, isBetter, kpiDefinition } from '../kpi/catalogue.ts';
import {
  type Channel,
  FEELING_MAX,
  FEELING_MIN,
  type JourneyMap,
  type KnownBy,
  type LaneItem,
  type Language,
  laneItemKnownBy,
  laneItemText,
  type Stage,
  type Step,
} from '../schema.ts';
import { type CurvePoint, smoothPath } from './curve.ts';
import { type RenderLabels, renderLabels } from './labels.ts';
import { fitLine, measureText, type WrappedText, wrapText } from './text.ts';
import { LANE_IDS, type LaneId, type RenderOptions } from './types.ts';

// Sizes in px at 1:1. A step column of 156 px and a 174 px label column put about five stages of
// two steps on an A3 landscape page with 11 px text printing at about 8 pt.
const MARGIN = 24;
const LABEL_COLUMN_WIDTH = 150;
const STEP_WIDTH = 156;
const MIN_STAGE_WIDTH = 200;
const PAD = 8;
const GAP = 6;
const MIN_LANE_HEIGHT = 44;
const CURVE_HEIGHT = 176;
const KPI_MIN_BOX_WIDTH = 136;

const FONT = { title: 26, meta: 13, stage: 16, laneLabel: 13, body: 12, small: 11 } as const;

/** Colours, chosen to print well in colour and to stay apart in grey. */
export const COLORS = {
  text: '#1f2933',
  muted: '#5f6b76',
  faint: '#8a949e',
  grid: '#d5dbe1',
  labelColumn: '#f1f3f5',
  good: '#2b8a3e',
  bad: '#c92a2a',
  online: '#1864ab',
  proposed: '#6741d9',
  observedStroke: '#495057',
  assumedStroke: '#98a2ad',
} as const;

/** Fill of each note lane. */
export const LANE_FILLS: Record<NoteLaneId, string> = {
  thoughts: '#e7f0fb',
  questions: '#fff3d4',
  motivations: '#e3f4e7',
  painPoints: '#fde6e6',
  opportunities: '#dff5f2',
};

/** A stage's colours: a light header band, a faint column tint and a strong accent. */
export interface StagePalette {
  header: string;
  tint: string;
  accent: string;
}

const STAGE_PALETTES: readonly StagePalette[] = [
  { header: '#e3edfb', tint: '#f8fbfe', accent: '#2f6bbf' },
  { header: '#e2f3e8', tint: '#f8fcf9', accent: '#2b7a4b' },
  { header: '#fcefdc', tint: '#fefbf6', accent: '#b86a12' },
  { header: '#f0e7fa', tint: '#fcfaff', accent: '#7b45b5' },
  { header: '#dff2f4', tint: '#f7fcfc', accent: '#1a7a88' },
  { header: '#fbe5ea', tint: '#fefafb', accent: '#b23a55' },
];

/** Colours of the emotion curves, one per persona in order. */
export const PERSONA_COLORS: readonly string[] = [
  '#d9480f',
  '#1971c2',
  '#2f9e44',
  '#ae3ec9',
  '#e67700',
  '#0c8599',
];

type NoteLaneId = 'thoughts' | 'questions' | 'motivations' | 'painPoints' | 'opportunities';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Lines of text placed in the drawing; `y` is the top of the first line. */
export interface TextBlock {
  x: number;
  y: number;
  lines: string[];
  fontSize: number;
  lineHeight: number;
  bold: boolean;
  color: string;
  /** The width the lines were wrapped to. */
  maxWidth: number;
  anchor: 'start' | 'middle' | 'end';
  /** The whole text, when the lines had to be cut. */
  full?: string;
}

export type ItemKind = 'step' | 'touchpoint' | 'department' | 'note' | 'evidence' | 'kpi';

/** One drawn box in a lane: a step card, a touchpoint, a note, a KPI ... */
export interface ItemLayout extends Rect {
  kind: ItemKind;
  lane: LaneId;
  stageId: string;
  /** The step it belongs to; KPIs belong to a stage only. */
  stepId?: string;
  fill: string;
  stroke: string;
  strokeWidth: number;
  dashed: boolean;
  radius: number;
  texts: TextBlock[];
  knownBy?: KnownBy;
  /** A channel icon in a badge: filled for online touchpoints, outlined for offline ones. */
  icon?: { channel: Channel; mode: 'online' | 'offline'; cx: number; cy: number; radius: number };
  kpi?: { id: KpiId; status: 'good' | 'bad' | 'unknown' };
  /** A coloured bar along the left edge. */
  accent?: string;
  /** What the box stands for in full (step or touchpoint name), for tooltips and search. */
  title?: string;
}

export interface StepColumnLayout {
  stepId: string;
  x: number;
  width: number;
}

export interface StageColumnLayout {
  stageId: string;
  name: string;
  x: number;
  width: number;
  palette: StagePalette;
  /** The stage's name and goals in the header band. */
  header: TextBlock[];
  steps: StepColumnLayout[];
}

export interface LaneLayout {
  id: LaneId;
  y: number;
  height: number;
  label: TextBlock;
  items: ItemLayout[];
}

export interface CurvePointLayout extends CurvePoint {
  stepId: string;
  score: number;
  label: TextBlock;
  /** A white patch behind the label, so curves passing by do not cross it. */
  labelBox: Rect;
}

export interface PersonaCurveLayout {
  personaId: string;
  name: string;
  color: string;
  points: CurvePointLayout[];
  /** SVG path data of the smooth line through the points. */
  path: string;
}

export interface EmotionCurveLayout {
  /** y of each whole score from +2 down to -2. */
  gridLines: { score: number; y: number; label: TextBlock }[];
  zeroY: number;
  personas: PersonaCurveLayout[];
  /** Persona names with their colours, in the label column. */
  legend: { color: string; y: number; x: number; label: TextBlock }[];
}

export type LegendEntry =
  | { kind: 'known-by'; knownBy: KnownBy; swatch: Rect; label: TextBlock }
  | { kind: 'mode'; mode: 'online' | 'offline'; swatch: Rect; label: TextBlock }
  | { kind: 'persona'; color: string; swatch: Rect; label: TextBlock };

/** Everything `writeSvg` draws, as plain geometry; an editor can hit-test the same boxes. */
export interface MapLayout {
  width: number;
  height: number;
  headerWidth: number;
  titleHeight: number;
  language: Language;
  title: TextBlock[];
  legend: LegendEntry[];
  /** The band of stage names and goals. */
  stageHeader: { y: number; height: number; label: TextBlock };
  columns: StageColumnLayout[];
  lanes: LaneLayout[];
  /** Left edge of the label column, and top and bottom of the grid (stage header and lanes). */
  gridLeft: number;
  gridTop: number;
  gridBottom: number;
  curve?: EmotionCurveLayout;
}

interface TextStyle {
  fontSize: number;
  bold?: boolean;
  color?: string;
  maxLines?: number;
  anchor?: TextBlock['anchor'];
}

function lineHeightOf(fontSize: number): number {
  return Math.round(fontSize * 1.3);
}

function placeWrapped(
  wrapped: WrappedText,
  full: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
) {
  const block: TextBlock = {
    x,
    y,
    lines: wrapped.lines,
    fontSize: style.fontSize,
    lineHeight: lineHeightOf(style.fontSize),
    bold: style.bold ?? false,
    color: style.color ?? COLORS.text,
    maxWidth: width,
    anchor: style.anchor ?? 'start',
  };
  if (wrapped.truncated) block.full = full;
  return block;
}

/** Text wrapped into `width` at (x, y). */
function textBlock(text: string, x: number, y: number, width: number, style: TextStyle): TextBlock {
  const wrapped = wrapText(text, width, {
    fontSize: style.fontSize,
    bold: style.bold ?? false,
    maxLines: style.maxLines ?? 4,
  });
  return placeWrapped(wrapped, text, x, y, width, style);
}

/** Text on one line, cut with an ellipsis to `width`. */
function lineBlock(text: string, x: number, y: number, width: number, style: TextStyle): TextBlock {
  return placeWrapped(fitLine(text, width, style.fontSize, style.bold ?? false), text, x, y, width, style);
}

function blockHeight(block: TextBlock): number {
  return block.lines.length * block.lineHeight;
}

function bottomOf(blocks: readonly TextBlock[], fallback: number): number {
  let bottom = fallback;
  for (const block of blocks) bottom = Math.max(bottom, block.y + blockHeight(block));
  return bottom;
}

interface Indexes {
  stepIndex: Map<string, number>;
  stepName: Map<string, string>;
  touchpoints: Map<string, NonNullable<JourneyMap['touchpoints']>[number]>;
  departments: Map<string, string>;
  stepCount: number;
}

function indexMap(map: JourneyMap): Indexes {
  const stepIndex = new Map<string, number>();
  const stepName = new Map<string, string>();
  for (const stage of map.stages) {
    for (const step of stage.steps) {
      stepIndex.set(step.id, stepIndex.size);
      stepName.set(step.id, step.name);
    }
  }
  return {
    stepIndex,
    stepName,
    touchpoints: new Map((map.touchpoints ?? []).map((t) => [t.id, t])),
    departments: new Map((map.departments ?? []).map((d) => [d.id, d.name])),
    stepCount: stepIndex.size,
  };
}

/** Department ids of a step: its own, then its touchpoints' owners, without repeats. */
function stepDepartments(step: Step, indexes: Indexes): string[] {
  const ids = new Set(step.departments ?? []);
  for (const id of step.touchpoints ?? []) {
    const owner = indexes.touchpoints.get(id)?.department;
    if (owner) ids.add(owner);
  }
  return [...ids];
}

function curvePersonas(map: JourneyMap, options: RenderOptions) {
  const wanted = options.personas ? new Set(options.personas) : undefined;
  const withFeelings = new Set<string>();
  for (const stage of map.stages)
    for (const step of stage.steps) for (const id of Object.keys(step.feelings ?? {})) withFeelings.add(id);
  return map.personas
    .map((persona, index) => ({
      persona,
      color: PERSONA_COLORS[index % PERSONA_COLORS.length] ?? COLORS.text,
    }))
    .filter(({ persona }) => (wanted ? wanted.has(persona.id) : withFeelings.has(persona.id)));
}

function laneHasContent(map: JourneyMap, lane: LaneId, personaCount: number): boolean {
  if (lane === 'steps') return true;
  if (lane === 'kpis') return map.stages.some((stage) => (stage.kpis?.length ?? 0) > 0);
  if (lane === 'feelings') return personaCount > 0;
  return map.stages.some((stage) =>
    stage.steps.some((step) => {
      switch (lane) {
        case 'touchpoints':
          return (step.touchpoints?.length ?? 0) > 0;
        case 'departments':
          return (step.departments?.length ?? 0) > 0 || (step.touchpoints?.length ?? 0) > 0;
        case 'evidence':
          return (step.evidence?.length ?? 0) > 0;
        default:
          return (step[lane]?.length ?? 0) > 0;
      }
    }),
  );
}

/**
 * The lanes drawn: `options.lanes` as given, or else every lane with content in LANE_IDS order
 * (steps always). The departments lane only counts touchpoint owners when departments are defined.
 */
export function chosenLanes(map: JourneyMap, options: RenderOptions = {}): LaneId[] {
  if (options.lanes) return [...new Set(options.lanes)];
  const personaCount = curvePersonas(map, options).length;
  return LANE_IDS.filter((lane) => {
    if (lane === 'departments' && (map.departments?.length ?? 0) === 0) return false;
    return laneHasContent(map, lane, personaCount);
  });
}

function signed(score: number): string {
  const text = Number.isInteger(score) ? String(Math.abs(score)) : Math.abs(score).toFixed(1);
  if (score > 0) return `+${text}`;
  if (score < 0) return `−${text}`;
  return '0';
}

/**
 * The geometry of a journey map: columns per stage and step, rows per lane, every box and line
 * of text already wrapped, and the emotion curves. Pure and deterministic; `writeSvg` draws it.
 */
export function layoutMap(map: JourneyMap, options: RenderOptions = {}): MapLayout {
  const labels = renderLabels(map.language);
  const indexes = indexMap(map);
  const lanes = chosenLanes(map, options);
  const personas = curvePersonas(map, options);
  const headerWidth = MARGIN + LABEL_COLUMN_WIDTH;

  // Columns first: everything else hangs off their x.
  const columns: StageColumnLayout[] = [];
  let x = headerWidth;
  map.stages.forEach((stage, stageIndex) => {
    const count = stage.steps.length;
    const width = Math.max(MIN_STAGE_WIDTH, count * STEP_WIDTH);
    const stepWidth = count > 0 ? width / count : width;
    columns.push({
      stageId: stage.id,
      name: stage.name,
      x,
      width,
      palette: STAGE_PALETTES[stageIndex % STAGE_PALETTES.length] as StagePalette,
      header: [],
      steps: stage.steps.map((step, i) => ({ stepId: step.id, x: x + i * stepWidth, width: stepWidth })),
    });
    x += width;
  });
  const width = x + MARGIN;

  const title = layoutTitle(map, labels, width);
  const legend = layoutLegend(
    labels,
    personas,
    lanes,
    MARGIN,
    bottomOf(title, MARGIN) + 10,
    width - 2 * MARGIN,
  );
  const legendBottom = legend.reduce(
    (bottom, entry) => Math.max(bottom, entry.swatch.y + entry.swatch.height),
    0,
  );
  const titleHeight = Math.ceil(Math.max(bottomOf(title, MARGIN), legendBottom) + 18);

  // Stage header band.
  const headerTop = titleHeight;
  let headerBottom = headerTop + 40;
  map.stages.forEach((stage, i) => {
    const column = columns[i] as StageColumnLayout;
    column.header = layoutStageHeader(stage, column, headerTop, labels);
    headerBottom = Math.max(headerBottom, bottomOf(column.header, headerTop) + PAD + 4);
  });
  const stageHeader = {
    y: headerTop,
    height: headerBottom - headerTop,
    label: textBlock(labels.stages, MARGIN + PAD, headerTop + PAD + 6, LABEL_COLUMN_WIDTH - 2 * PAD, {
      fontSize: FONT.laneLabel,
      bold: true,
      maxLines: 2,
    }),
  };

  const laneLayouts: LaneLayout[] = [];
  let curve: EmotionCurveLayout | undefined;
  let y = headerBottom;
  for (const lane of lanes) {
    const label = textBlock(labels.lanes[lane], MARGIN + PAD, y + PAD + 2, LABEL_COLUMN_WIDTH - 2 * PAD, {
      fontSize: FONT.laneLabel,
      bold: true,
      maxLines: 2,
    });
    if (lane === 'feelings') {
      const laid = layoutCurve(map, personas, columns, y, label);
      curve = laid.curve;
      laneLayouts.push({ id: lane, y, height: laid.height, label, items: [] });
      y += laid.height;
      continue;
    }
    const items: ItemLayout[] = [];
    let bottom = Math.max(y + MIN_LANE_HEIGHT, bottomOf([label], y) + PAD);
    if (lane === 'kpis') {
      map.stages.forEach((stage, i) => {
        const column = columns[i] as StageColumnLayout;
        const cellBottom = layoutKpis(map, stage, column, y, labels, options, items);
        bottom = Math.max(bottom, cellBottom + PAD);
      });
    } else {
      map.stages.forEach((stage, i) => {
        const column = columns[i] as StageColumnLayout;
        stage.steps.forEach((step, s) => {
          const cell = column.steps[s] as StepColumnLayout;
          const cellBottom = layoutStepCell(
            lane,
            map,
            stage,
            step,
            cell,
            column.palette,
            y,
            labels,
            indexes,
            items,
          );
          bottom = Math.max(bottom, cellBottom + PAD);
        });
      });
    }
    const height = Math.ceil(bottom - y);
    laneLayouts.push({ id: lane, y, height, label, items });
    y += height;
  }

  const gridBottom = y;
  return {
    width,
    height: Math.ceil(gridBottom + MARGIN),
    headerWidth,
    titleHeight,
    language: map.language,
    title,
    legend,
    stageHeader,
    columns,
    lanes: laneLayouts,
    gridLeft: MARGIN,
    gridTop: headerTop,
    gridBottom,
    ...(curve ? { curve } : {}),
  };
}

function layoutTitle(map: JourneyMap, labels: RenderLabels, width: number): TextBlock[] {
  const inner = width - 2 * MARGIN;
  const blocks: TextBlock[] = [
    textBlock(map.title, MARGIN, MARGIN, inner, { fontSize: FONT.title, bold: true, maxLines: 2 }),
  ];
  const personaNames = map.personas.map((p) => p.name).join(', ');
  const pairs: [string, string][] = [
    [map.personas.length > 1 ? labels.personas : labels.persona, personaNames],
    ...(map.scenario ? [[labels.scenario, map.scenario] as [string, string]] : []),
    [labels.style, labels.styles[map.style]],
  ];
  // Label/value pairs flow left to right and wrap to a new row when the page is narrow.
  let x = MARGIN;
  let y = bottomOf(blocks, MARGIN) + 8;
  const rowHeight = lineHeightOf(FONT.meta);
  for (const [label, value] of pairs) {
    const labelText = `${label}:`;
    const labelWidth = measureText(labelText, FONT.meta, true);
    const valueWidth = Math.min(measureText(value, FONT.meta), Math.max(120, inner - labelWidth - 6));
    const pairWidth = labelWidth + 6 + valueWidth;
    if (x > MARGIN && x + pairWidth > MARGIN + inner) {
      x = MARGIN;
      y += rowHeight + 2;
    }
    blocks.push(
      lineBlock(labelText, x, y, labelWidth + 1, { fontSize: FONT.meta, bold: true, color: COLORS.muted }),
    );
    blocks.push(lineBlock(value, x + labelWidth + 6, y, valueWidth + 1, { fontSize: FONT.meta }));
    x += pairWidth + 28;
  }
  if (map.description) {
    blocks.push(
      textBlock(map.description, MARGIN, y + rowHeight + 6, Math.min(inner, 900), {
        fontSize: FONT.body,
        color: COLORS.muted,
        maxLines: 3,
      }),
    );
  }
  return blocks;
}

function layoutLegend(
  labels: RenderLabels,
  personas: ReturnType<typeof curvePersonas>,
  lanes: readonly LaneId[],
  left: number,
  top: number,
  width: number,
): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const fontSize = FONT.small;
  let x = left;
  let y = top;
  const swatchWidth = 22;
  const add = (text: string, make: (swatch: Rect, label: TextBlock) => LegendEntry): void => {
    const textWidth = measureText(text, fontSize) + 1;
    if (x > left && x + swatchWidth + 6 + textWidth > left + width) {
      x = left;
      y += 22;
    }
    const swatch = { x, y: y + 2, width: swatchWidth, height: 13 };
    const label = lineBlock(text, x + swatchWidth + 6, y, textWidth, { fontSize, color: COLORS.muted });
    entries.push(make(swatch, label));
    x += swatchWidth + 6 + textWidth + 18;
  };
  const noteLanes: readonly LaneId[] = [
    'thoughts',
    'questions',
    'motivations',
    'painPoints',
    'opportunities',
  ];
  if (lanes.some((lane) => noteLanes.includes(lane))) {
    for (const knownBy of ['observed', 'assumed', 'proposed'] as const) {
      add(labels.knownBy[knownBy], (swatch, label) => ({ kind: 'known-by', knownBy, swatch, label }));
    }
  }
  if (lanes.includes('touchpoints')) {
    for (const mode of ['online', 'offline'] as const) {
      add(labels[mode], (swatch, label) => ({ kind: 'mode', mode, swatch, label }));
    }
  }
  if (lanes.includes('feelings')) {
    for (const { persona, color } of personas) {
      add(persona.name, (swatch, label) => ({ kind: 'persona', color, swatch, label }));
    }
  }
  return entries;
}

function layoutStageHeader(stage: Stage, column: StageColumnLayout, top: number, labels: RenderLabels) {
  const x = column.x + PAD + 2;
  const width = column.width - 2 * PAD - 4;
  const blocks: TextBlock[] = [
    textBlock(stage.name, x, top + PAD + 6, width, { fontSize: FONT.stage, bold: true, maxLines: 2 }),
  ];
  const goals: [string, string | undefined][] = [
    [labels.customerGoal, stage.customerGoal],
    [labels.businessGoal, stage.businessGoal],
  ];
  for (const [label, goal] of goals) {
    if (!goal) continue;
    const y = bottomOf(blocks, top) + 6;
    blocks.push(
      lineBlock(label, x, y, width, { fontSize: FONT.small, bold: true, color: column.palette.accent }),
    );
    blocks.push(
      textBlock(goal, x, y + lineHeightOf(FONT.small), width, { fontSize: FONT.small, maxLines: 3 }),
    );
  }
  return blocks;
}

function knownByStyle(knownBy: KnownBy) {
  switch (knownBy) {
    case 'observed':
      return { stroke: COLORS.observedStroke, strokeWidth: 1, dashed: false, color: COLORS.text };
    case 'assumed':
      return { stroke: COLORS.assumedStroke, strokeWidth: 1, dashed: true, color: COLORS.muted };
    case 'proposed':
      return { stroke: COLORS.proposed, strokeWidth: 1.75, dashed: false, color: COLORS.proposed };
  }
}

/** Lays out one lane's cell for one step; returns the bottom of its content. */
function layoutStepCell(
  lane: Exclude<LaneId, 'feelings' | 'kpis'>,
  map: JourneyMap,
  stage: Stage,
  step: Step,
  cell: StepColumnLayout,
  palette: StagePalette,
  top: number,
  labels: RenderLabels,
  indexes: Indexes,
  items: ItemLayout[],
): number {
  const left = cell.x + PAD;
  const width = cell.width - 2 * PAD;
  let y = top + PAD;
  const base = { lane, stageId: stage.id, stepId: step.id };
  const push = (item: ItemLayout): void => {
    items.push(item);
    y = item.y + item.height + GAP;
  };

  switch (lane) {
    case 'steps': {
      const inner = width - 16;
      const texts: TextBlock[] = [
        textBlock(step.name, left + 10, y + 8, inner, { fontSize: FONT.body, bold: true, maxLines: 4 }),
      ];
      if (step.description) {
        texts.push(
          textBlock(step.description, left + 10, bottomOf(texts, y) + 3, inner, {
            fontSize: FONT.small,
            color: COLORS.muted,
            maxLines: 3,
          }),
        );
      }
      for (const marker of stepMarkers(step, labels, indexes)) {
        texts.push(
          textBlock(marker, left + 10, bottomOf(texts, y) + 3, inner, {
            fontSize: FONT.small,
            bold: true,
            color: palette.accent,
            maxLines: 2,
          }),
        );
      }
      push({
        lane: base.lane,
        stageId: base.stageId,
        stepId: base.stepId,
        kind: 'step',
        x: left,
        y,
        width,
        height: bottomOf(texts, y) + 8 - y,
        fill: '#ffffff',
        stroke: palette.accent,
        strokeWidth: 1,
        dashed: false,
        radius: 6,
        texts,
        accent: palette.accent,
        title: step.name,
      });
      break;
    }
    case 'touchpoints': {
      for (const id of step.touchpoints ?? []) {
        const touchpoint = indexes.touchpoints.get(id);
        const name = touchpoint?.name ?? id;
        const radius = 11;
        const text = textBlock(name, left + 2 * radius + 6, y + 1, width - 2 * radius - 6, {
          fontSize: FONT.small,
          maxLines: 2,
        });
        const height = Math.max(2 * radius + 2, blockHeight(text) + 2);
        text.y = y + (height - blockHeight(text)) / 2;
        push({
          lane: base.lane,
          stageId: base.stageId,
          stepId: base.stepId,
          kind: 'touchpoint',
          x: left,
          y,
          width,
          height,
          fill: 'none',
          stroke: 'none',
          strokeWidth: 0,
          dashed: false,
          radius: 0,
          texts: [text],
          title: name,
          icon: {
            channel: touchpoint?.channel ?? 'other',
            mode: touchpoint?.mode ?? 'online',
            cx: left + radius + 1,
            cy: y + height / 2,
            radius,
          },
        });
      }
      break;
    }
    case 'departments': {
      for (const id of stepDepartments(step, indexes)) {
        const text = textBlock(indexes.departments.get(id) ?? id, left + 8, y + 4, width - 16, {
          fontSize: FONT.small,
          maxLines: 2,
        });
        push({
          lane: base.lane,
          stageId: base.stageId,
          stepId: base.stepId,
          kind: 'department',
          x: left,
          y,
          width,
          height: blockHeight(text) + 8,
          fill: '#eceff3',
          stroke: 'none',
          strokeWidth: 0,
          dashed: false,
          radius: 10,
          texts: [text],
        });
      }
      break;
    }
    case 'evidence': {
      for (const evidence of step.evidence ?? []) {
        const details = [
          ...(evidence.participants !== undefined ? [labels.participants(evidence.participants)] : []),
          ...(evidence.score !== undefined
            ? [`${labels.score} ${evidence.score.toLocaleString(map.language === 'nl' ? 'nl-NL' : 'en-GB')}`]
            : []),
          ...(evidence.date !== undefined ? [evidence.date] : []),
        ].join(' · ');
        const inner = width - 14;
        const texts = [
          lineBlock(labels.evidenceSources[evidence.source], left + 7, y + 6, inner, {
            fontSize: FONT.small,
            bold: true,
          }),
        ];
        if (details) {
          texts.push(
            textBlock(details, left + 7, bottomOf(texts, y), inner, {
              fontSize: FONT.small,
              color: COLORS.muted,
              maxLines: 2,
            }),
          );
        }
        if (evidence.summary) {
          texts.push(
            textBlock(evidence.summary, left + 7, bottomOf(texts, y) + 2, inner, {
              fontSize: FONT.small,
              maxLines: 4,
            }),
          );
        }
        if (evidence.quote) {
          texts.push(
            textBlock(`“${evidence.quote}”`, left + 7, bottomOf(texts, y) + 2, inner, {
              fontSize: FONT.small,
              color: COLORS.muted,
              maxLines: 5,
            }),
          );
        }
        push({
          lane: base.lane,
          stageId: base.stageId,
          stepId: base.stepId,
          kind: 'evidence',
          x: left,
          y,
          width,
          height: bottomOf(texts, y) + 6 - y,
          fill: '#f8f9fa',
          stroke: '#ced4da',
          strokeWidth: 1,
          dashed: false,
          radius: 4,
          texts,
          accent: '#868e96',
        });
      }
      break;
    }
    default: {
      for (const item of step[lane] ?? []) push(noteItem(item, lane, base, left, y, width));
    }
  }
  return y - GAP;
}

function noteItem(
  item: LaneItem,
  lane: NoteLaneId,
  base: { lane: LaneId; stageId: string; stepId: string },
  left: number,
  y: number,
  width: number,
): ItemLayout {
  const knownBy = laneItemKnownBy(item);
  const style = knownByStyle(knownBy);
  const text = textBlock(laneItemText(item), left + 7, y + 5, width - 14, {
    fontSize: FONT.small,
    color: style.color,
    maxLines: 5,
  });
  return {
    lane: base.lane,
    stageId: base.stageId,
    stepId: base.stepId,
    kind: 'note',
    x: left,
    y,
    width,
    height: blockHeight(text) + 10,
    fill: LANE_FILLS[lane],
    stroke: style.stroke,
    strokeWidth: style.strokeWidth,
    dashed: style.dashed,
    radius: 3,
    texts: [text],
    knownBy,
  };
}

/** Marks on a step card for where the journey goes next, when that is not simply the next step. */
function stepMarkers(step: Step, labels: RenderLabels, indexes: Indexes): string[] {
  const markers: string[] = [];
  const own = indexes.stepIndex.get(step.id) ?? 0;
  const next = step.next;
  if (next !== undefined) {
    if (next.length > 1) markers.push(`↳ ${labels.routes(next.length)}`);
    for (const id of next) {
      const target = indexes.stepIndex.get(id);
      if (target === undefined) continue;
      const name = indexes.stepName.get(id) ?? id;
      if (target <= own) markers.push(`↺ ${labels.backTo(name)}`);
      else if (next.length === 1 && target !== own + 1) markers.push(`→ ${name}`);
    }
    if (next.length === 0 && own < indexes.stepCount - 1) markers.push(`• ${labels.journeyEnds}`);
  }
  if (step.subJourney) markers.push(`→ ${labels.subJourney}: ${step.subJourney.map}`);
  return markers;
}

/** Lays out a stage's KPIs as boxes in a grid; returns the bottom of its content. */
function layoutKpis(
  map: JourneyMap,
  stage: Stage,
  column: StageColumnLayout,
  top: number,
  labels: RenderLabels,
  options: RenderOptions,
  items: ItemLayout[],
): number {
  const kpis = stage.kpis ?? [];
  if (kpis.length === 0) return top;
  const inner = column.width - 2 * PAD;
  const perRow = Math.max(1, Math.min(kpis.length, Math.floor((inner + GAP) / (KPI_MIN_BOX_WIDTH + GAP))));
  const boxWidth = (inner - (perRow - 1) * GAP) / perRow;
  const overrides = options.kpiActuals?.[stage.id];
  let rowTop = top + PAD;
  let rowBottom = rowTop;
  kpis.forEach((kpi, i) => {
    const col = i % perRow;
    if (col === 0 && i > 0) rowTop = rowBottom + GAP;
    const x = column.x + PAD + col * (boxWidth + GAP);
    const textWidth = boxWidth - 14;
    const actual = overrides?.[kpi.kpi] ?? kpi.actual;
    const status: 'good' | 'bad' | 'unknown' =
      actual === undefined || kpi.target === undefined
        ? 'unknown'
        : isBetter(kpi.kpi, actual, kpi.target)
          ? 'good'
          : 'bad';
    const texts = [
      textBlock(kpiDefinition(kpi.kpi).label[map.language], x + 7, rowTop + 6, textWidth, {
        fontSize: FONT.body,
        bold: true,
        maxLines: 2,
      }),
    ];
    if (kpi.target !== undefined) {
      texts.push(
        lineBlock(
          `${labels.target}: ${formatKpiValue(kpi.kpi, kpi.target, map.language)}`,
          x + 7,
          bottomOf(texts, rowTop) + 2,
          textWidth,
          { fontSize: FONT.small, color: COLORS.muted },
        ),
      );
    }
    if (actual !== undefined) {
      texts.push(
        lineBlock(
          `${labels.actual}: ${formatKpiValue(kpi.kpi, actual, map.language)}`,
          x + 7,
          bottomOf(texts, rowTop) + 2,
          textWidth,
          {
            fontSize: FONT.small,
            bold: true,
            color: status === 'good' ? COLORS.good : status === 'bad' ? COLORS.bad : COLORS.text,
          },
        ),
      );
    }
    if (kpi.note) {
      texts.push(
        textBlock(kpi.note, x + 7, bottomOf(texts, rowTop) + 2, textWidth, {
          fontSize: FONT.small,
          color: COLORS.muted,
          maxLines: 2,
        }),
      );
    }
    const item: ItemLayout = {
      lane: 'kpis',
      stageId: stage.id,
      kind: 'kpi',
      x,
      y: rowTop,
      width: boxWidth,
      height: bottomOf(texts, rowTop) + 6 - rowTop,
      fill: '#ffffff',
      stroke: status === 'good' ? COLORS.good : status === 'bad' ? COLORS.bad : COLORS.grid,
      strokeWidth: 1,
      dashed: false,
      radius: 4,
      texts,
      kpi: { id: kpi.kpi, status },
    };
    items.push(item);
    rowBottom = Math.max(rowBottom, item.y + item.height);
  });
  // Boxes in one row share the tallest box's height, so the grid reads as a table.
  const stageItems = items.slice(items.length - kpis.length);
  const rowHeights = new Map<number, number>();
  for (const item of stageItems) rowHeights.set(item.y, Math.max(rowHeights.get(item.y) ?? 0, item.height));
  for (const item of stageItems) item.height = rowHeights.get(item.y) ?? item.height;
  return rowBottom;
}

function layoutCurve(
  map: JourneyMap,
  personas: ReturnType<typeof curvePersonas>,
  columns: readonly StageColumnLayout[],
  top: number,
  label: TextBlock,
): { curve: EmotionCurveLayout; height: number } {
  // Persona legend under the lane label, then the plot area beside it.
  const legend: EmotionCurveLayout['legend'] = [];
  let legendY = bottomOf([label], top) + 8;
  for (const { persona, color } of personas) {
    // Leaves room at the right for the axis labels (+2 .. −2).
    const text = textBlock(persona.name, MARGIN + PAD + 22, legendY, LABEL_COLUMN_WIDTH - 2 * PAD - 22 - 22, {
      fontSize: FONT.small,
      maxLines: 2,
    });
    legend.push({ color, x: MARGIN + PAD, y: legendY + lineHeightOf(FONT.small) / 2, label: text });
    legendY += blockHeight(text) + 4;
  }
  const height = Math.max(CURVE_HEIGHT, legendY - top + PAD);
  const plotTop = top + 24;
  const plotBottom = top + height - 24;
  const unit = (plotBottom - plotTop) / (FEELING_MAX - FEELING_MIN);
  const yOf = (score: number): number => plotBottom - (score - FEELING_MIN) * unit;
  const axisX = MARGIN + LABEL_COLUMN_WIDTH - 6;
  const gridLines: EmotionCurveLayout['gridLines'] = [];
  for (let score = FEELING_MAX; score >= FEELING_MIN; score--) {
    const lineY = yOf(score);
    gridLines.push({
      score,
      y: lineY,
      label: lineBlock(signed(score), axisX, lineY - lineHeightOf(FONT.small) / 2, 24, {
        fontSize: FONT.small,
        color: COLORS.faint,
        anchor: 'end',
      }),
    });
  }
  // Scores already labelled per step, so that personas sharing a score put their labels side by
  // side instead of on top of each other.
  const labelled = new Map<string, number[]>();
  const curves: PersonaCurveLayout[] = personas.map(({ persona, color }) => {
    const points: CurvePointLayout[] = [];
    map.stages.forEach((stage, i) => {
      const column = columns[i] as StageColumnLayout;
      stage.steps.forEach((step, s) => {
        const score = step.feelings?.[persona.id];
        if (score === undefined) return;
        const cell = column.steps[s] as StepColumnLayout;
        const px = cell.x + cell.width / 2;
        const py = yOf(score);
        const earlier = labelled.get(step.id) ?? [];
        const same = earlier.filter((other) => other === score).length;
        labelled.set(step.id, [...earlier, score]);
        const lineHeight = lineHeightOf(FONT.small);
        const style = { fontSize: FONT.small, bold: true, color };
        let label: TextBlock;
        if (same === 0) {
          const labelY = score >= 0 ? py - 8 - lineHeight : py + 8;
          label = lineBlock(signed(score), px, labelY, 40, { ...style, anchor: 'middle' });
        } else if (same % 2 === 1) {
          label = lineBlock(signed(score), px + 8, py - lineHeight / 2, 40, { ...style, anchor: 'start' });
        } else {
          label = lineBlock(signed(score), px - 8, py - lineHeight / 2, 40, { ...style, anchor: 'end' });
        }
        const labelWidth = measureText(label.lines[0] ?? '', FONT.small, true);
        const labelLeft =
          label.anchor === 'middle'
            ? label.x - labelWidth / 2
            : label.anchor === 'end'
              ? label.x - labelWidth
              : label.x;
        const labelBox = { x: labelLeft - 2, y: label.y + 1, width: labelWidth + 4, height: lineHeight - 2 };
        points.push({ x: px, y: py, stepId: step.id, score, label, labelBox });
      });
    });
    return { personaId: persona.id, name: persona.name, color, points, path: smoothPath(points) };
  });
  return {
    curve: { gridLines, zeroY: yOf(0), personas: curves, legend },
    height,
  };
}
