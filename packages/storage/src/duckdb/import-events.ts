/**
 * Importing an event file (CSV, NDJSON or Parquet, gzip or not) in one transaction: read it,
 * check every row, and either store all good rows or nothing at all. A file with bad rows is
 * refused whole with its first problems, unless asked to skip them. Events land in the
 * clustered table in (customer, time, seq) order, so the next scan needs no sort.
 */
import { EVENT_FIELDS, type EventField, REQUIRED_EVENT_FIELDS } from '@touchline/analytics';
import { InvalidRowsError, type RowProblem, StorageError } from '../errors.ts';
import { type EventFileFormat, estimateTextRows, resolveFormat } from '../files.ts';
import { sqlIdentifier, sqlString } from '../sql.ts';
import { foldIntoEvents, nextSeq, SORT_SLICE_EVENTS, storedEventCount } from './cluster.ts';
import type { Database } from './database.ts';

export interface ImportOptions {
  /** csv, ndjson or parquet; by default from the file name. */
  format?: string;
  /** Canonical field -> column name in the file, for files that name things differently. */
  columns?: Readonly<Record<string, string>>;
  /** Import the good rows and report the bad ones instead of refusing the file. */
  skipInvalid?: boolean;
  /** How many problems to report; 20 by default. */
  maxProblems?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Events sorted at a time as they are stored (tests make it small to cross slices). */
  sliceEvents?: number;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'storing' | 'done';
  /** 0..1 of the current phase, when known. */
  fraction: number;
  /** Rows read so far (estimated while reading). */
  rows: number;
}

export interface ImportResult {
  file: string;
  format: EventFileFormat;
  rows: number;
  imported: number;
  /** Rows whose event_id was already stored, or came earlier in the same file. */
  duplicates: number;
  skipped: number;
  /** The first problems of the skipped rows. */
  problems: RowProblem[];
  /** Columns of the file that are not canonical fields and were not mapped. */
  ignoredColumns: string[];
  seconds: number;
}

/** The canonical fields as VARCHAR expressions over the file, per format. */
interface Source {
  /** A SELECT producing one VARCHAR column per canonical field (properties as JSON text). */
  select: string;
  unit: 'line' | 'row';
  /** Line of row number 1 (CSV has a header line). */
  firstLine: number;
  ignoredColumns: string[];
  estimatedRows: number;
}

function mappedName(field: EventField, mapping: Readonly<Record<string, string>>): string {
  return mapping[field] ?? field;
}

function checkMapping(mapping: Readonly<Record<string, string>>): void {
  for (const target of Object.keys(mapping)) {
    if (!(EVENT_FIELDS as readonly string[]).includes(target)) {
      throw new StorageError(
        'unknown-column',
        `--column ${target}=...: ${target} is not an event field; fields: ${EVENT_FIELDS.join(', ')}`,
      );
    }
  }
}

async function tabularSource(
  db: Database,
  path: string,
  format: 'csv' | 'parquet',
  mapping: Readonly<Record<string, string>>,
): Promise<Source> {
  const reader =
    format === 'csv'
      ? `read_csv(${sqlString(path)}, all_varchar = true, header = true)`
      : `read_parquet(${sqlString(path)})`;
  const described = await db.rows<{ column_name: string; column_type: string }>(
    `DESCRIBE SELECT * FROM ${reader}`,
  );
  const types = new Map(described.map((c) => [c.column_name, c.column_type]));
  const available = [...types.keys()];
  for (const field of REQUIRED_EVENT_FIELDS) {
    const name = mappedName(field, mapping);
    if (!types.has(name)) {
      throw new StorageError(
        'missing-column',
        `${path}: no column ${name}${name === field ? '' : ` (mapped from ${field})`}; the file has ${available.join(', ')}. Map one with --column ${field}=<column>`,
      );
    }
  }
  for (const [field, name] of Object.entries(mapping)) {
    if (!types.has(name)) {
      throw new StorageError(
        'missing-column',
        `${path}: --column ${field}=${name}: the file has no column ${name}`,
      );
    }
  }
  const used = new Set<string>();
  const expressions = EVENT_FIELDS.map((field) => {
    const name = mappedName(field, mapping);
    const type = types.get(name);
    if (type === undefined) return `CAST(NULL AS VARCHAR) AS ${field}`;
    used.add(name);
    const column = sqlIdentifier(name);
    // Typed timestamps (Parquet) are instants already: hand them over as epoch milliseconds.
    if (field === 'timestamp' && type.startsWith('TIMESTAMP'))
      return `CAST(epoch_ms(${column}) AS VARCHAR) AS ${field}`;
    if (field === 'properties' && type !== 'VARCHAR' && type !== 'JSON')
      return `CAST(to_json(${column}) AS VARCHAR) AS ${field}`;
    return `CAST(${column} AS VARCHAR) AS ${field}`;
  });
  let estimatedRows = 0;
  if (format === 'csv') estimatedRows = estimateTextRows(path, true);
  else {
    const meta = await db.row<{ rows: number }>(
      `SELECT CAST(sum(row_group_num_rows) AS BIGINT) AS rows FROM (SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata(${sqlString(path)}))`,
    );
    estimatedRows = meta?.rows ?? 0;
  }
  return {
    select: `SELECT ${expressions.join(', ')} FROM ${reader}`,
    unit: format === 'csv' ? 'line' : 'row',
    firstLine: format === 'csv' ? 2 : 1,
    ignoredColumns: available.filter((name) => !used.has(name)),
    estimatedRows,
  };
}

