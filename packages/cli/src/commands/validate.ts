import type { Command } from '@commander-js/extra-typings';
import type { Problem } from '@touchline/core';
import { CliError, type CliIo, EXIT_INVALID, loadMapFile, plural, printJson, printProblems } from '../io.ts';

export function registerValidate(program: Command, io: CliIo) {
  return program
    .command('validate')
    .description(
      'Check map files against the schema and their cross-references; prints file:line:column for every problem.',
    )
    .argument('<files...>', 'map files (YAML or JSON)')
    .option('--json', 'print the problems as JSON')
    .action((files, options) => {
      const results = files.map((file) => {
        try {
          return { file, problems: loadMapFile(io, file).problems };
        } catch (error) {
          if (!(error instanceof CliError)) throw error;
          const problem: Problem = {
            severity: 'error',
            path: [],
            code: 'no-file',
            message: 'no such file',
            file,
          };
          return { file, problems: [problem] };
        }
      });
      const invalid = results.filter((r) => r.problems.some((p) => p.severity === 'error'));
      if (options.json) {
        printJson(
          io,
          results.map((r) => ({ file: r.file, valid: !invalid.includes(r), problems: r.problems })),
        );
      } else {
        for (const result of results) {
          if (result.problems.length > 0) printProblems(io, result.problems);
          else io.stdout(`${result.file}: valid\n`);
        }
        if (invalid.length > 0) {
          const count = invalid.reduce((sum, r) => sum + r.problems.length, 0);
          io.stderr(`${plural(count, 'problem')} in ${plural(invalid.length, 'file')}\n`);
        }
      }
      if (invalid.length > 0) throw new CliError('', EXIT_INVALID);
    });
}
