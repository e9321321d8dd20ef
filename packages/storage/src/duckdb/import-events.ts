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

/** Timestamps: epoch milliseconds, or ISO 8601 with a zone (Z or an offset). */
const TIMESTAMP_SQL = `CASE
  WHEN TRY_CAST(timestamp AS BIGINT) IS NOT NULL THEN make_timestamp(TRY_CAST(timestamp AS BIGINT) * 1000)
  WHEN regexp_matches(timestamp, '(?:[Zz]|[+-]\\d\\d(?::?\\d\\d)?)$') THEN CAST(TRY_CAST(timestamp AS TIMESTAMPTZ) AS TIMESTAMP)
END`;

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
 * The staged row: every field parsed once. A row is bad when a required field is missing or a
 * value that was given did not parse: the same rows ROW_CHECKS names, found without
 * evaluating each check (parsing twice would cost a third of an import).
 */
const STAGED_SQL = (source: string) => `
  SELECT * EXCLUDE (revenue_raw, value_raw, properties_raw),
    COALESCE(user_id IS NULL OR user_id = '' OR event IS NULL OR event = '' OR ts IS NULL
      OR (revenue IS NULL AND NOT ${blank('revenue_raw')})
      OR (value IS NULL AND NOT ${blank('value_raw')})
      OR (properties IS NULL AND NOT ${blank('properties_raw')})
      OR (properties IS NOT NULL AND json_type(properties) <> 'OBJECT'), TRUE) AS bad
  FROM (
    SELECT
      NULLIF(trim(event_id), '') AS event_id,
      trim(user_id) AS user_id,
      ${TIMESTAMP_SQL} AS ts,
      trim(event) AS event,
      NULLIF(trim(session_id), '') AS session_id,
      NULLIF(trim(channel), '') AS channel,
      NULLIF(trim(campaign), '') AS campaign,
      NULLIF(url, '') AS url,
      TRY_CAST(NULLIF(trim(revenue), '') AS DOUBLE) AS revenue,
      TRY_CAST(NULLIF(trim(value), '') AS DOUBLE) AS value,
      CASE WHEN ${blank('properties')} OR NOT json_valid(properties) THEN NULL ELSE CAST(properties AS JSON) END AS properties,
      revenue AS revenue_raw, value AS value_raw, properties AS properties_raw
    FROM (${source}))`;

/** Polls DuckDB's progress while `work` runs. */
async function withProgress<T>(
  db: Database,
  report: (fraction: number) => void,
  work: Promise<T>,
): Promise<T> {
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

/** Adds names not yet in the dictionary of `kind`, taken from column `column` of `staged`. */
async function addNames(db: Database, kind: string, column: string): Promise<void> {
  await db.run(`
    INSERT INTO names
    SELECT ${sqlString(kind)}, (SELECT COALESCE(max(code), -1) FROM names WHERE kind = ${sqlString(kind)}) + row_number() OVER (ORDER BY name), name
    FROM (SELECT DISTINCT ${column} AS name FROM staged WHERE ${column} IS NOT NULL) s
    WHERE name NOT IN (SELECT name FROM names WHERE kind = ${sqlString(kind)})`);
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
  const progress = options.onProgress ?? (() => {});
  const limit = options.maxProblems ?? 20;

  return db.transaction(async () => {
    progress({ phase: 'reading', fraction: 0, rows: 0 });
    await withProgress(
      db,
      (fraction) =>
        progress({ phase: 'reading', fraction, rows: Math.round(fraction * source.estimatedRows) }),
      db.run(`CREATE OR REPLACE TEMP TABLE staged AS ${STAGED_SQL(source.select)}`),
    );
    const counts = await db.row<{ rows: number; bad: number }>(
      'SELECT count(*) AS rows, count(*) FILTER (WHERE bad) AS bad FROM staged',
    );
    const rows = counts?.rows ?? 0;
    const bad = counts?.bad ?? 0;
    progress({ phase: 'checking', fraction: 1, rows });
    let problems: RowProblem[] = [];
    if (bad > 0) {
      problems = await firstProblems(db, source, limit);
      if (!options.skipInvalid) throw new InvalidRowsError(path, problems, bad, rows, source.unit);
      await db.run('DELETE FROM staged WHERE bad');
    }

    // Re-importing an event id is a no-op: drop ids seen earlier in the file or already stored.
    const ids = await db.row<{ ids: number; distinct_ids: number }>(
      'SELECT count(event_id) AS ids, count(DISTINCT event_id) AS distinct_ids FROM staged',
    );
    let duplicates = 0;
    if (ids && ids.ids !== ids.distinct_ids) {
      await db.run(
        'DELETE FROM staged WHERE event_id IS NOT NULL AND rowid NOT IN (SELECT min(rowid) FROM staged WHERE event_id IS NOT NULL GROUP BY event_id)',
      );
      duplicates += ids.ids - ids.distinct_ids;
    }
    const stored = await db.row<{ n: number }>('SELECT count(*) AS n FROM events');
    const hadEvents = (stored?.n ?? 0) > 0;
    if (hadEvents && (ids?.ids ?? 0) > 0) {
      const before = await db.row<{ n: number }>('SELECT count(*) AS n FROM staged');
      await db.run(
        'DELETE FROM staged WHERE event_id IN (SELECT event_id FROM events WHERE event_id IS NOT NULL)',
      );
      const after = await db.row<{ n: number }>('SELECT count(*) AS n FROM staged');
      duplicates += (before?.n ?? 0) - (after?.n ?? 0);
    }

    await db.run(`
      INSERT INTO customers
      SELECT (SELECT COALESCE(max(code), -1) FROM customers) + row_number() OVER (), user_id
      FROM (SELECT DISTINCT user_id FROM staged) s
      WHERE user_id NOT IN (SELECT user_id FROM customers)`);
    await addNames(db, 'event', 'event');
    await addNames(db, 'channel', 'channel');
    await addNames(db, 'campaign', 'campaign');

    const seqBase =
      (await db.row<{ seq: number }>('SELECT COALESCE(max(seq), -1) + 1 AS seq FROM events'))?.seq ?? 0;
    const incoming = `
      SELECT c.code AS customer, s.ts, ${seqBase} + s.rowid AS seq, n.code AS event, ch.code AS channel,
             ca.code AS campaign, s.session_id, s.url, s.revenue, s.value, s.properties, s.event_id
      FROM staged s
      JOIN customers c ON c.user_id = s.user_id
      JOIN names n ON n.kind = 'event' AND n.name = s.event
      LEFT JOIN names ch ON ch.kind = 'channel' AND ch.name = s.channel
      LEFT JOIN names ca ON ca.kind = 'campaign' AND ca.name = s.campaign`;
    const report = (fraction: number) => progress({ phase: 'storing', fraction, rows });
    if (!hadEvents) {
      await withProgress(
        db,
        report,
        db.run(`INSERT INTO events SELECT * FROM (${incoming}) ORDER BY customer, ts, seq`),
      );
    } else {
      await withProgress(
        db,
        report,
        db.run(`
          CREATE TABLE events_clustered AS
          SELECT * FROM (SELECT * FROM events UNION ALL ${incoming}) ORDER BY customer, ts, seq`),
      );
      await db.run('DROP TABLE events; ALTER TABLE events_clustered RENAME TO events');
    }
    const imported = (await db.row<{ n: number }>('SELECT count(*) AS n FROM staged'))?.n ?? 0;
    await db.run('DROP TABLE staged');
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
  });
}
