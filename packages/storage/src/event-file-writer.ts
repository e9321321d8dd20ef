/**
 * Writing canonical event and cost files: CSV or NDJSON, gzipped when the name ends in `.gz`.
 * Lines are joined into chunks of about a megabyte and written with backpressure, so a file of
 * fifty million events never sits in memory.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { COST_FIELDS, type CostRecord, EVENT_FIELDS, type TrackedEvent } from '@touchline/analytics';
import { StorageError } from './errors.ts';

export type WrittenEventFileFormat = 'csv' | 'ndjson';

export interface EventFileKind {
  format: WrittenEventFileFormat;
  gzip: boolean;
}

/** The kind of file a name asks for: `.csv`, `.ndjson` or `.jsonl`, each optionally `.gz`. */
export function eventFileKind(path: string): EventFileKind {
  const lower = path.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const name = gzip ? lower.slice(0, -3) : lower;
  if (name.endsWith('.csv')) return { format: 'csv', gzip };
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return { format: 'ndjson', gzip };
  throw new StorageError(
    'unsupported-format',
    `${path}: name the file .csv or .ndjson (optionally .gz) to say how to write it`,
  );
}

/** The header line of an event CSV file: the canonical fields, in order. */
export const EVENT_CSV_HEADER = `${EVENT_FIELDS.join(',')}\n`;

/** The header line of a cost CSV file. */
export const COST_CSV_HEADER = `${COST_FIELDS.join(',')}\n`;

