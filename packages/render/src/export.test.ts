import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportMap } from './export.ts';
import { dutchMap } from './test-maps.ts';

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
});
