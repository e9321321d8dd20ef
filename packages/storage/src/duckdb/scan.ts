/**
 * The ordered scan: one SQL query over the clustered events table (no ORDER BY: each customer's
 * events are one run in (time, seq) order and DuckDB keeps insertion order), its chunks gathered
 * into batches that never split a customer. Customers with events in the live tail are read by
 * a second, sorted query that merges their stored and tail events.
 */

import { DuckDBDataChunk } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import type { EventBatch, ScanRequest } from '@touchline/analytics';
import { sqlNumber } from '../sql.ts';
import type { Connection } from './database.ts';
import { type RuleDictionaries, rulesSql } from './rules-sql.ts';

/** Rows per batch before the batch is cut at the next customer boundary. */
const BATCH_ROWS = 65_536;

export interface ScanQuery {
  /**
   * The query over the customers with codes in [from, to), or over all: over the clustered
   * events as stored, or (`merged`) over the customers with events in the tail, their stored
   * and tail events together in (customer, time, seq) order.
   */
  sql(customers?: readonly [number, number], merged?: boolean): string;
  /** Whether the query returns a text `grp` column that the reader encodes. */
  textGroup: boolean;
}

function groupSql(property: string): { sql: string; text: boolean } {
  if (property === 'channel' || property === 'campaign') return { sql: property, text: false };
  if (property === 'url' || property === 'session_id') return { sql: property, text: true };
  if (property === 'revenue' || property === 'value')
    return { sql: `CAST(${property} AS VARCHAR)`, text: true };
  return {
    sql: `json_extract_string(properties, '$.${JSON.stringify(property).replaceAll("'", "''")}')`,
    text: true,
  };
}

/** The SQL of a scan request. */
export function scanQuery(request: ScanRequest, dictionaries: RuleDictionaries): ScanQuery {
  const markers = request.markers ?? [];
  if (markers.length > 30) throw new RangeError('a scan takes at most 30 markers');
  const marks =
    markers.length === 0
      ? '0'
      : markers
          .map((rules, i) => `(CASE WHEN ${rulesSql(rules, dictionaries)} THEN ${2 ** i} ELSE 0 END)`)
          .join(' + ');
  const classes = request.classes ?? [];
  const cls =
    classes.length === 0
      ? '-1'
      : `CASE ${classes.map((rules, i) => `WHEN ${rulesSql(rules, dictionaries)} THEN ${i}`).join(' ')} ELSE -1 END`;
  const columns = new Set(request.columns ?? []);
  const group = request.groupBy === undefined ? undefined : groupSql(request.groupBy);
  // [expression, name]: the inner query computes, the outer one filters on the computed marks.
  const outputs: [string, string][] = [
    ['customer', 'customer'],
    ['CAST(epoch_ms(ts) AS DOUBLE)', 't'],
    ['event', 'event'],
    [`CAST(${marks} AS INTEGER)`, 'marks'],
    [`CAST(${cls} AS INTEGER)`, 'cls'],
  ];
  if (columns.has('channel')) outputs.push(['COALESCE(channel, -1)', 'channel']);
  if (columns.has('campaign')) outputs.push(['COALESCE(campaign, -1)', 'campaign']);
  // Sessions compare only within a customer, so a 31-bit hash of the id is enough.
  if (columns.has('session'))
    outputs.push([
      "CAST(CASE WHEN session_id IS NULL OR session_id = '' THEN -1 ELSE hash(session_id) % 2147483647 END AS INTEGER)",
      'session',
    ]);
  if (columns.has('revenue')) outputs.push(["COALESCE(revenue, CAST('NaN' AS DOUBLE))", 'revenue']);
  if (columns.has('value')) outputs.push(["COALESCE(value, CAST('NaN' AS DOUBLE))", 'value']);
  if (group) outputs.push([group.text ? group.sql : `COALESCE(${group.sql}, -1)`, 'grp']);

  const where: string[] = [];
  if (request.from !== undefined)
    where.push(`ts >= make_timestamp(${sqlNumber(Math.round(request.from * 1000))})`);
  if (request.to !== undefined)
    where.push(`ts < make_timestamp(${sqlNumber(Math.round(request.to * 1000))})`);
  const whereSql = (customers?: readonly [number, number]) => {
    const all = customers ? [...where, `customer >= ${customers[0]}`, `customer < ${customers[1]}`] : where;
    return all.length ? ` WHERE ${all.join(' AND ')}` : '';
  };
  const relation = (merged: boolean) => (merged ? MERGED_EVENTS : 'events');
  const order = (merged: boolean) => (merged ? ' ORDER BY customer, ts, seq' : '');
  if (!request.matchedOnly) {
    const columnsSql = outputs.map(([expression, name]) => `${expression} AS ${name}`).join(', ');
    return {
      sql: (customers, merged = false) =>
        `SELECT ${columnsSql} FROM ${relation(merged)}${whereSql(customers)}${order(merged)}`,
      textGroup: group?.text ?? false,
    };
  }
  const keep: string[] = [];
  if (markers.length > 0) keep.push('marks <> 0');
  if (classes.length > 0) keep.push('cls <> -1');
  if (request.orWithChannel) keep.push('touch_channel IS NOT NULL');
  const inner = [...outputs, ['channel', 'touch_channel'], ['ts', 'ts'], ['seq', 'seq']]
    .map(([expression, name]) => `${expression} AS ${name}`)
    .join(', ');
  const outer = outputs.map(([, name]) => name).join(', ');
  const filter = keep.length ? keep.join(' OR ') : 'FALSE';
  return {
    sql: (customers, merged = false) =>
      `SELECT ${outer} FROM (SELECT ${inner} FROM ${relation(merged)}${whereSql(customers)}) WHERE ${filter}${order(merged)}`,
    textGroup: group?.text ?? false,
  };
}

