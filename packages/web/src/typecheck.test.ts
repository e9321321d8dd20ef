import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

describe('the app sources', () => {
  it('type-check against the DOM library without Node types', () => {
    // The root type check leaves src/app out (it is Node-only); the app's own tsconfig is checked here.
    const configPath = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
    const config = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    });
    if (!config) throw new Error(`cannot read ${configPath}`);
    expect(config.options.types).toEqual(['vite/client']);
    expect(config.options.lib).toContain('lib.dom.d.ts');
    expect(config.fileNames.some((name) => name.endsWith('src/app/main.tsx'))).toBe(true);
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
