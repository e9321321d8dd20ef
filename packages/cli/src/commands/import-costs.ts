import { basename, resolve } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import { COST_FIELDS } from '@touchline/analytics';
import { StorageError } from '@touchline/storage';
import { CliError, type CliIo, EXIT_INVALID, printJson } from '../io.ts';
import { formatCount } from '../progress.ts';
import { DATA_OPTION_FLAGS, DATA_OPTION_HELP, withEventStore } from '../store.ts';
import { asWritten } from './import.ts';

export function registerImportCosts(program: Command, io: CliIo) {
  return program
    .command('import-costs')
    .description(
      `Import ad spend from CSV with columns ${COST_FIELDS.join(', ')}. A day, channel and campaign imported again replaces the earlier row.`,
    )
    .argument('<files...>', 'cost files (.csv, optionally .gz)')
    .option('--json', 'print the result as JSON')
    .option(DATA_OPTION_FLAGS, DATA_OPTION_HELP)
    .action(async (files, options) => {
      await withEventStore(io, options, async (store) => {
        const results = [];
        for (const file of files) {
          try {
            const result = { ...(await store.importCosts(resolve(io.cwd, file))), file };
            results.push(result);
            if (!options.json) {
              io.stdout(
                `imported ${formatCount(result.rows)} cost rows from ${basename(file)}${result.replaced ? ` (${formatCount(result.replaced)} replaced earlier rows)` : ''}\n`,
              );
            }
          } catch (error) {
            if (error instanceof StorageError)
              throw new CliError(asWritten(error.message, io, file), EXIT_INVALID);
            throw error;
          }
        }
        if (options.json) printJson(io, results);
      });
    });
}
