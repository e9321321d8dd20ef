// Writes packages/core/map.schema.json from the zod schema. Run: npm run generate:schema
import { writeFileSync } from 'node:fs';
import { mapJsonSchema } from '../src/json-schema.ts';

const target = new URL('../map.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(mapJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
