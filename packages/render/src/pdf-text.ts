import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a PDF reader sees in a PDF: page sizes, the text on each page, and the metadata. */
export interface PdfContent {
  pages: { width: number; height: number; text: string }[];
  info: Record<string, unknown>;
}

/** Reads a PDF with pdf.js, as a viewer would; for tests. */
export async function readPdf(data: Buffer): Promise<PdfContent> {
  const pdf = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const pages: PdfContent['pages'] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join('\n');
    pages.push({ width: viewport.width, height: viewport.height, text });
  }
  const metadata = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, info: metadata.info as Record<string, unknown> };
}
