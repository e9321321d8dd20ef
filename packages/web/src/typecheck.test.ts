import { fileURLToPath } from 'node:url';
import { typeCheckProject } from '@touchline/snippet/testing/typecheck';
import { describe, expect, it } from 'vitest';

describe('the app sources', () => {
  it('type-check against the DOM library without Node types', () => {
    // The root type check leaves src/app out (it is Node-only); the app's own tsconfig is checked here.
    const check = typeCheckProject(fileURLToPath(new URL('../tsconfig.json', import.meta.url)));
    expect(check.options.types).toEqual(['vite/client']);
    expect(check.options.lib).toContain('lib.dom.d.ts');
    expect(check.fileNames.some((name) => name.endsWith('src/app/main.tsx'))).toBe(true);
    expect(check.problems).toEqual([]);
  });
});
