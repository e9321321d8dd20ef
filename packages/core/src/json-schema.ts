import { z } from 'zod';
import { journeyMapSchema } from './schema.ts';

/**
 * The JSON Schema of a map document, generated from the zod schema so the two never drift.
 * Editors use it to autocomplete and check map files (`# yaml-language-server: $schema=...`).
 */
export function mapJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(journeyMapSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return {
    $id: 'https://touchline.dev/schema/map.schema.json',
    title: 'Touchline journey map',
    description: 'A customer journey map: stages, steps, touchpoints, departments and the lanes per step.',
    ...schema,
  };
}
