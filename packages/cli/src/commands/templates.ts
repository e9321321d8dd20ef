import type { Command } from '@commander-js/extra-typings';
import { TEMPLATES } from '@touchline/core';
import { type CliIo, printJson } from '../io.ts';

export function registerTemplates(program: Command, io: CliIo) {
  return program
    .command('templates')
    .description('List the map templates (each in English and Dutch).')
    .option('--json', 'print as JSON')
    .action((options) => {
      const rows = TEMPLATES.map((t) => ({
        id: t.id,
        stages: t.stages,
        name: t.name,
        description: t.description,
      }));
      if (options.json) return printJson(io, rows);
      const width = Math.max(...rows.map((r) => r.id.length));
      for (const row of rows) {
        io.stdout(
          `${row.id.padEnd(width)}  ${String(row.stages).padStart(2)} stages  ${row.name.en} / ${row.name.nl}\n`,
        );
      }
      io.stdout('\nStart a map: touchline init --template <id> --lang nl|en\n');
    });
}
