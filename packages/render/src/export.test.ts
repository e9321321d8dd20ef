import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawMap } from './drawing.ts';
import { EXPORT_FORMATS, exportMap } from './export.ts';
import { readPdf } from './pdf-text.ts';
import { dutchMap, wideMap } from './test-maps.ts';

describe('exportMap', () => {
  const map = dutchMap();

  it.each([
    ['md', 'text/markdown; charset=utf-8', '.md'],
    ['csv', 'text/csv; charset=utf-8', '.csv'],
    ['mermaid', 'text/vnd.mermaid; charset=utf-8', '.mmd'],
    ['matrix', 'text/csv; charset=utf-8', '.matrix.csv'],
  ] as const)('%s is text as %s with extension %s', async (format, mediaType, extension) => {
    const result = await exportMap(map, format);
    expect(result.mediaType).toBe(mediaType);
    expect(result.extension).toBe(extension);
    expect(typeof result.data).toBe('string');
    // Every text format names the map's steps.
    expect(String(result.data)).toContain('Bekijkt de webshop');
  });

  it('lists the seven formats the CLI offers', () => {
    expect(EXPORT_FORMATS).toEqual(['svg', 'png', 'pdf', 'md', 'csv', 'mermaid', 'matrix']);
  });

  it('gives the core drawing as SVG, and PNG at its size times the scale', async () => {
    const drawing = drawMap(map);
    const svg = await exportMap(map, 'svg');
    expect([svg.mediaType, svg.extension, svg.data]).toEqual(['image/svg+xml', '.svg', drawing.svg]);
    const png = await exportMap(map, 'png', { scale: 1.5 });
    expect([png.mediaType, png.extension]).toEqual(['image/png', '.png']);
    const decoded = PNG.sync.read(png.data as Buffer);
    expect(decoded.width).toBe(Math.round(drawing.width * 1.5));
    expect(decoded.height).toBe(Math.round(drawing.height * 1.5));
  });

  it('gives a PDF of the real drawing with every stage name as text, Dutch letters intact', async () => {
    const pdf = await exportMap(map, 'pdf');
    expect([pdf.mediaType, pdf.extension]).toEqual(['application/pdf', '.pdf']);
    const { pages, info } = await readPdf(pdf.data as Buffer);
    expect(pages[0]?.width).toBeCloseTo(1190.55, 0);
    expect(pages[0]?.height).toBeCloseTo(841.89, 0);
    const text = pages.map((page) => page.text).join('\n');
    for (const name of ['Overweging', 'Dienst na verkoop', 'Ideeën', 'Geïnteresseerd', 'Café', 'ĳs'])
      expect(text).toContain(name);
    expect(info.Title).toBe(map.title);
  });

  it('spreads a 12-stage map over several pages, each stage name on its page only', async () => {
    const wide = wideMap(12);
    const { pages } = await readPdf((await exportMap(wide, 'pdf', { pageSize: 'A4' })).data as Buffer);
    expect(pages.length).toBeGreaterThan(1);
    for (let stage = 1; stage <= 12; stage++) {
      const holding = pages.filter((page) => page.text.includes(`Fase ${stage} Geïnteresseerd`));
      expect(holding).toHaveLength(1);
    }
    for (const page of pages) expect(page.text).toContain('Brede kaart');
  });
});
