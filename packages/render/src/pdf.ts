import type { JourneyMap, Language } from '@touchline/core';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { type DrawingOptions, drawMap, type MapDrawing } from './drawing.ts';
import { FONT_BOLD_PATH, FONT_REGULAR_PATH } from './fonts.ts';
import { exportLabels } from './labels.ts';
import { keepTextInRegion, type Region } from './svg-region.ts';

export type PageSize = 'A4' | 'A3' | 'A2';
export type Orientation = 'landscape' | 'portrait';

export interface PdfOptions {
  /** Default A3: a journey map is wide, and A3 is the largest size most office printers take. */
  pageSize?: PageSize;
  /** Default landscape. */
  orientation?: Orientation;
}

/** Portrait width and height of each page size, in PDF points. */
export const PAGE_SIZES: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  A3: { width: 841.89, height: 1190.55 },
  A2: { width: 1190.55, height: 1683.78 },
};

/** Points per SVG unit at the drawing's natural print size (1 CSS pixel = 0.75 pt). */
const NATURAL_SCALE = 0.75;
/**
 * The largest scale: 1 pt per SVG unit, a third above natural size. Beyond it a small map would be
 * blown up into a poster, and a low, wide one would spread over a page per stage.
 */
const MAX_SCALE = 1;
/** Margin around the drawing, in points. */
const MARGIN = 28;
/** Room below the drawing for the footer, in points. */
const FOOTER_HEIGHT = 18;
const FONT = 'DejaVuSans';
const FONT_BOLD = 'DejaVuSans-Bold';

type StageColumn = MapDrawing['columns'][number];

/** How a drawing is laid out on pages: one scale, and the stage columns each page shows. */
export interface PdfLayout {
  pageWidth: number;
  pageHeight: number;
  /** Points per SVG unit. */
  scale: number;
  /** Per page, the stage columns it shows; one entry with every column when the map fits one page. */
  pages: StageColumn[][];
}

/** Page width and height in points for a size and orientation. */
export function pageDimensions(size: PageSize, orientation: Orientation): { width: number; height: number } {
  const { width, height } = PAGE_SIZES[size];
  return orientation === 'landscape' ? { width: height, height: width } : { width, height };
}

