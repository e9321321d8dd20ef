/** Test helper: a DuckDB event store in a temporary folder, fresh for each test. */
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { DuckDbEventStore } from '../duckdb/event-store.ts';
import { tempFolder } from './event-files.ts';

export interface StoreFixture {
  readonly folder: ReturnType<typeof tempFolder>;
  readonly store: DuckDbEventStore;
  /** Closes the store and opens its data directory again. */
  reopen(): Promise<void>;
}

/** Registers hooks that open a store before each test and remove it after. */
export function storeForEachTest(): StoreFixture {
  let folder: ReturnType<typeof tempFolder> | undefined;
  let store: DuckDbEventStore | undefined;
  const data = () => join((folder as ReturnType<typeof tempFolder>).path, 'data');
  beforeEach(async () => {
    folder = tempFolder();
    store = await DuckDbEventStore.open(data());
  });
  afterEach(() => {
    store?.close();
    folder?.cleanup();
  });
  return {
    get folder() {
      if (!folder) throw new Error('the store exists only inside a test');
      return folder;
    },
    get store() {
      if (!store) throw new Error('the store exists only inside a test');
      return store;
    },
    async reopen() {
      store?.close();
      store = await DuckDbEventStore.open(data());
    },
  };
}
