import type { Command } from '@commander-js/extra-typings';
import { lintMap, locateProblem } from '@touchline/core';
import { CliError, type CliIo, EXIT_INVALID, plural, printJson, printProblems, requireMap } from '../io.ts';

export function registerLint(program: Command, io: CliIo) {
  return program
    .command('lint')
    .description(
      'Report what makes a map weak: missing goals or KPIs, unexplained feeling dips, endless loops, guesswork ...',
    )
    .argument('<file>', 'map file (YAML or JSON)')
    .option('--strict', 'treat warnings as errors (exit code 1), for CI')
    .option('--json', 'print the warnings as JSON')
    .action((file, options) => {
      const map = requireMap(io, file);
      const warnings = lintMap(map.map).map((warning) => {
        const located = locateProblem(warning, file, map.positionOf);
        return options.strict ? { ...located, severity: 'error' as const } : located;
      });
      if (options.json) printJson(io, { file, strict: options.strict === true, problems: warnings });
      else if (warnings.length === 0) io.stdout(`${file}: no warnings\n`);
      else {
        printProblems(io, warnings, true);
        io.stderr(`${plural(warnings.length, options.strict ? 'error' : 'warning')}\n`);
      }
      if (options.strict && warnings.length > 0) throw new CliError('', EXIT_INVALID);
    });
}
