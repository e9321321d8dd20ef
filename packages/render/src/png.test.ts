import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderPng } from './png.ts';
import { dutchMap, fixtureDrawing } from './test-maps.ts';

function decode(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

describe('renderPng', () => {
  const drawing = fixtureDrawing(dutchMap());

  it('is the drawing size times the scale', () => {
    // 140 label column + 6 stage columns: the first has two steps (320), five have one (160) = 1260.
    expect(drawing.width).toBe(1260);
    const png = decode(renderPng(drawing.svg, { scale: 2 }));
    expect(png.width).toBe(2520);
    expect(png.height).toBe(drawing.height * 2);
    const single = decode(renderPng(drawing.svg, { scale: 1 }));
    expect([single.width, single.height]).toEqual([1260, drawing.height]);
  });

  it('paints a white background and dark text', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="30" font-family="DejaVu Sans" font-size="28">Ideeën ĳs</text></svg>';
    const png = decode(renderPng(svg, { scale: 1 }));
    // Top-left corner is outside the text: white and opaque.
    expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] ?? 255) < 100) dark++;
    // Text was drawn with the packaged font: a good share of pixels are ink.
    expect(dark).toBeGreaterThan(300);
  });
});