const DAY = 86_400_000;
/** `HH:MM:` for every minute of a day, and `SS.mmmZ` for every millisecond of a minute. */
const MINUTES_OF_DAY = Array.from(
  { length: 1440 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:`,
);
const MILLISECONDS_OF_MINUTE = Array.from(
  { length: 60_000 },
  (_, ms) => `${String(Math.floor(ms / 1000)).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}Z`,
);
const dayPrefixes = new Map<number, string>();

/**
 * Epoch milliseconds as ISO 8601 in UTC with milliseconds, e.g. `2026-10-31T09:05:00.120Z`: what
 * `Date#toISOString` gives, several times faster (date parts are cached per day, times looked up).
 */
export function formatTimestamp(ms: number): string {
  const time = Math.floor(ms);
  const day = Math.floor(time / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    const iso = new Date(day * DAY).toISOString();
    prefix = iso.slice(0, iso.indexOf('T') + 1);
    if (dayPrefixes.size >= 100_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  const rest = time - day * DAY;
  const minute = Math.floor(rest / 60_000);
  return `${prefix}${MINUTES_OF_DAY[minute]}${MILLISECONDS_OF_MINUTE[rest - minute * 60_000]}`;
}

const CSV_SPECIAL = /[",\r\n]/;

function csvText(value: string | undefined): string {
  if (value === undefined) return '';
  return CSV_SPECIAL.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvNumber(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(value);
}

// Frozen property objects never change, so their JSON is worth keeping (the generator shares them).
const frozenJson = new WeakMap<object, string>();

/** Properties as JSON object text, or '' when there are none. */
function propertiesJson(properties: Readonly<Record<string, unknown>> | undefined): string {
  if (properties === undefined) return '';
  let json = frozenJson.get(properties);
  if (json === undefined) {
    json = JSON.stringify(properties);
    if (json === '{}') json = '';
    if (Object.isFrozen(properties)) frozenJson.set(properties, json);
  }
  return json;
}

/** One event as a CSV line (with its newline), columns as in EVENT_CSV_HEADER. */
export function eventCsvLine(event: TrackedEvent): string {
  const properties = propertiesJson(event.properties);
  return `${csvText(event.eventId)},${csvText(event.userId)},${formatTimestamp(event.time)},${csvText(event.event)},${csvText(event.sessionId)},${csvText(event.channel)},${csvText(event.campaign)},${csvText(event.url)},${csvNumber(event.revenue)},${csvNumber(event.value)},${properties === '' ? '' : `"${properties.replaceAll('"', '""')}"`}\n`;
}

/** Text as a JSON string; most text needs no escaping, so JSON.stringify is kept for text that does. */
function jsonString(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92) return JSON.stringify(value);
  }
  return `"${value}"`;
}

/** One event as an NDJSON line (with its newline): the canonical field names, absent fields left out. */
export function eventNdjsonLine(event: TrackedEvent): string {
  let line = '{';
  if (event.eventId !== undefined) line += `"event_id":${jsonString(event.eventId)},`;
  line += `"user_id":${jsonString(event.userId)},"timestamp":"${formatTimestamp(event.time)}","event":${jsonString(event.event)}`;
  if (event.sessionId !== undefined) line += `,"session_id":${jsonString(event.sessionId)}`;
  if (event.channel !== undefined) line += `,"channel":${jsonString(event.channel)}`;
  if (event.campaign !== undefined) line += `,"campaign":${jsonString(event.campaign)}`;
  if (event.url !== undefined) line += `,"url":${jsonString(event.url)}`;
  if (event.revenue !== undefined && Number.isFinite(event.revenue)) line += `,"revenue":${event.revenue}`;
  if (event.value !== undefined && Number.isFinite(event.value)) line += `,"value":${event.value}`;
  const properties = propertiesJson(event.properties);
  if (properties !== '') line += `,"properties":${properties}`;
  return `${line}}\n`;
}

/** One cost row as a CSV line, columns as in COST_CSV_HEADER. */
export function costCsvLine(row: CostRecord): string {
  return `${row.date},${csvText(row.channel)},${csvText(row.campaign)},${row.cost},${row.impressions},${row.viewableImpressions},${row.audibleImpressions},${row.clicks}\n`;
}

/**
 * Encodes events straight into byte chunks of about a megabyte, without building a string per
 * line: plain ASCII text is copied a character at a time, and only text that needs quoting or
 * escaping (or is not ASCII) goes the slow way. Gives the same bytes as `eventCsvLine` and
 * `eventNdjsonLine`, several times faster.
 */
export class EventEncoder {
  private buffer: Buffer;
  private position = 0;
  private readonly done: Buffer[] = [];
  private readonly csvProperties = new WeakMap<object, Uint8Array>();
  private readonly jsonProperties = new WeakMap<object, Uint8Array>();
  private readonly dayBytes = new Map<number, Uint8Array>();
  private lastDay = Number.NaN;
  private lastDayBytes: Uint8Array = new Uint8Array(0);

  constructor(private readonly chunkBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Chunks filled so far (taken: each is returned once). */
  takeFull(): Buffer[] {
    return this.done.splice(0, this.done.length);
  }

  /** Everything not yet taken, the partly filled chunk included. */
  takeAll(): Buffer[] {
    if (this.position > 0) this.done.push(this.buffer.subarray(0, this.position));
    this.buffer = Buffer.allocUnsafe(this.chunkBytes);
    this.position = 0;
    return this.takeFull();
  }

  get hasFullChunks(): boolean {
    return this.done.length > 0;
  }

  text(value: string): void {
    this.bytes(Buffer.from(value, 'utf8'));
  }

  csv(event: TrackedEvent): void {
    this.csvText(event.eventId);
    this.byte(44);
    this.csvText(event.userId);
    this.byte(44);
    this.timestamp(event.time);
    this.byte(44);
    this.csvText(event.event);
    this.byte(44);
    this.csvText(event.sessionId);
    this.byte(44);
    this.csvText(event.channel);
    this.byte(44);
    this.csvText(event.campaign);
    this.byte(44);
    this.csvText(event.url);
    this.byte(44);
    this.number(event.revenue);
    this.byte(44);
    this.number(event.value);
    this.byte(44);
    const properties = event.properties;
    if (properties !== undefined) {
      let bytes = this.csvProperties.get(properties);
      if (bytes === undefined) {
        const json = propertiesJson(properties);
        bytes = Buffer.from(json === '' ? '' : `"${json.replaceAll('"', '""')}"`, 'utf8');
        if (Object.isFrozen(properties)) this.csvProperties.set(properties, bytes);
      }
      this.bytes(bytes);
    }
    this.byte(10);
  }

  ndjson(event: TrackedEvent): void {
    this.byte(123);
    if (event.eventId !== undefined) {
      this.ascii('"event_id":');
      this.jsonText(event.eventId);
      this.byte(44);
    }
    this.ascii('"user_id":');
    this.jsonText(event.userId);
    this.ascii(',"timestamp":"');
    this.timestamp(event.time);
    this.ascii('","event":');
    this.jsonText(event.event);
    this.jsonField(',"session_id":', event.sessionId);
    this.jsonField(',"channel":', event.channel);
    this.jsonField(',"campaign":', event.campaign);
    this.jsonField(',"url":', event.url);
    if (event.revenue !== undefined && Number.isFinite(event.revenue)) {
      this.ascii(',"revenue":');
      this.number(event.revenue);
    }
    if (event.value !== undefined && Number.isFinite(event.value)) {
      this.ascii(',"value":');
      this.number(event.value);
    }
    const properties = event.properties;
    if (properties !== undefined) {
      let bytes = this.jsonProperties.get(properties);
      if (bytes === undefined) {
        const json = propertiesJson(properties);
        bytes = Buffer.from(json === '' ? '' : `,"properties":${json}`, 'utf8');
        if (Object.isFrozen(properties)) this.jsonProperties.set(properties, bytes);
      }
      this.bytes(bytes);
    }
    this.byte(125);
    this.byte(10);
  }

  private ensure(bytes: number): void {
    if (this.position + bytes > this.buffer.length) {
      if (this.position > 0) this.done.push(this.buffer.subarray(0, this.position));
      this.buffer = Buffer.allocUnsafe(Math.max(this.chunkBytes, bytes));
      this.position = 0;
    }
  }

  private byte(value: number): void {
    this.ensure(1);
    this.buffer[this.position++] = value;
  }

  private bytes(value: Uint8Array): void {
    this.ensure(value.length);
    this.buffer.set(value, this.position);
    this.position += value.length;
  }

  /** Text known to be ASCII and to need no quoting (field names, numbers). */
  private ascii(value: string): void {
    const length = value.length;
    this.ensure(length);
    const buffer = this.buffer;
    let p = this.position;
    for (let i = 0; i < length; i++) buffer[p++] = value.charCodeAt(i);
    this.position = p;
  }

  /**
   * Copies text that is ASCII without quotes, control characters and, in CSV, commas (in JSON,
   * backslashes); returns false and writes nothing when the text has any of them.
   */
  private plain(value: string, csv: boolean): boolean {
    const length = value.length;
    this.ensure(length);
    const buffer = this.buffer;
    let p = this.position;
    for (let i = 0; i < length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 128 || c < 32 || c === 34 || c === (csv ? 44 : 92)) return false;
      buffer[p++] = c;
    }
    this.position = p;
    return true;
  }

  private csvText(value: string | undefined): void {
    if (value !== undefined && !this.plain(value, true)) this.text(csvText(value));
  }

  private jsonText(value: string): void {
    this.byte(34);
    if (this.plain(value, false)) this.byte(34);
    else this.text(JSON.stringify(value).slice(1));
  }

  private jsonField(name: string, value: string | undefined): void {
    if (value === undefined) return;
    this.ascii(name);
    this.jsonText(value);
  }

  private number(value: number | undefined): void {
    if (value !== undefined && Number.isFinite(value)) this.ascii(String(value));
  }

  /** ISO 8601 UTC with milliseconds, digit by digit after the cached date part. */
  private timestamp(ms: number): void {
    const time = Math.floor(ms);
    const day = Math.floor(time / DAY);
    let prefix = this.lastDayBytes;
    if (day !== this.lastDay) {
      let cached = this.dayBytes.get(day);
      if (cached === undefined) {
        const iso = new Date(day * DAY).toISOString();
        cached = Buffer.from(iso.slice(0, iso.indexOf('T') + 1), 'latin1');
        if (this.dayBytes.size >= 100_000) this.dayBytes.clear();
        this.dayBytes.set(day, cached);
      }
      prefix = cached;
      this.lastDay = day;
      this.lastDayBytes = cached;
    }
    this.ensure(prefix.length + 13);
    const buffer = this.buffer;
    let p = this.position;
    for (let i = 0; i < prefix.length; i++) buffer[p++] = prefix[i] as number;
    let rest = time - day * DAY;
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    const millis = rest - seconds * 1000;
    buffer[p++] = 48 + Math.floor(hours / 10);
    buffer[p++] = 48 + (hours % 10);
    buffer[p++] = 58;
    buffer[p++] = 48 + Math.floor(minutes / 10);
    buffer[p++] = 48 + (minutes % 10);
    buffer[p++] = 58;
    buffer[p++] = 48 + Math.floor(seconds / 10);
    buffer[p++] = 48 + (seconds % 10);
    buffer[p++] = 46;
    buffer[p++] = 48 + Math.floor(millis / 100);
    buffer[p++] = 48 + (Math.floor(millis / 10) % 10);
    buffer[p++] = 48 + (millis % 10);
    buffer[p++] = 90;
    this.position = p;
  }
}

export interface WrittenFile {
  /** Lines written, without the header. */
  rows: number;
  /** Size on disk. */
  bytes: number;
}

export interface WriteOptions {
  /** Called after every chunk of about a megabyte with the rows written so far. */
  onProgress?: (rows: number) => void;
  /** gzip level 1..9 for `.gz` files; 1 by default (the fastest; these files compress well anyway). */
  gzipLevel?: number;
}

/**
 * Writes what `encode` puts into an encoder to a file, gzipped or not, a chunk at a time,
 * waiting whenever the stream is full.
 */
async function writeEncoded<T>(
  path: string,
  gzip: boolean,
  header: string,
  items: Iterable<T>,
  encode: (encoder: EventEncoder, item: T) => void,
  options: WriteOptions,
): Promise<WrittenFile> {
  mkdirSync(dirname(path), { recursive: true });
  // Deep buffers let encoding go on while earlier chunks are compressed and written.
  const file = createWriteStream(path, { highWaterMark: 8 << 20 });
  const gzipOptions = { level: options.gzipLevel ?? 1, highWaterMark: 8 << 20, chunkSize: 256 << 10 };
  const compressor = gzip ? createGzip(gzipOptions) : undefined;
  const head = compressor ?? file;
  const done = compressor ? pipeline(compressor, file) : finished(file);
  // A failure surfaces through `done` below; this keeps it from being reported as unhandled meanwhile.
  done.catch(() => {});
  const write = async (chunks: readonly Buffer[]) => {
    for (const chunk of chunks) {
      if (!head.write(chunk)) await Promise.race([once(head, 'drain'), done]);
    }
  };
  const encoder = new EventEncoder();
  encoder.text(header);
  let rows = 0;
  for (const item of items) {
    encode(encoder, item);
    rows++;
    if (encoder.hasFullChunks) {
      await write(encoder.takeFull());
      options.onProgress?.(rows);
    }
  }
  await write(encoder.takeAll());
  options.onProgress?.(rows);
  head.end();
  await done;
  return { rows, bytes: statSync(path).size };
}

const encodeCsv = (encoder: EventEncoder, event: TrackedEvent) => encoder.csv(event);
const encodeNdjson = (encoder: EventEncoder, event: TrackedEvent) => encoder.ndjson(event);

/**
 * Writes events to `path` as CSV (with a header) or NDJSON, gzipped when it ends in `.gz`.
 * The events are consumed as they come: an iterable of fifty million is fine.
 */
export async function writeEventFile(
  path: string,
  events: Iterable<TrackedEvent>,
  options: WriteOptions = {},
): Promise<WrittenFile> {
  const kind = eventFileKind(path);
  const csv = kind.format === 'csv';
  return writeEncoded(
    path,
    kind.gzip,
    csv ? EVENT_CSV_HEADER : '',
    events,
    csv ? encodeCsv : encodeNdjson,
    options,
  );
}

/** Writes cost rows to a CSV file (gzipped when it ends in `.gz`), as `import-costs` reads them. */
export async function writeCostFile(
  path: string,
  rows: Iterable<CostRecord>,
  options: WriteOptions = {},
): Promise<WrittenFile> {
  const lower = path.toLowerCase();
  const gzip = lower.endsWith('.gz');
  if (!(gzip ? lower.slice(0, -3) : lower).endsWith('.csv'))
    throw new StorageError('unsupported-format', `${path}: name the cost file .csv (optionally .gz)`);
  return writeEncoded(
    path,
    gzip,
    COST_CSV_HEADER,
    rows,
    (encoder, row) => encoder.text(costCsvLine(row)),
    options,
  );
}
