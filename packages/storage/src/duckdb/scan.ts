/**
 * The ordered scan: one SQL query over the clustered events table (no ORDER BY: the table is
 * stored in (customer, time, seq) order and DuckDB keeps insertion order), its chunks gathered
 * into batches that never split a customer.
 */

import { DuckDBDataChunk } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import type { EventBatch, ScanRequest } from '@touchline/analytics';
import type { MatchRule } from '@touchline/core';
import { sqlNumber } from '../sql.ts';
import type { Database } from './database.ts';
import { conditionSql, type RuleDictionaries } from './rules-sql.ts';

/** Rows per batch before the batch is cut at the next customer boundary. */
const BATCH_ROWS = 65_536;

export interface ScanQuery {
  /** The query over the customers with codes in [from, to), or over all. */
  sql(customers?: readonly [number, number]): string;
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

/**
 * Rule sets (markers or classes) taken apart by event code: per code, in rule-set order, the
 * sets with a rule for that event and the SQL of its conditions (null when a rule of the set has
 * none, so every event of the code matches the set).
 */
function byEvent(
  sets: readonly (readonly MatchRule[])[],
  dictionaries: RuleDictionaries,
): Map<number, { set: number; conditions: string | null }[]> {
  const codes = new Map<number, { set: number; conditions: string | null }[]>();
  sets.forEach((rules, set) => {
    for (const rule of rules) {
      const code = dictionaries.events.indexOf(rule.event);
      if (code === -1) continue;
      const where = rule.where ?? [];
      const conditions =
        where.length === 0 ? null : `(${where.map((c) => conditionSql(c, dictionaries)).join(' AND ')})`;
      const entries = codes.get(code) ?? [];
      codes.set(code, entries);
      const entry = entries.find((e) => e.set === set);
      if (!entry) entries.push({ set, conditions });
      else if (entry.conditions !== null)
        entry.conditions = conditions === null ? null : `(${entry.conditions} OR ${conditions})`;
    }
  });
  return codes;
}

/**
 * A value per event code: what holds for every event of a code is a constant list looked up by
 * the code (one array read a row), and only codes with conditions left get a CASE of their own,
 * so a condition is evaluated on the events of its own name only.
 */
function perEventSql(
  constants: number[],
  conditional: Map<number, string>,
  eventCount: number,
  none: number,
): string {
  const list = Array.from({ length: eventCount }, (_, code) => constants[code] ?? none);
  const lookup = list.every((v) => v === none)
    ? String(none)
    : `COALESCE(list_extract([${list.join(', ')}], event + 1), ${none})`;
  if (conditional.size === 0) return lookup;
  const branches = [...conditional].map(([code, sql]) => `WHEN ${code} THEN ${sql}`).join(' ');
  return `CASE event ${branches} ELSE ${lookup} END`;
}

/** Bit i set when the event matches any rule of marker i. */
function marksSql(markers: readonly (readonly MatchRule[])[], dictionaries: RuleDictionaries): string {
  const constants: number[] = [];
  const conditional = new Map<number, string>();
  for (const [code, entries] of byEvent(markers, dictionaries)) {
    let always = 0;
    for (const { set, conditions } of entries) if (conditions === null) always |= 2 ** set;
    constants[code] = always;
    const tests = entries
      .filter(({ set, conditions }) => conditions !== null && (always & (2 ** set)) === 0)
      .map(({ set, conditions }) => `(CASE WHEN ${conditions} THEN ${2 ** set} ELSE 0 END)`);
    if (tests.length > 0) conditional.set(code, [String(always), ...tests].join(' + '));
  }
  return perEventSql(constants, conditional, dictionaries.events.length, 0);
}

/** The index of the first class whose rules the event matches, or -1. */
function classSql(classes: readonly (readonly MatchRule[])[], dictionaries: RuleDictionaries): string {
  const constants: number[] = [];
  const conditional = new Map<number, string>();
  for (const [code, entries] of byEvent(classes, dictionaries)) {
    const whens: string[] = [];
    let otherwise = -1;
    for (const { set, conditions } of entries) {
      if (conditions === null) {
        otherwise = set;
        break;
      }
      whens.push(`WHEN ${conditions} THEN ${set}`);
    }
    if (whens.length === 0) constants[code] = otherwise;
    else conditional.set(code, `(CASE ${whens.join(' ')} ELSE ${otherwise} END)`);
  }
  return perEventSql(constants, conditional, dictionaries.events.length, -1);
}

/** The SQL of a scan request. */
export function scanQuery(request: ScanRequest, dictionaries: RuleDictionaries): ScanQuery {
  const markers = request.markers ?? [];
  if (markers.length > 30) throw new RangeError('a scan takes at most 30 markers');
  const marks = markers.length === 0 ? '0' : marksSql(markers, dictionaries);
  const classes = request.classes ?? [];
  const cls = classes.length === 0 ? '-1' : classSql(classes, dictionaries);
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
  if (!request.matchedOnly) {
    const columnsSql = outputs.map(([expression, name]) => `${expression} AS ${name}`).join(', ');
    return {
      sql: (customers) => `SELECT ${columnsSql} FROM events${whereSql(customers)}`,
      textGroup: group?.text ?? false,
    };
  }
  const keep: string[] = [];
  if (markers.length > 0) keep.push('marks <> 0');
  if (classes.length > 0) keep.push('cls <> -1');
  if (request.orWithChannel) keep.push('touch_channel IS NOT NULL');
  const inner = [...outputs, ['channel', 'touch_channel']]
    .map(([expression, name]) => `${expression} AS ${name}`)
    .join(', ');
  const outer = outputs.map(([, name]) => name).join(', ');
  const filter = keep.length ? keep.join(' OR ') : 'FALSE';
  return {
    sql: (customers) =>
      `SELECT ${outer} FROM (SELECT ${inner} FROM events${whereSql(customers)}) WHERE ${filter}`,
    textGroup: group?.text ?? false,
  };
}

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

/**
 * Runs a scan slice by slice (customer code ranges, which the clustered table's zone maps
 * answer without reading other row groups) and yields batches of about BATCH_ROWS rows, each
 * cut where a customer ends. Every column of a scan query is a non-null INTEGER or DOUBLE
 * (nulls are coalesced to -1 or NaN in SQL), so whole vectors are copied at once; only a text
 * group column is read value by value and encoded here (`groups` collects its values).
 */
export async function* readBatches(
  db: Database,
  query: ScanQuery,
  size: { events: number; customers: number },
  groups: string[],
): AsyncGenerator<EventBatch> {
  const slices = Math.max(1, Math.ceil(size.events / SLICE_ROWS));
  const perSlice = Math.ceil(size.customers / slices);
  const groupCodes = new Map<string, number>(groups.map((g, i) => [g, i]));
  let builder: BatchBuilder | undefined;
  let names: string[] = [];
  for (let slice = 0; slice < slices; slice++) {
    const range = slices === 1 ? undefined : ([slice * perSlice, (slice + 1) * perSlice] as const);
    const result = await db.materialize(query.sql(range));
    if (!builder) {
      const count = duckdb.column_count(result);
      names = Array.from({ length: count }, (_, i) => {
        const name = duckdb.column_name(result, i);
        return name === 't' ? 'time' : name === 'grp' ? 'group' : name;
      });
      builder = new BatchBuilder(names, BATCH_ROWS * 2);
    }
    const groupIndex = names.indexOf('group');
    const chunks = duckdb.result_chunk_count(result);
    for (let c = 0; c < chunks; c++) {
      const chunk = duckdb.result_get_chunk(result, c);
      const rows = duckdb.data_chunk_get_size(chunk);
      if (rows === 0) continue;
      for (let index = 0; index < names.length; index++) {
        const name = names[index] as string;
        if (index === groupIndex && query.textGroup) {
          builder.append(
            name,
            encodeText(new DuckDBDataChunk(chunk).getColumnVector(index), rows, groups, groupCodes),
          );
        } else {
          builder.append(name, vectorValues(chunk, index, rows, FLOAT_COLUMNS.has(name)));
        }
      }
      builder.length += rows;
      if (builder.length >= BATCH_ROWS) {
        const customer = builder.columns.get('customer') as Int32Array;
        let cut = builder.length - 1;
        while (cut > 0 && customer[cut] === customer[cut - 1]) cut--;
        if (cut > 0) yield builder.take(cut);
      }
    }
  }
  if (builder && builder.length > 0) yield builder.take(builder.length);
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
