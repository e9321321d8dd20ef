import { describe, expect, it } from 'vitest';
import { keepTextInRegion } from './svg-region.ts';

describe('keepTextInRegion', () => {
  const svg = [
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100">',
    '<text x="10" y="20">Links</text>',
    '<g transform="translate(200, 0)"><rect x="0" y="0" width="10" height="10"/>',
    '<text x="10" y="20"><tspan>Rechts</tspan></text>',
    '<g transform="rotate(90)"><text x="500" y="20">Gedraaid</text></g>',
    '</g>',
    '<text x="150" y="90">Onder</text>',
    '</svg>',
  ].join('');

  it('keeps text anchored inside the region, with translations added up', () => {
    const left = keepTextInRegion(svg, { x0: 0, y0: 0, x1: 200, y1: 100 });
    expect(left).toContain('Links');
    expect(left).toContain('Onder');
    // "Rechts" sits at 200 + 10 = 210, outside.
    expect(left).not.toContain('Rechts');
    // Under a rotation the position is unknown, so the text stays.
    expect(left).toContain('Gedraaid');
    // Shapes are never removed.
    expect(left).toContain('<rect');
  });

  it('filters on y as well', () => {
    const top = keepTextInRegion(svg, { x0: 0, y0: 0, x1: 400, y1: 50 });
    expect(top).toContain('Rechts');
    expect(top).not.toContain('Onder');
    expect(top.endsWith('</svg>')).toBe(true);
  });
});
