import { basename, extname } from 'node:path';
import { type Command, Option } from '@commander-js/extra-typings';
import { EXPORT_FORMATS, type ExportFormat, exportMap } from '@touchline/render';
import { CliError, type CliIo, EXIT_USAGE, requireMap, writeOutput } from '../io.ts';

export function registerRender(program: Command, io: CliIo) {
  return program
    .command('render')
    .description('Export a map as SVG, PNG, PDF, Markdown, CSV, Mermaid or a department x step matrix.')
    .argument('<file>', 'map file (YAML or JSON)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory(),
    )
    .option('-o, --output <file>', 'file to write; text formats go to standard output when omitted')
    .addOption(
      new Option('--page-size <size>', 'PDF page size')
        .choices(['A4', 'A3', 'A2'] as const)
        .default('A3' as const),
    )
    .option('--portrait', 'PDF in portrait orientation (default landscape)')
    .option('--scale <factor>', 'PNG pixels per SVG unit', parseScale, 2)
    .action(async (file, options) => {
      const { map } = requireMap(io, file);
      const format: ExportFormat = options.format;
      const result = await exportMap(map, format, {
        pageSize: options.pageSize,
        orientation: options.portrait ? 'portrait' : 'landscape',
        scale: options.scale,
      });
      if (options.output) {
        const written = writeOutput(io, options.output, result.data);
        io.stderr(`wrote ${written}\n`);
        return;
      }
      if (typeof result.data !== 'string' && io.stdoutIsTty) {
        const suggestion = `${basename(file, extname(file))}${result.extension}`;
        throw new CliError(`${format} is binary: write it to a file with -o ${suggestion}`, EXIT_USAGE);
      }
      io.stdout(result.data);
    });
}

function parseScale(value: string): number {
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 8)
    throw new CliError(`--scale must be a number between 0 and 8, got "${value}"`, EXIT_USAGE);
  return scale;
}
