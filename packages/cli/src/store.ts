import { resolve } from 'node:path';
import { DuckDbEventStore } from '@touchline/storage';
import type { CliIo } from './io.ts';

/** The `--data` option every analytics command takes. */
export interface DataOptions {
  data?: string;
}

export const DATA_OPTION_FLAGS = '--data <dir>';
export const DATA_OPTION_HELP = 'data directory holding the event store (default ./.touchline)';

/** The data directory a command works on. */
export function dataDirectory(io: CliIo, options: DataOptions): string {
  return resolve(io.cwd, options.data ?? '.touchline');
}

/**
 * Opens the event store of the data directory, runs `use`, and closes the store whatever happens.
 */
export async function withEventStore<T>(
  io: CliIo,
  options: DataOptions,
  use: (store: DuckDbEventStore) => Promise<T>,
): Promise<T> {
  const store = await DuckDbEventStore.open(dataDirectory(io, options));
  try {
    return await use(store);
  } finally {
    store.close();
  }
}
