import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSnippet } from './index.ts';
import { typeCheckProject } from './testing/typecheck.ts';

describe('buildSnippet', () => {
  it('bundles the snippet to one minified IIFE under 3 KB gzipped', async () => {
    const code = await buildSnippet();
    expect(code).toMatch(/^"use strict";\(\(\)=>\{[\s\S]*\}\)\(\);\s*$/);
    expect(code).not.toMatch(/\bimport\b|\bexport\b|\brequire\(/);
    // Minified: no line breaks inside, identifiers shortened.
    expect(code.trim().split('\n')).toHaveLength(1);
    expect(code).not.toContain('touchSession');
    expect(gzipSync(code).length).toBeLessThan(3072);
  });

  it('builds once and hands the same text to every caller', async () => {
    const first = buildSnippet();
    expect(buildSnippet()).toBe(first);
    expect(await buildSnippet()).toBe(await first);
  });
});

describe('the browser sources', () => {
  it('type-check against the DOM library without Node types', () => {
    // The root type check leaves them out (it is Node-only); their own tsconfig is checked here.
    const check = typeCheckProject(fileURLToPath(new URL('./browser/tsconfig.json', import.meta.url)));
    expect(check.options.types).toEqual([]);
    expect(check.fileNames.some((name) => name.endsWith('browser/snippet.ts'))).toBe(true);
    expect(check.problems).toEqual([]);
  });
});
