import type { Command } from '@commander-js/extra-typings';
import { mapJsonSchema } from '@touchline/core';
import { type CliIo, writeOutput } from '../io.ts';

export function registerSchema(program: Command, io: CliIo) {
  return program
    .command('schema')
    .description('Print the JSON Schema of map files, for editor autocomplete and validation.')
    .option('-o, --output <file>', 'file to write; standard output when omitted')
    .action((options) => {
      const text = `${JSON.stringify(mapJsonSchema(), null, 2)}\n`;
      if (!options.output) return io.stdout(text);
      io.stderr(`wrote ${writeOutput(io, options.output, text)}\n`);
    });
}
