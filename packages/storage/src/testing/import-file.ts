/** Imports a file into a store, printing each phase: a process for tests to kill mid-import. */
import { DuckDbEventStore } from '../duckdb/event-store.ts';

const [data, file] = process.argv.slice(2);
if (!data || !file) throw new Error('usage: import-file <data-dir> <file>');
const store = await DuckDbEventStore.open(data);
let phase = '';
await store.importEvents(file, {
  onProgress: (progress) => {
    if (progress.phase !== phase) {
      phase = progress.phase;
      process.stdout.write(`${phase}\n`);
    }
  },
});
store.close();
