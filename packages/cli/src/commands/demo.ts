import { join } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import { stringifyMap, templateById } from '@touchline/core';
import { EXPORT_FORMATS, exportMap } from '@touchline/render';
import { CliError, type CliIo, writeOutput } from '../io.ts';

/** The demo: the worked shoe journey, in both languages, in every export format. */
export function registerDemo(program: Command, io: CliIo) {
  return program
    .command('demo')
    .description('Write the demo map (the shoe journey) and every export of it, in English and Dutch.')
    .option('--out <dir>', 'folder to write to', 'out')
    .action(async (options) => {
      const template = templateById('shoes');
      if (!template) throw new CliError('the shoes template is missing');
      for (const language of ['en', 'nl'] as const) {
        const map = template.build(language);
        const base = join(options.out, `shoes-${language}`);
        io.stdout(`${writeOutput(io, `${base}.yaml`, stringifyMap(map, 'yaml'))}\n`);
        for (const format of EXPORT_FORMATS) {
          const result = await exportMap(map, format);
          io.stdout(`${writeOutput(io, `${base}${result.extension}`, result.data)}\n`);
        }
      }
    });
}