function ndjsonSource(path: string, mapping: Readonly<Record<string, string>>): Source {
  const expressions = EVENT_FIELDS.map((field) => {
    const key = sqlString(`$.${JSON.stringify(mappedName(field, mapping))}`);
    if (field === 'properties') return `CAST(json_extract(json, ${key}) AS VARCHAR) AS ${field}`;
    return `json_extract_string(json, ${key}) AS ${field}`;
  });
  return {
    select: `SELECT ${expressions.join(', ')} FROM read_ndjson_objects(${sqlString(path)})`,
    unit: 'line',
    firstLine: 1,
    ignoredColumns: [],
    estimatedRows: estimateTextRows(path, false),
  };
}

/**
 * Timestamps: ISO 8601 with a zone (Z or an offset), or epoch milliseconds. The two forms share
 * no string, so the order of the tries does not change the result; ISO goes first because a
 * failed BIGINT cast is costly, and the instant is taken as epoch microseconds because the
 * TIMESTAMPTZ to TIMESTAMP cast goes through a calendar for every row. Most files say Z: a suffix
 * test spares them the regular expression.
 */
const TIMESTAMP_SQL = `COALESCE(
  CASE WHEN suffix(timestamp, 'Z') OR regexp_matches(timestamp, '(?:[Zz]|[+-]\\d\\d(?::?\\d\\d)?)$') THEN make_timestamp(epoch_us(TRY_CAST(timestamp AS TIMESTAMPTZ))) END,
  make_timestamp(TRY_CAST(timestamp AS BIGINT) * 1000))`;

const blank = (field: string) => `(${field} IS NULL OR trim(${field}) = '')`;
const quoted = (field: string) => `'"' || left(${field}, 60) || '"'`;

/** Every row check: the condition that makes a row bad, and what to tell the person. */
const ROW_CHECKS: readonly { bad: string; message: string }[] = [
  { bad: blank('user_id'), message: "'user_id is empty'" },
  { bad: blank('event'), message: "'event is empty'" },
  { bad: blank('timestamp'), message: "'timestamp is empty'" },
  {
    bad: `(NOT ${blank('timestamp')} AND TRY_CAST(timestamp AS BIGINT) IS NULL AND TRY_CAST(timestamp AS TIMESTAMPTZ) IS NULL)`,
    message: `'timestamp ' || ${quoted('timestamp')} || ' is not a date'`,
  },
  {
    bad: `(NOT ${blank('timestamp')} AND TRY_CAST(timestamp AS BIGINT) IS NULL AND TRY_CAST(timestamp AS TIMESTAMPTZ) IS NOT NULL AND NOT regexp_matches(timestamp, '(?:[Zz]|[+-]\\d\\d(?::?\\d\\d)?)$'))`,
    message: `'timestamp ' || ${quoted('timestamp')} || ' has no time zone (add Z for UTC, or an offset such as +01:00)'`,
  },
  {
    bad: `(NOT ${blank('revenue')} AND TRY_CAST(trim(revenue) AS DOUBLE) IS NULL)`,
    message: `'revenue ' || ${quoted('revenue')} || ' is not a number'`,
  },
  {
    bad: `(NOT ${blank('value')} AND TRY_CAST(trim(value) AS DOUBLE) IS NULL)`,
    message: `'value ' || ${quoted('value')} || ' is not a number'`,
  },
  {
    bad: `(NOT ${blank('properties')} AND (NOT json_valid(properties) OR json_type(CAST(properties AS JSON)) <> 'OBJECT'))`,
    message: `'properties is not a JSON object: ' || ${quoted('properties')}`,
  },
];

/** The slow, explicit form of "the row is bad", for finding the lines to report. */
const BAD_ROW_SQL = ROW_CHECKS.map((check) => check.bad).join(' OR ');

