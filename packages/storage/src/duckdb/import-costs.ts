/**
 * Importing ad spend: one row per date, channel and campaign. A row for a day, channel and
 * campaign already stored replaces it, so importing the same export twice counts it once.
 */
import { COST_FIELDS } from '@touchline/analytics';
import { InvalidRowsError, type RowProblem, StorageError } from '../errors.ts';
import { resolveFormat } from '../files.ts';
import { sqlIdentifier, sqlString } from '../sql.ts';
import type { Database } from './database.ts';

export interface CostImportResult {
  file: string;
  rows: number;
  /** Stored rows replaced by rows of this file. */
  replaced: number;
  seconds: number;
}

const COUNT_FIELDS = ['impressions', 'viewable_impressions', 'audible_impressions', 'clicks'] as const;
const quoted = (field: string) => `'"' || left(${sqlIdentifier(field)}, 60) || '"'`;

const CHECKS: readonly { bad: string; message: string }[] = [
  {
    bad: 'TRY_CAST(date AS DATE) IS NULL',
    message: `'date ' || ${quoted('date')} || ' is not a date (YYYY-MM-DD)'`,
  },
  { bad: "(channel IS NULL OR trim(channel) = '')", message: "'channel is empty'" },
  {
    bad: '(cost IS NULL OR TRY_CAST(cost AS DOUBLE) IS NULL OR TRY_CAST(cost AS DOUBLE) < 0)',
    message: `'cost ' || COALESCE(${quoted('cost')}, '(empty)') || ' is not an amount of 0 or more'`,
  },
  ...COUNT_FIELDS.map((field) => ({
    bad: `(${field} IS NOT NULL AND trim(${field}) <> '' AND (TRY_CAST(${field} AS BIGINT) IS NULL OR TRY_CAST(${field} AS BIGINT) < 0))`,
    message: `'${field} ' || ${quoted(field)} || ' is not a whole number of 0 or more'`,
  })),
];

/** Imports a cost file (CSV, optionally gzip) in one transaction. */
export async function importCostFile(db: Database, path: string): Promise<CostImportResult> {
  const started = performance.now();
  const format = resolveFormat(path);
  if (format !== 'csv') {
    throw new StorageError(
      'unsupported-format',
      `${path}: cost files are CSV with columns ${COST_FIELDS.join(', ')}`,
    );
  }
  const reader = `read_csv(${sqlString(path)}, all_varchar = true, header = true)`;
  const described = await db.rows<{ column_name: string }>(`DESCRIBE SELECT * FROM ${reader}`);
  const names = new Set(described.map((c) => c.column_name));
  for (const required of ['date', 'channel', 'cost']) {
    if (!names.has(required)) {
      throw new StorageError(
        'missing-column',
        `${path}: no column ${required}; a cost file has ${COST_FIELDS.join(', ')} (the file has ${[...names].join(', ')})`,
      );
    }
  }
  const column = (field: string) =>
    names.has(field)
      ? `CAST(${sqlIdentifier(field)} AS VARCHAR) AS ${field}`
      : `CAST(NULL AS VARCHAR) AS ${field}`;
  const source = `SELECT ${COST_FIELDS.map(column).join(', ')} FROM ${reader}`;
  const bad = CHECKS.map((check) => check.bad).join(' OR ');

  return db.transaction(async () => {
    await db.run(`
      CREATE OR REPLACE TEMP TABLE staged_costs AS
      SELECT TRY_CAST(date AS DATE) AS date, trim(channel) AS channel, COALESCE(trim(campaign), '') AS campaign,
             TRY_CAST(cost AS DOUBLE) AS cost,
             ${COUNT_FIELDS.map((f) => `COALESCE(TRY_CAST(NULLIF(trim(${f}), '') AS BIGINT), 0) AS ${f}`).join(', ')},
             COALESCE(${bad}, FALSE) AS bad
      FROM (${source})`);
    const counts = await db.row<{ rows: number; bad: number }>(
      'SELECT count(*) AS rows, count(*) FILTER (WHERE bad) AS bad FROM staged_costs',
    );
    if ((counts?.bad ?? 0) > 0) {
      const messages = CHECKS.map((check) => `CASE WHEN ${check.bad} THEN ${check.message} END`).join(', ');
      const rows = await db.rows<{ n: number; message: string }>(`
        SELECT n, concat_ws('; ', ${messages}) AS message
        FROM (SELECT row_number() OVER () AS n, * FROM (${source}))
        WHERE COALESCE(${bad}, FALSE) ORDER BY n LIMIT 20`);
      const problems: RowProblem[] = rows.map((row) => ({ line: row.n + 1, message: row.message }));
      throw new InvalidRowsError(path, problems, counts?.bad ?? 0, counts?.rows ?? 0, 'line');
    }
    // A day, channel and campaign appearing twice in the file adds up.
    await db.run(`
      CREATE OR REPLACE TEMP TABLE incoming_costs AS
      SELECT date, channel, campaign, sum(cost) AS cost,
             ${COUNT_FIELDS.map((f) => `sum(${f}) AS ${f}`).join(', ')}
      FROM staged_costs GROUP BY date, channel, campaign`);
    const replaced = await db.row<{ n: number }>(`
      SELECT count(*) AS n FROM costs c
      WHERE EXISTS (SELECT 1 FROM incoming_costs i WHERE i.date = c.date AND i.channel = c.channel AND i.campaign = c.campaign)`);
    await db.run(`
      DELETE FROM costs c
      WHERE EXISTS (SELECT 1 FROM incoming_costs i WHERE i.date = c.date AND i.channel = c.channel AND i.campaign = c.campaign)`);
    await db.run(
      `INSERT INTO costs SELECT date, channel, campaign, cost, ${COUNT_FIELDS.join(', ')} FROM incoming_costs`,
    );
    await db.run('DROP TABLE staged_costs; DROP TABLE incoming_costs');
    return {
      file: path,
      rows: counts?.rows ?? 0,
      replaced: replaced?.n ?? 0,
      seconds: (performance.now() - started) / 1000,
    };
  });
}