/** The stored and tail events of the customers that have events in the tail. */
const MERGED_EVENTS = `(SELECT * FROM events WHERE customer IN (SELECT customer FROM events_tail)
  UNION ALL SELECT * FROM events_tail)`;

type Column = Int32Array | Float64Array;

/** The numeric columns of a batch, in the order a scan query selects them after the first five. */
const OPTIONAL_COLUMNS = ['channel', 'campaign', 'session', 'revenue', 'value', 'group'] as const;
const FLOAT_COLUMNS = new Set<string>(['time', 'revenue', 'value']);

/** Growable typed columns, filled a chunk at a time. */
class BatchBuilder {
  length = 0;
  readonly columns = new Map<string, Column>();

  constructor(names: readonly string[], capacity: number) {
    for (const name of names)
      this.columns.set(name, FLOAT_COLUMNS.has(name) ? new Float64Array(capacity) : new Int32Array(capacity));
  }

  append(name: string, values: Column): void {
    let column = this.columns.get(name) as Column;
    if (this.length + values.length > column.length) {
      const bigger = new (column.constructor as new (n: number) => Column)(
        Math.max(column.length * 2, this.length + values.length),
      );
      bigger.set(column.subarray(0, this.length));
      this.columns.set(name, bigger);
      column = bigger;
    }
    column.set(values, this.length);
  }

  /** Rows `start` to `end` of `source`'s columns, appended after the rows held. */
  appendRows(source: ReadonlyMap<string, Column>, start: number, end: number): void {
    if (end <= start) return;
    for (const [name, values] of source) this.append(name, values.subarray(start, end));
    this.length += end - start;
  }

  /** The first `rows` rows as a batch; the rest stay in this builder. */
  take(rows: number): EventBatch {
    const part = (name: string) => {
      const column = this.columns.get(name) as Column;
      const head = column.slice(0, rows);
      column.copyWithin(0, rows, this.length);
      return head;
    };
    const batch: EventBatch = {
      length: rows,
      customer: part('customer') as Int32Array,
      time: part('time') as Float64Array,
      event: part('event') as Int32Array,
      marks: part('marks') as Int32Array,
      cls: part('cls') as Int32Array,
    };
    for (const name of OPTIONAL_COLUMNS) {
      if (this.columns.has(name)) Object.assign(batch, { [name]: part(name) });
    }
    this.length -= rows;
    return batch;
  }
}

