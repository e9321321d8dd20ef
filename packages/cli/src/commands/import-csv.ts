import { type Command, Option } from '@commander-js/extra-typings';
import { stringifyMap } from '@touchline/core';
import { importCsv } from '@touchline/render';
import { CliError, type CliIo, EXIT_INVALID, printProblems, readText, writeOutput } from '../io.ts';

export function registerImportCsv(program: Command, io: CliIo) {
  return program
    .command('import-csv')
    .description('Turn a CSV of steps (as written by `render --format csv`) into a map file.')
    .argument('<file>', 'CSV file, one row per step')
    .option(
      '-o, --output <file>',
      'map file to write (YAML, or JSON by extension); standard output when omitted',
    )
    .option('--title <title>', 'title of the new map')
    .option('--id <id>', 'id of the new map (a slug)')
    .addOption(new Option('-l, --lang <language>', 'language of the map').choices(['nl', 'en'] as const))
    .action((file, options) => {
      const { map, problems } = importCsv(readText(io, file), {
        ...(options.title ? { title: options.title } : {}),
        ...(options.id ? { id: options.id } : {}),
        ...(options.lang ? { language: options.lang } : {}),
      });
      if (!map) {
        printProblems(
          io,
          problems.map((p) => ({ ...p, file: p.file ?? file })),
        );
        throw new CliError('', EXIT_INVALID);
      }
      const format = options.output?.endsWith('.json') ? 'json' : 'yaml';
      const text = stringifyMap(map, format);
      if (!options.output) return io.stdout(text);
      const written = writeOutput(io, options.output, text);
      const steps = map.stages.reduce((sum, stage) => sum + stage.steps.length, 0);
      io.stderr(`wrote ${written} (${map.stages.length} stages, ${steps} steps)\n`);
    });
}
