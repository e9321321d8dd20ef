import { describe, expect, it } from 'vitest';
import { layoutPdf, renderDrawingPdf } from './pdf.ts';
import { readPdf } from './pdf-text.ts';
import { dutchMap, fixtureDrawing, wideMap } from './test-maps.ts';

describe('renderDrawingPdf', () => {
  it('is one A3 landscape page with every stage name as real text, Dutch letters intact', async () => {
    const map = dutchMap();
    const data = await renderDrawingPdf(fixtureDrawing(map), { title: map.title, language: 'nl' });
    const { pages, info } = await readPdf(data);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page?.width).toBeCloseTo(1190.55, 0);
    expect(page?.height).toBeCloseTo(841.89, 0);
    for (const name of ['Overweging', 'Dienst na verkoop', 'Ideeën', 'Geïnteresseerd', 'Café', 'ĳs']) {
      expect(page?.text).toContain(name);
    }
    expect(page?.text).toContain('Schoenen kopen: één klantreis — pagina 1/1');
    expect(info.Title).toBe('Schoenen kopen: één klantreis');
    expect(info.Creator).toBe('Touchline');
  });

  it('cuts a wide map at stage boundaries, repeating the labels and title on every page', async () => {
    const map = wideMap(12);
    const drawing = fixtureDrawing(map);
    // 12 stages of 320 + 140 labels = 3980 wide, 380 high. A3 landscape leaves 1134.55 x 767.89 pt
    // (margins 28, footer 18). Whole, it would be 1134.55 / 3980 = 0.285 < 0.75: too small, so cut.
    // Height allows 767.89 / 380 = 2.0208, labels plus one stage (460) 2.466, capped at 1.
    // Room for stages: 1134.55 / 1 - 140 = 994.55: three 320-wide stages per page, 4 pages.
    // At natural size (0.75) room is 1512.73 - 140 = 1372.7: four stages (1280), 3 pages. The
    // largest scale that keeps 3 pages leaves room for 1280: 1134.55 / 1420 = 0.79898.
    const layout = layoutPdf(drawing);
    expect(layout.scale).toBeCloseTo(0.79898, 5);
    expect(layout.pages.map((columns) => columns.length)).toEqual([4, 4, 4]);

    const { pages } = await readPdf(await renderDrawingPdf(drawing, { title: map.title, language: 'nl' }));
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      expect(page.width).toBeCloseTo(1190.55, 0);
      for (let stage = 4 * i + 1; stage <= 4 * i + 4; stage++)
        expect(page.text).toContain(`Fase ${stage} Geïnteresseerd`);
      expect(page.text).toContain('Pijnpunten');
      expect(page.text).toContain('Brede kaart');
      expect(page.text).toContain(`pagina ${i + 1}/3`);
    });
    // Text of other pages' stages is not hidden behind the clip.
    expect(pages[0]?.text).not.toContain('Fase 5 ');
    expect(pages[0]?.text).not.toContain('Stap 9a');
    expect(pages[1]?.text).not.toContain('Fase 4 ');
  });

  it('packs several stages per page when the drawing is tall', async () => {
    const map = wideMap(12);
    const drawing = fixtureDrawing(map);
    const tall = { ...drawing, height: drawing.height * 4 };
    // Height 1520: scale = min(767.89 / 1520, 1134.55 / 460) = 0.50519; room = 1134.55 / 0.50519
    // - 140 = 2105.8, so 6 stages (1920) per page: 6 + 6.
    const layout = layoutPdf(tall);
    expect(layout.scale).toBeCloseTo(0.50519, 4);
    expect(layout.pages.map((columns) => columns.length)).toEqual([6, 6]);
    const { pages } = await readPdf(await renderDrawingPdf(tall, { title: map.title, language: 'en' }));
    expect(pages).toHaveLength(2);
    expect(pages[1]?.text).toContain('Fase 7 Geïnteresseerd');
    expect(pages[1]?.text).toContain('Fase 12 Geïnteresseerd');
    expect(pages[1]?.text).not.toContain('Fase 6 ');
    expect(pages[1]?.text).toContain('Brede kaart — page 2/2');
  });

  it('honours page size and orientation', () => {
    const drawing = fixtureDrawing(dutchMap());
    const a4 = layoutPdf(drawing, { pageSize: 'A4', orientation: 'portrait' });
    expect([a4.pageWidth, a4.pageHeight]).toEqual([595.28, 841.89]);
    // Whole on one page: min(757.89 / 380, 539.28 / 1260) = 0.428 < 0.75, so it is cut: scale
    // min(1.9944, 539.28 / 460 = 1.1723, 1) = 1, room 539.28 - 140 = 399.28: the two-step stage
    // (320) alone, then two one-step stages (160) per page: 4 pages. At 0.75 the room is 579.04:
    // 320 + 160, then 3 x 160, then 160: 3 pages, which needs a room of 480 (320 + 160, 3 x 160),
    // so scale = 539.28 / (480 + 140) = 0.86981.
    expect(a4.scale).toBeCloseTo(0.86982, 4);
    expect(a4.pages.map((columns) => columns.length)).toEqual([2, 3, 1]);
  });
});