/** Cuts the stage columns into pages of at most `room` SVG units each, in order. */
function packColumns(columns: readonly StageColumn[], room: number): StageColumn[][] {
  const pages: StageColumn[][] = [];
  let current: StageColumn[] = [];
  let used = 0;
  for (const column of columns) {
    if (current.length > 0 && used + column.width > room + 0.01) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(column);
    used += column.width;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/**
 * A drawing that fits one page whole at its natural print size or larger goes on one page, as large
 * as fits (at most 1 pt per SVG unit). Otherwise it is scaled so its height fits the page (with the
 * same upper limit) and cut into pages at stage boundaries; every page repeats the lane-label
 * column, so the scale also keeps the widest stage plus that column within one page. When a
 * smaller scale, down to natural size, needs fewer pages, the largest scale that does is used:
 * three full pages read better than four half-empty ones.
 */
export function layoutPdf(drawing: MapDrawing, options: PdfOptions = {}): PdfLayout {
  const { width: pageWidth, height: pageHeight } = pageDimensions(
    options.pageSize ?? 'A3',
    options.orientation ?? 'landscape',
  );
  const usableWidth = pageWidth - 2 * MARGIN;
  const usableHeight = pageHeight - 2 * MARGIN - FOOTER_HEIGHT;
  const wholeScale = Math.min(usableHeight / drawing.height, usableWidth / drawing.width, MAX_SCALE);
  if (wholeScale >= NATURAL_SCALE)
    return { pageWidth, pageHeight, scale: wholeScale, pages: [[...drawing.columns]] };
  const widestColumn = Math.max(0, ...drawing.columns.map((column) => column.width));
  const largest = Math.min(
    usableHeight / drawing.height,
    usableWidth / (drawing.headerWidth + widestColumn),
    MAX_SCALE,
  );
  const pagesAt = (scale: number) => packColumns(drawing.columns, usableWidth / scale - drawing.headerWidth);
  let scale = largest;
  const smallest = Math.min(NATURAL_SCALE, largest);
  const fewest = pagesAt(smallest).length;
  if (pagesAt(largest).length > fewest) {
    // Fewer pages need more room, so the page count only grows with the scale: bisect for the
    // largest scale that still gives the fewest pages.
    let low = smallest;
    let high = largest;
    for (let i = 0; i < 30; i++) {
      const middle = (low + high) / 2;
      if (pagesAt(middle).length <= fewest) low = middle;
      else high = middle;
    }
    scale = low;
  }
  return { pageWidth, pageHeight, scale, pages: pagesAt(scale) };
}

/**
 * Draws one region of the drawing at a place on the page, clipped to the region. Text outside the
 * region is removed first so the page's text layer holds only what is visible.
 */
function drawRegion(
  doc: PDFKit.PDFDocument,
  drawing: MapDrawing,
  region: Region,
  at: { x: number; y: number },
  scale: number,
): void {
  const svg = keepTextInRegion(drawing.svg, region);
  doc.save();
  doc.rect(at.x, at.y, (region.x1 - region.x0) * scale, (region.y1 - region.y0) * scale).clip();
  doc.translate(at.x - region.x0 * scale, at.y - region.y0 * scale);
  doc.scale(scale);
  SVGtoPDF(doc, svg, 0, 0, {
    width: drawing.width,
    height: drawing.height,
    assumePt: true,
    // Every family maps to the embedded DejaVu Sans, so text stays text and Dutch letters survive.
    fontCallback: (_family, bold) => (bold ? FONT_BOLD : FONT),
    // Unsupported SVG features are drawn as well as the library can; their warnings are noise here.
    warningCallback: () => {},
  });
  doc.restore();
}

export interface DrawingPdfOptions extends PdfOptions {
  title: string;
  language: Language;
}

/** Lays a drawing out on pages (see {@link layoutPdf}) and writes the PDF. */
export function renderDrawingPdf(drawing: MapDrawing, options: DrawingPdfOptions): Promise<Buffer> {
  const layout = layoutPdf(drawing, options);
  const doc = new PDFDocument({
    size: [layout.pageWidth, layout.pageHeight],
    margin: 0,
    autoFirstPage: false,
    info: { Title: options.title, Creator: 'Touchline', Producer: 'Touchline' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, FONT_REGULAR_PATH);
  doc.registerFont(FONT_BOLD, FONT_BOLD_PATH);
  const { scale } = layout;
  const pageWord = exportLabels(options.language).page;
  layout.pages.forEach((columns, index) => {
    doc.addPage({ size: [layout.pageWidth, layout.pageHeight], margin: 0 });
    if (layout.pages.length === 1) {
      drawRegion(
        doc,
        drawing,
        { x0: 0, y0: 0, x1: drawing.width, y1: drawing.height },
        { x: MARGIN, y: MARGIN },
        scale,
      );
    } else {
      const first = columns[0];
      const last = columns[columns.length - 1];
      const x0 = first?.x ?? drawing.headerWidth;
      const x1 = last ? last.x + last.width : x0;
      const body = { top: drawing.titleHeight, bottom: drawing.height };
      // The title block is cut at the page's edge, not at the page's last stage, so a legend to the
      // right of the title stays whole on narrow pages.
      const titleWidth = Math.min(drawing.width, (layout.pageWidth - 2 * MARGIN) / scale);
      const top = MARGIN + drawing.titleHeight * scale;
      drawRegion(
        doc,
        drawing,
        { x0: 0, y0: 0, x1: titleWidth, y1: body.top },
        { x: MARGIN, y: MARGIN },
        scale,
      );
      drawRegion(
        doc,
        drawing,
        { x0: 0, y0: body.top, x1: drawing.headerWidth, y1: body.bottom },
        { x: MARGIN, y: top },
        scale,
      );
      drawRegion(
        doc,
        drawing,
        { x0, y0: body.top, x1, y1: body.bottom },
        { x: MARGIN + drawing.headerWidth * scale, y: top },
        scale,
      );
    }
    const footer = `${options.title} — ${pageWord} ${index + 1}/${layout.pages.length}`;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#555555')
      .text(footer, MARGIN, layout.pageHeight - MARGIN - 8, { lineBreak: false });
  });
  doc.end();
  return finished;
}

/**
 * The map as a printable PDF: vector drawing, selectable text in the embedded DejaVu Sans, A3
 * landscape unless asked otherwise; wide maps run over several pages (see {@link layoutPdf}).
 */
export function renderMapPdf(map: JourneyMap, options: PdfOptions & DrawingOptions = {}): Promise<Buffer> {
  return renderDrawingPdf(drawMap(map, options), { ...options, title: map.title, language: map.language });
}
