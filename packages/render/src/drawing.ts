import { type JourneyMap, renderMapSvg } from '@touchline/core';

/**
 * The parts of core's `RenderedMap` (packages/core/src/render/types.ts) that the PNG and PDF
 * exports read. Kept structural so a drawing from any source that keeps the contract will do.
 */
export interface MapDrawing {
  svg: string;
  width: number;
  height: number;
  /** Width of the lane-label column, repeated on every PDF page. */
  headerWidth: number;
  /** Height of the title block, repeated on every PDF page. */
  titleHeight: number;
  columns: readonly { stageId: string; x: number; width: number }[];
}

/** Options passed through to core's renderer (see `RenderOptions` in @touchline/core). */
export type DrawingOptions = Parameters<typeof renderMapSvg>[1];

/** Draws the map with core's SVG renderer; the one place the exports call it. */
export function drawMap(map: JourneyMap, options?: DrawingOptions): MapDrawing {
  return renderMapSvg(map, options);
}
