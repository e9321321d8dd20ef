import { Resvg } from '@resvg/resvg-js';
import type { JourneyMap } from '@touchline/core';
import { type DrawingOptions, drawMap } from './drawing.ts';
import { FONT_FAMILY, FONT_FILES } from './fonts.ts';

export interface PngOptions {
  /** Pixels per SVG unit. Default 2, sharp enough for a slide or a wiki page. */
  scale?: number;
}

/**
 * Rasterises an SVG drawing on a white background. Only the packaged DejaVu fonts are loaded, so
 * the picture is the same on every machine and Dutch letters never fall back to boxes.
 */
export function renderPng(svg: string, options: PngOptions = {}): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: [...FONT_FILES], defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

/** Draws the map with the core renderer and rasterises it. */
export function renderMapPng(map: JourneyMap, options: PngOptions & DrawingOptions = {}): Buffer {
  return renderPng(drawMap(map, options).svg, options);
}
