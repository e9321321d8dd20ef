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
  /** Height of the title block, drawn on the first page only. */
  titleHeight: number;
  columns: readonly { stageId: string; x: number; width: number }[];
}
