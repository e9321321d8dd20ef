import { describe, expect, it } from 'vitest';
import { escapeXml, fitLine, measureText, wrapText } from './text.ts';

describe('measureText', () => {
  it('adds DejaVu Sans advance widths', () => {
    // H = 0.752 em, i = 0.2778 em (regular); 0.8369 and 0.3428 (bold).
    expect(measureText('Hi', 10)).toBeCloseTo(10.298, 3);
    expect(measureText('Hi', 10, true)).toBeCloseTo(11.797, 3);
  });

  it('knows the Dutch ĳ and the ellipsis, and falls back for other scripts', () => {
    expect(measureText('ĳ', 20)).toBeCloseTo(11.114, 3);
    expect(measureText('…', 12)).toBeCloseTo(12, 3);
    // Outside the table: the average letter width, 0.6209 em.
    expect(measureText('字', 10)).toBeCloseTo(6.209, 3);
  });
});

describe('wrapText', () => {
  // At 10 px: "aa" = 12.256, " " = 3.179, "bb" = 12.696, so "aa bb" = 28.131.
  it('breaks at a space only when the words do not fit', () => {
    expect(wrapText('aa bb', 28, { fontSize: 10 }).lines).toEqual(['aa', 'bb']);
    expect(wrapText('aa bb', 28.2, { fontSize: 10 }).lines).toEqual(['aa bb']);
  });

  it('collapses runs of white space', () => {
    expect(wrapText('  aa \n  bb ', 100, { fontSize: 10 }).lines).toEqual(['aa bb']);
  });

  it('splits a word wider than the line', () => {
    const { lines } = wrapText('abcdefghijkl', 30, { fontSize: 10 });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('abcdefghijkl');
    for (const line of lines) expect(measureText(line, 10)).toBeLessThanOrEqual(30);
  });

  it('breaks a long hyphenated word after a hyphen', () => {
    const { lines } = wrapText('Hotline-medewerker', 80, { fontSize: 11 });
    expect(lines).toEqual(['Hotline-', 'medewerker']);
  });

  it('cuts after maxLines with an ellipsis that still fits', () => {
    const wrapped = wrapText('alpha beta gamma delta epsilon zeta', 60, { fontSize: 10, maxLines: 2 });
    expect(wrapped.truncated).toBe(true);
    expect(wrapped.lines).toHaveLength(2);
    expect(wrapped.lines[1]?.endsWith('…')).toBe(true);
    for (const line of wrapped.lines) expect(measureText(line, 10)).toBeLessThanOrEqual(60);
  });

  it('is not truncated when everything fits', () => {
    const wrapped = wrapText('alpha beta', 200, { fontSize: 10, maxLines: 1 });
    expect(wrapped).toEqual({ lines: ['alpha beta'], truncated: false });
  });

  it('never exceeds the width, whatever the text', () => {
    const words = ['Klantreis', 'ĳsbeer', 'W', 'onderzoeksresultaten', '&', 'é', 'checkout-pagina', 'x'];
    for (let n = 1; n < 60; n++) {
      const text = Array.from({ length: n }, (_, i) => words[(i * 7 + n) % words.length]).join(' ');
      for (const width of [40, 90, 140]) {
        for (const bold of [false, true]) {
          const { lines } = wrapText(text, width, { fontSize: 12, bold, maxLines: 4 });
          for (const line of lines) expect(measureText(line, 12, bold)).toBeLessThanOrEqual(width);
        }
      }
    }
  });
});

describe('fitLine', () => {
  it('keeps a line that fits and cuts one that does not', () => {
    expect(fitLine('aa', 20, 10)).toEqual({ lines: ['aa'], truncated: false });
    const cut = fitLine('aaaaaaaaaa', 40, 10);
    expect(cut.truncated).toBe(true);
    // "…" is 10 px, each "a" 6.128 px: four a's (24.5) + ellipsis = 34.5 <= 40; five would be 40.6.
    expect(cut.lines).toEqual(['aaaa…']);
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML forbids', () => {
    expect(escapeXml(`a & b < c > "d" 'e'\u0007`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
  });
});