/**
 * A key (user id, event name) that is missing or only spaces. Only a value that starts with a
 * space (ASCII, or one of Unicode's, which trim also removes) can trim to nothing, so most rows
 * are decided without a trim.
 */
const blankKey = (field: string) =>
  `${field} IS NULL OR ${field} = '' OR ((ascii(${field}) = 32 OR ascii(${field}) > 127) AND trim(${field}) = '')`;

/**
 * The staged row: every value parsed once, in file order (its rowid orders events at the same
 * time). Keys (user_id, event, channel, campaign) stay as written: they are trimmed once per
 * distinct value when they are encoded, not once per row. A row is bad for the same reasons
 * ROW_CHECKS names, found without evaluating each check: CASE tries the cheap tests first and
 * stops at the first that holds.
 */
const STAGED_SQL = (source: string) => `
  SELECT * EXCLUDE (revenue_raw, value_raw, properties_raw),
    CASE
      WHEN ts IS NULL THEN TRUE
      WHEN ${blankKey('user_id')} THEN TRUE
      WHEN ${blankKey('event')} THEN TRUE
      WHEN revenue IS NULL AND revenue_raw IS NOT NULL AND trim(revenue_raw) <> '' THEN TRUE
      WHEN value IS NULL AND value_raw IS NOT NULL AND trim(value_raw) <> '' THEN TRUE
      WHEN properties IS NULL AND properties_raw IS NOT NULL AND trim(properties_raw) <> '' THEN TRUE
      WHEN properties IS NOT NULL AND ascii(properties_raw) <> 123 AND json_type(properties) <> 'OBJECT' THEN TRUE
      ELSE FALSE
    END AS bad
  FROM (
    SELECT
      NULLIF(trim(event_id), '') AS event_id,
      user_id,
      ${TIMESTAMP_SQL} AS ts,
      event,
      NULLIF(trim(session_id), '') AS session_id,
      channel,
      campaign,
      NULLIF(url, '') AS url,
      TRY_CAST(NULLIF(trim(revenue), '') AS DOUBLE) AS revenue,
      TRY_CAST(NULLIF(trim(value), '') AS DOUBLE) AS value,
      TRY_CAST(properties AS JSON) AS properties,
      revenue AS revenue_raw, value AS value_raw, properties AS properties_raw
    FROM (${source}))`;

