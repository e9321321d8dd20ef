import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapJsonSchema } from './json-schema.ts';

describe('mapJsonSchema', () => {
  it('matches the map.schema.json shipped with the package (run npm run generate:schema after a schema change)', () => {
    const shipped = JSON.parse(readFileSync(new URL('../map.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(mapJsonSchema());
  });

  it('describes the fields editors complete', () => {
    const schema = mapJsonSchema() as {
      properties: Record<string, { enum?: string[]; description?: string }>;
      required: string[];
    };
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'id', 'title', 'language', 'style', 'personas', 'stages']),
    );
    expect(schema.properties.style?.enum).toEqual([
      'current-state',
      'future-state',
      'service-blueprint',
      'day-in-the-life',
    ]);
    expect(schema.properties.stages?.description).toMatch(/column/i);
  });
});