/** A vector's values as a typed array, copied out of DuckDB's memory in one call. */
function vectorValues(chunk: duckdb.DataChunk, index: number, rows: number, float: boolean): Column {
  const bytes = duckdb.vector_get_data(duckdb.data_chunk_get_vector(chunk, index), rows * (float ? 8 : 4));
  const aligned = bytes.byteOffset % (float ? 8 : 4) === 0 ? bytes : bytes.slice();
  return float
    ? new Float64Array(aligned.buffer, aligned.byteOffset, rows)
    : new Int32Array(aligned.buffer, aligned.byteOffset, rows);
}

/** Rows a slice of customers should hold: one materialized result at a time stays small. */
const SLICE_ROWS = 2_000_000;

/** The rows of a chunk whose customer is not in `skip`, or undefined when that is every row. */
function keptRows(customers: Int32Array, skip: Uint8Array): Int32Array | undefined {
  let kept = 0;
  for (let row = 0; row < customers.length; row++) if (skip[customers[row] as number] !== 1) kept++;
  if (kept === customers.length) return undefined;
  const rows = new Int32Array(kept);
  let next = 0;
  for (let row = 0; row < customers.length; row++)
    if (skip[customers[row] as number] !== 1) rows[next++] = row;
  return rows;
}

function selectRows(values: Column, rows: Int32Array): Column {
  const selected = new (values.constructor as new (n: number) => Column)(rows.length);
  for (let i = 0; i < rows.length; i++) selected[i] = values[rows[i] as number] as number;
  return selected;
}

/** Reads materialized results into typed columns, encoding a text group column on the way. */
class ChunkReader {
  names: string[] = [];

  constructor(
    private readonly query: ScanQuery,
    private readonly groups: string[],
    private readonly groupCodes: Map<string, number>,
  ) {}

  /** The columns of each chunk of `result`, without the rows of customers in `skip`. */
  *chunks(result: duckdb.Result, skip?: Uint8Array): Generator<Map<string, Column>> {
    if (this.names.length === 0) {
      this.names = Array.from({ length: duckdb.column_count(result) }, (_, i) => {
        const name = duckdb.column_name(result, i);
        return name === 't' ? 'time' : name === 'grp' ? 'group' : name;
      });
    }
    const groupIndex = this.names.indexOf('group');
    const count = duckdb.result_chunk_count(result);
    for (let c = 0; c < count; c++) {
      const chunk = duckdb.result_get_chunk(result, c);
      const rows = duckdb.data_chunk_get_size(chunk);
      if (rows === 0) continue;
      const kept = skip ? keptRows(vectorValues(chunk, 0, rows, false) as Int32Array, skip) : undefined;
      if (kept?.length === 0) continue;
      const columns = new Map<string, Column>();
      this.names.forEach((name, index) => {
        const values =
          index === groupIndex && this.query.textGroup
            ? encodeText(
                new DuckDBDataChunk(chunk).getColumnVector(index),
                rows,
                this.groups,
                this.groupCodes,
              )
            : vectorValues(chunk, index, rows, FLOAT_COLUMNS.has(name));
        columns.set(name, kept ? selectRows(values, kept) : values);
      });
      yield columns;
    }
  }
}

/**
 * Runs a scan slice by slice (customer code ranges, which the clustered table's zone maps
 * answer without reading other row groups) and yields batches of about BATCH_ROWS rows, each
 * cut where a customer ends, customers in code order. Every column of a scan query is a
 * non-null INTEGER or DOUBLE (nulls are coalesced to -1 or NaN in SQL), so whole vectors are
 * copied at once; only a text group column is read value by value and encoded here (`groups`
 * collects its values).
 *
 * `inTail` marks the customers with events in the tail. A slice holding any reads them with a
 * second, sorted query (their stored and tail events merged), leaves them out of the plain
 * query, and puts the two together again customer by customer, in code order.
 */