/** Polls DuckDB's progress while `work` runs, when someone listens. */
async function withProgress<T>(
  db: Database,
  report: ((fraction: number) => void) | undefined,
  work: Promise<T>,
): Promise<T> {
  if (report === undefined) return work;
  const timer = setInterval(() => {
    const percentage = db.progress();
    if (percentage >= 0) report(Math.min(1, percentage / 100));
  }, 100);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

async function firstProblems(db: Database, source: Source, limit: number): Promise<RowProblem[]> {
  const messages = ROW_CHECKS.map((check) => `CASE WHEN ${check.bad} THEN ${check.message} END`).join(', ');
  const rows = await db.rows<{ n: number; message: string }>(`
    SELECT n, concat_ws('; ', ${messages}) AS message
    FROM (SELECT row_number() OVER () AS n, * FROM (${source.select}))
    WHERE COALESCE(${BAD_ROW_SQL}, FALSE)
    ORDER BY n LIMIT ${limit}`);
  return rows.map((row) => ({ line: row.n - 1 + source.firstLine, message: row.message }));
}

/** Staged event ids and their distinct hashes: equal counts prove that no id comes twice. */
const ID_COUNTS_SQL = 'count(event_id) AS ids, count(DISTINCT hash(event_id)) AS hashes';

function idCounts(row: Record<string, unknown> | undefined): { ids: number; repeatsPossible: boolean } {
  const ids = Number(row?.ids ?? 0);
  return { ids, repeatsPossible: ids !== Number(row?.hashes ?? 0) };
}

/**
 * Drops staged events whose id came earlier in the file or is already stored (re-importing an
 * event id is a no-op), and says how many were dropped.
 */
async function dropRepeatedIds(db: Database, repeatsPossible: boolean): Promise<number> {
  let dropped = 0;
  if (repeatsPossible) {
    const deleted = await db.row<{ Count: number }>(
      'DELETE FROM staged WHERE event_id IS NOT NULL AND rowid NOT IN (SELECT min(rowid) FROM staged WHERE event_id IS NOT NULL GROUP BY event_id)',
    );
    dropped += deleted?.Count ?? 0;
  }
  if ((await storedEventCount(db)) > 0) {
    // The join builds on the file's ids and streams the stored ones past them.
    const deleted = await db.row<{ Count: number }>(`
      DELETE FROM staged WHERE rowid IN (
        SELECT s.rowid FROM staged s
        JOIN (SELECT event_id FROM events UNION ALL SELECT event_id FROM events_tail) e ON e.event_id = s.event_id)`);
    dropped += deleted?.Count ?? 0;
  }
  return dropped;
}

const NAME_KINDS = ['event', 'channel', 'campaign'] as const;

/**
 * Adds the staged user ids not yet among the customers, numbered in order of first appearance,
 * and leaves the temp table `user_codes (raw, code)`: the code of each id as written. Ids are
 * trimmed here, once per distinct value; a blank id gets no code.
 *
 * When the file comes customer by customer (each customer one unbroken run of rows, written one
 * way), customers numbered by first appearance make any cut between two customers' runs a cut
 * between two ranges of codes: the rows can be sorted a slice at a time. Returns the rowids
 * that start such slices of about `sliceEvents` rows, or undefined.
 */
async function encodeCustomers(db: Database, sliceEvents: number): Promise<number[] | undefined> {
  await db.run(`
    CREATE OR REPLACE TEMP TABLE user_keys AS
    SELECT raw, trim(raw) AS name, first, last - first + 1 = n AS run
    FROM (SELECT user_id AS raw, min(rowid) AS first, max(rowid) AS last, count(*) AS n FROM staged GROUP BY user_id)
    WHERE raw IS NOT NULL AND trim(raw) <> ''`);
  const known = await db.row<{ n: number }>('SELECT count(*) AS n FROM customers');
  const unknown =
    (known?.n ?? 0) > 0 ? 'WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.user_id = k.name)' : '';
  await db.run(`
    INSERT INTO customers
    SELECT (SELECT COALESCE(max(code), -1) + 1 FROM customers) + row_number() OVER (ORDER BY first) - 1, name
    FROM (SELECT name, min(first) AS first FROM user_keys GROUP BY name) k ${unknown}`);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE user_codes AS
    SELECT k.raw, c.code FROM user_keys k JOIN customers c ON c.user_id = k.name`);
  const shape = await db.row<{ runs: boolean }>(
    'SELECT bool_and(run) AND count(*) = count(DISTINCT name) AS runs FROM user_keys',
  );
  let cuts: number[] | undefined;
  if (shape?.runs === true) {
    const rows = await db.rows<{ cut: number }>(
      `SELECT min(first) AS cut FROM user_keys GROUP BY first // ${sliceEvents} ORDER BY cut`,
    );
    cuts = rows.map((row) => row.cut);
  }
  await db.run('DROP TABLE user_keys');
  return cuts;
}

/**
 * Adds the staged event names, channels and campaigns not yet among the names (in name order)
 * and leaves `<kind>_codes (raw, code)` for each: one pass over the staged rows for all three.
 */
