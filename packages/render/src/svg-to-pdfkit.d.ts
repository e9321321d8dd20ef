declare module 'svg-to-pdfkit' {
  /** Set by the callback when a style must be imitated because no matching font was returned. */
  interface FontOptions {
    fauxItalic: boolean;
    fauxBold: boolean;
  }

  interface SvgToPdfOptions {
    /** Viewport size; defaults to the page size. */
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat SVG units as PDF points instead of CSS pixels (1px = 0.75pt). */
    assumePt?: boolean;
    /** Returns the name of a font registered with `doc.registerFont` for an SVG font-family. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: FontOptions) => string;
    warningCallback?: (message: string) => void;
    precision?: number;
  }

  /** Draws `svg` (markup) into the current page of `doc` at `x`, `y`. */
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: SvgToPdfOptions,
  ): void;
}
