/** What kind of event file a path is, and roughly how many rows it holds (for progress). */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import { StorageError } from './errors.ts';

export type EventFileFormat = 'csv' | 'ndjson' | 'parquet';

export const EVENT_FILE_FORMATS: readonly EventFileFormat[] = ['csv', 'ndjson', 'parquet'];

/** The format a file name says: `.csv`, `.tsv`, `.ndjson`, `.jsonl`, `.json`, `.parquet`, each optionally `.gz`. */
export function formatOfPath(path: string): EventFileFormat | undefined {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv') || name.endsWith('.tsv') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl') || name.endsWith('.json')) return 'ndjson';
  if (name.endsWith('.parquet') || name.endsWith('.pq')) return 'parquet';
  return undefined;
}

/** The format to read a file as: the one asked for, else the one its name says. */
export function resolveFormat(path: string, requested?: string): EventFileFormat {
  if (!existsSync(path)) throw new StorageError('file-not-found', `${path}: no such file`);
  const format = requested ?? formatOfPath(path);
  if (format === undefined || !(EVENT_FILE_FORMATS as readonly string[]).includes(format)) {
    throw new StorageError(
      'unsupported-format',
      `${path}: cannot tell the format from the name; name it .csv, .ndjson or .parquet (optionally .gz), or pass --format csv|ndjson|parquet`,
    );
  }
  return format as EventFileFormat;
}

const SAMPLE_BYTES = 1 << 20;

/**
 * Rows in a text file, estimated from the line density of its first megabyte (after
 * decompression for `.gz`). Good enough for a progress bar; exact counts come from the import.
 */
export function estimateTextRows(path: string, hasHeader: boolean): number {
  const size = statSync(path).size;
  if (size === 0) return 0;
  const fd = openSync(path, 'r');
  try {
    const sample = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const read = readSync(fd, sample, 0, sample.length, 0);
    let text = sample.subarray(0, read);
    let expansion = 1;
    if (path.toLowerCase().endsWith('.gz')) {
      text = gunzipSync(text, { finishFlush: constants.Z_SYNC_FLUSH });
      expansion = text.length / read;
    }
    let lines = 0;
    for (const byte of text) if (byte === 10) lines++;
    if (lines === 0) return 1;
    const estimate = Math.round((size * expansion * lines) / text.length);
    return Math.max(1, estimate - (hasHeader ? 1 : 0));
  } finally {
    closeSync(fd);
  }
}
