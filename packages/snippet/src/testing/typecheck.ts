/**
 * Type-checking browser sources with their own tsconfig (DOM library, no Node types), which the
 * root type check leaves out: the snippet's and the web app's tests call it.
 *
 * ```ts
 * const { options, fileNames, problems } = typeCheckProject(fileURLToPath(new URL('../tsconfig.json', import.meta.url)));
 * expect(problems).toEqual([]);
 * ```
 */
import ts from 'typescript';

export interface TypeCheck {
  options: ts.CompilerOptions;
  fileNames: string[];
  /** Each problem as `file:line:column: message`; none when the sources type-check. */
  problems: string[];
}

export function typeCheckProject(configPath: string): TypeCheck {
  const config = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram(config.fileNames, config.options);
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1}:${character + 1}: ${message}`;
  });
  return { options: config.options, fileNames: config.fileNames, problems };
}