export async function* readBatches(
  db: Connection,
  query: ScanQuery,
  size: { events: number; customers: number },
  groups: string[],
  inTail?: Uint8Array,
  sliceRows = SLICE_ROWS,
): AsyncGenerator<EventBatch> {
  const slices = Math.max(1, Math.ceil(size.events / sliceRows));
  const perSlice = Math.ceil(size.customers / slices);
  const reader = new ChunkReader(query, groups, new Map(groups.map((g, i) => [g, i])));
  let builder: BatchBuilder | undefined;
  /** Batches that can be cut from the builder. */
  function* ready(current: BatchBuilder): Generator<EventBatch> {
    if (current.length < BATCH_ROWS) return;
    const customer = current.columns.get('customer') as Int32Array;
    let cut = current.length - 1;
    while (cut > 0 && customer[cut] === customer[cut - 1]) cut--;
    if (cut > 0) yield current.take(cut);
  }
  for (let slice = 0; slice < slices; slice++) {
    const range = slices === 1 ? undefined : ([slice * perSlice, (slice + 1) * perSlice] as const);
    const merging = inTail !== undefined && anyMarked(inTail, range);
    // The tail's customers of this slice, merged and sorted: few, so held whole.
    let tail: BatchBuilder | undefined;
    if (merging) {
      const result = await db.materialize(query.sql(range, true));
      for (const columns of reader.chunks(result)) {
        tail ??= new BatchBuilder(reader.names, BATCH_ROWS);
        tail.appendRows(columns, 0, columns.get('customer')?.length ?? 0);
      }
    }
    const tailCustomer = (tail?.columns.get('customer') ?? new Int32Array(0)) as Int32Array;
    const tailLength = tail?.length ?? 0;
    let next = 0;
    const result = await db.materialize(query.sql(range));
    for (const columns of reader.chunks(result, merging ? inTail : undefined)) {
      builder ??= new BatchBuilder(reader.names, BATCH_ROWS * 2);
      const customer = columns.get('customer') as Int32Array;
      let row = 0;
      while (row < customer.length) {
        // Tail customers that come before this row's customer go first.
        let end = next;
        while (end < tailLength && (tailCustomer[end] as number) < (customer[row] as number)) end++;
        if (tail && end > next) {
          builder.appendRows(tail.columns, next, end);
          next = end;
        }
        const limit = next < tailLength ? (tailCustomer[next] as number) : Number.POSITIVE_INFINITY;
        let stop = row;
        while (stop < customer.length && (customer[stop] as number) < limit) stop++;
        builder.appendRows(columns, row, stop);
        row = stop;
        yield* ready(builder);
      }
    }
    if (tail && next < tailLength) {
      builder ??= new BatchBuilder(reader.names, BATCH_ROWS * 2);
      builder.appendRows(tail.columns, next, tailLength);
      yield* ready(builder);
    }
  }
  if (builder && builder.length > 0) yield builder.take(builder.length);
}

/** Whether any customer in `range` (all when absent) is marked. */
function anyMarked(marks: Uint8Array, range?: readonly [number, number]): boolean {
  const from = range ? range[0] : 0;
  const to = Math.min(marks.length, range ? range[1] : marks.length);
  for (let code = from; code < to; code++) if (marks[code] === 1) return true;
  return false;
}

/** Text values as dictionary codes (-1 for none), adding new values to `groups`. */
function encodeText(
  vector: { getItem(index: number): unknown },
  rows: number,
  groups: string[],
  groupCodes: Map<string, number>,
): Int32Array {
  const codes = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    const raw = vector.getItem(row);
    if (raw === null || raw === '') {
      codes[row] = -1;
      continue;
    }
    const text = String(raw);
    let code = groupCodes.get(text);
    if (code === undefined) {
      code = groups.length;
      groups.push(text);
      groupCodes.set(text, code);
    }
    codes[row] = code;
  }
  return codes;
}