async function encodeNames(db: Database): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TEMP TABLE name_keys AS
    SELECT kind, raw, trim(raw) AS name FROM (
      SELECT CASE WHEN GROUPING(event) = 0 THEN 'event' WHEN GROUPING(channel) = 0 THEN 'channel' ELSE 'campaign' END AS kind,
             COALESCE(event, channel, campaign) AS raw
      FROM staged GROUP BY GROUPING SETS ((event), (channel), (campaign)))
    WHERE raw IS NOT NULL AND trim(raw) <> ''`);
  await db.run(`
    INSERT INTO names
    SELECT k.kind, COALESCE(n.next, 0) + row_number() OVER (PARTITION BY k.kind ORDER BY k.name) - 1, k.name
    FROM (SELECT DISTINCT kind, name FROM name_keys) k
    LEFT JOIN (SELECT kind, max(code) + 1 AS next FROM names GROUP BY kind) n ON n.kind = k.kind
    WHERE NOT EXISTS (SELECT 1 FROM names d WHERE d.kind = k.kind AND d.name = k.name)`);
  for (const kind of NAME_KINDS) {
    await db.run(`
      CREATE OR REPLACE TEMP TABLE ${kind}_codes AS
      SELECT k.raw, d.code FROM name_keys k JOIN names d ON d.kind = k.kind AND d.name = k.name
      WHERE k.kind = ${sqlString(kind)}`);
  }
  await db.run('DROP TABLE name_keys');
}

/** The staged events, encoded as rows of the events table. */
const ENCODED_SQL = (seqBase: number, where = 'TRUE') => `
  SELECT u.code AS customer, s.ts, ${seqBase} + s.rowid AS seq, e.code AS event,
         ch.code AS channel, ca.code AS campaign, s.session_id, s.url, s.revenue, s.value,
         s.properties, s.event_id
  FROM staged s
  JOIN user_codes u ON u.raw = s.user_id
  JOIN event_codes e ON e.raw = s.event
  LEFT JOIN channel_codes ch ON ch.raw = s.channel
  LEFT JOIN campaign_codes ca ON ca.raw = s.campaign
  WHERE ${where}`;

/**
 * Stores the staged events in an empty store a slice of rows at a time, each slice sorted:
 * `cuts` are the rowids where slices start, each slice's customers all after the last one's.
 */
async function insertInSlices(db: Database, seqBase: number, cuts: readonly number[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < cuts.length; i++) {
    const next = cuts[i + 1];
    const where = `s.rowid >= ${cuts[i]}${next === undefined ? '' : ` AND s.rowid < ${next}`}`;
    const result = await db.row<{ Count: number }>(
      `INSERT INTO events SELECT * FROM (${ENCODED_SQL(seqBase, where)}) ORDER BY customer, ts, seq`,
    );
    inserted += result?.Count ?? 0;
  }
  return inserted;
}

/** Imports one event file into the store. */
export async function importEventFile(
  db: Database,
  path: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const started = performance.now();
  const format = resolveFormat(path, options.format);
  const mapping = options.columns ?? {};
  checkMapping(mapping);
  const source =
    format === 'ndjson' ? ndjsonSource(path, mapping) : await tabularSource(db, path, format, mapping);
  // Keeping track of progress costs time, so DuckDB does it only while someone listens.
  if (options.onProgress) await db.trackProgress(true);
  try {
    return await db.transaction(() => importSource(db, { path, format, source, started }, options));
  } finally {
    if (options.onProgress) await db.trackProgress(false);
  }
}

async function importSource(
  db: Database,
  file: { path: string; format: EventFileFormat; source: Source; started: number },
  options: ImportOptions,
): Promise<ImportResult> {
  const { path, format, source, started } = file;
  const listener = options.onProgress;
  const progress = listener ?? (() => {});
  progress({ phase: 'reading', fraction: 0, rows: 0 });
  await withProgress(
    db,
    listener &&
      ((fraction) =>
        listener({ phase: 'reading', fraction, rows: Math.round(fraction * source.estimatedRows) })),
    db.run(`CREATE OR REPLACE TEMP TABLE staged AS ${STAGED_SQL(source.select)}`),
  );
  const counts = await db.row<{ rows: number; bad: number; ids: number; hashes: number }>(
    `SELECT count(*) AS rows, count(*) FILTER (WHERE bad) AS bad, ${ID_COUNTS_SQL} FROM staged`,
  );
  const rows = counts?.rows ?? 0;
  const bad = counts?.bad ?? 0;
  progress({ phase: 'checking', fraction: 1, rows });
  let problems: RowProblem[] = [];
  let ids = idCounts(counts);
  if (bad > 0) {
    problems = await firstProblems(db, source, options.maxProblems ?? 20);
    if (!options.skipInvalid) throw new InvalidRowsError(path, problems, bad, rows, source.unit);
    await db.run('DELETE FROM staged WHERE bad');
    ids = idCounts(await db.row(`SELECT ${ID_COUNTS_SQL} FROM staged`));
  }
  const duplicates = ids.ids > 0 ? await dropRepeatedIds(db, ids.repeatsPossible) : 0;

  const sliceEvents = options.sliceEvents ?? SORT_SLICE_EVENTS;
  const cuts = await encodeCustomers(db, sliceEvents);
  await encodeNames(db);
  progress({ phase: 'storing', fraction: 0, rows });
  const seqBase = await nextSeq(db);
  // Into an empty store, a file that comes customer by customer is sorted a slice at a time.
  const storing =
    cuts && cuts.length > 1 && (await storedEventCount(db)) === 0
      ? insertInSlices(db, seqBase, cuts)
      : foldIntoEvents(db, ENCODED_SQL(seqBase), sliceEvents);
  const imported = await withProgress(
    db,
    listener && ((fraction) => listener({ phase: 'storing', fraction, rows })),
    storing,
  );
  await db.run(
    `DROP TABLE staged; DROP TABLE user_codes; ${NAME_KINDS.map((kind) => `DROP TABLE ${kind}_codes`).join('; ')}`,
  );
  progress({ phase: 'done', fraction: 1, rows });
  return {
    file: path,
    format,
    rows,
    imported,
    duplicates,
    skipped: bad,
    problems,
    ignoredColumns: source.ignoredColumns,
    seconds: (performance.now() - started) / 1000,
  };
}
