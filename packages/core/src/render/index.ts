import type { JourneyMap } from '../schema.ts';
import { layoutMap } from './layout.ts';
import { writeSvg } from './svg.ts';
import type { RenderedMap, RenderOptions } from './types.ts';

export * from './curve-geometry.ts';
export { channelIconPath } from './icons.ts';
export { RENDER_LABELS, type RenderLabels, renderLabels } from './labels.ts';
export * from './layout.ts';
export { writeSvg } from './svg.ts';
export { escapeXml, FONT_FAMILY, measureText, wrapText } from './text.ts';
export * from './types.ts';

/**
 * Draws a journey map as an SVG document: title block, stages as columns, lanes as rows, the
 * emotion curve. The one renderer behind every export (SVG, PNG, PDF) and the web app's preview.
 *
 * @example
 * const { svg, width, height } = renderMapSvg(map, { lanes: ['steps', 'touchpoints', 'feelings'] });
 */
export function renderMapSvg(map: JourneyMap, options: RenderOptions = {}): RenderedMap {
  const layout = layoutMap(map, options);
  return {
    svg: writeSvg(layout),
    width: layout.width,
    height: layout.height,
    headerWidth: layout.headerWidth,
    titleHeight: layout.titleHeight,
    columns: layout.columns.map((column) => ({ stageId: column.stageId, x: column.x, width: column.width })),
  };
}
