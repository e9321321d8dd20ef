import type { KpiId } from '../kpi/catalogue.ts';

/** The rows of the drawn grid, top to bottom. */
export const LANE_IDS = [
  'steps',
  'touchpoints',
  'departments',
  'thoughts',
  'questions',
  'motivations',
  'feelings',
  'painPoints',
  'opportunities',
  'evidence',
  'kpis',
] as const;
export type LaneId = (typeof LANE_IDS)[number];

export interface RenderOptions {
  /** Rows to draw, in this order. Default: every lane that has content, in LANE_IDS order (steps always). */
  lanes?: readonly LaneId[];
  /** Persona ids whose emotion curves are drawn. Default: all personas with feelings. */
  personas?: readonly string[];
  /** Actual KPI values per stage id, e.g. from analytics; they override a KPI's `actual` in the map. */
  kpiActuals?: Readonly<Record<string, Partial<Record<KpiId, number>>>>;
}

/** Where a stage's column sits in the drawing, so exports can cut pages at stage boundaries. */
export interface StageColumn {
  stageId: string;
  x: number;
  width: number;
}

export interface RenderedMap {
  svg: string;
  width: number;
  height: number;
  /** Width of the lane-label column at the left, which a multi-page export repeats on every page. */
  headerWidth: number;
  /** Height of the title block at the top, drawn once. */
  titleHeight: number;
  columns: StageColumn[];
}
