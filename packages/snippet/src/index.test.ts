import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildSnippet } from './index.ts';

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
    const configPath = fileURLToPath(new URL('./browser/tsconfig.json', import.meta.url));
    const config = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    });
    if (!config) throw new Error(`cannot read ${configPath}`);
    expect(config.options.types).toEqual([]);
    expect(config.fileNames.some((name) => name.endsWith('browser/snippet.ts'))).toBe(true);
    const program = ts.createProgram(config.fileNames, config.options);
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!diagnostic.file || diagnostic.start === undefined) return message;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${diagnostic.file.fileName}:${line + 1}:${character + 1}: ${message}`;
    });
    expect(problems).toEqual([]);
  });
});
