/** Zoom steps of the map view: pure, so the steps and limits are tested without a browser. */

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
const STEP = 1.25;

/** `'fit'` scales the map to the view's width; a number is the scale of the drawing's own size. */
export type Zoom = 'fit' | number;

/** The scale a zoom shows at, given the scale that fits the width. */
export function scaleOf(zoom: Zoom, fitScale: number): number {
  return zoom === 'fit' ? fitScale : zoom;
}

function clamp(scale: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));
}

/** One step in (`+1`) or out (`-1`) from the scale shown now, kept within the limits. */
export function zoomStep(zoom: Zoom, fitScale: number, direction: 1 | -1): number {
  const scale = scaleOf(zoom, fitScale) * (direction === 1 ? STEP : 1 / STEP);
  return clamp(Math.round(scale * 1000) / 1000);
}

/** The scale at which a drawing `naturalWidth` wide fills `viewWidth`, never above 1:1. */
export function fitScaleOf(naturalWidth: number, viewWidth: number): number {
  if (naturalWidth <= 0 || viewWidth <= 0) return 1;
  return clamp(Math.min(1, viewWidth / naturalWidth));
}
