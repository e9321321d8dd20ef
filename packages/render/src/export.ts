import type { JourneyMap } from '@touchline/core';
import { renderCsv } from './csv.ts';
import { drawMap } from './drawing.ts';
import { renderMarkdown } from './markdown.ts';
import { renderMatrixCsv } from './matrix.ts';
import { renderMermaid } from './mermaid.ts';
import { type PageSize, renderDrawingPdf } from './pdf.ts';
import { renderPng } from './png.ts';

/** Every format a map can be exported to. */
export const EXPORT_FORMATS = ['svg', 'png', 'pdf', 'md', 'csv', 'mermaid', 'matrix'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** PDF page size, default A3. */
  pageSize?: PageSize;
  /** PDF orientation, default landscape. */
  orientation?: 'landscape' | 'portrait';
  /** PNG pixels per SVG unit, default 2. */
  scale?: number;
}

export interface ExportResult {
  /** Text for the text formats, bytes for PNG and PDF. */
  data: Buffer | string;
  mediaType: string;
  /** File name ending, with its dot: `.pdf`, `.matrix.csv` ... */
  extension: string;
}

/**
 * Exports a map in one format.
 *
 * @example
 * const { data, extension } = await exportMap(map, 'pdf', { pageSize: 'A2' });
 * writeFileSync(`shoes${extension}`, data);
 */
export async function exportMap(
  map: JourneyMap,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportResult> {
  switch (format) {
    case 'svg':
      return { data: drawMap(map).svg, mediaType: 'image/svg+xml', extension: '.svg' };
    case 'png':
      return {
        data: renderPng(drawMap(map).svg, options.scale !== undefined ? { scale: options.scale } : {}),
        mediaType: 'image/png',
        extension: '.png',
      };
    case 'pdf': {
      const data = await renderDrawingPdf(drawMap(map), {
        title: map.title,
        language: map.language,
        ...(options.pageSize ? { pageSize: options.pageSize } : {}),
        ...(options.orientation ? { orientation: options.orientation } : {}),
      });
      return { data, mediaType: 'application/pdf', extension: '.pdf' };
    }
    case 'md':
      return { data: renderMarkdown(map), mediaType: 'text/markdown; charset=utf-8', extension: '.md' };
    case 'csv':
      return { data: renderCsv(map), mediaType: 'text/csv; charset=utf-8', extension: '.csv' };
    case 'mermaid':
      return { data: renderMermaid(map), mediaType: 'text/vnd.mermaid; charset=utf-8', extension: '.mmd' };
    case 'matrix':
      return { data: renderMatrixCsv(map), mediaType: 'text/csv; charset=utf-8', extension: '.matrix.csv' };
  }
}
