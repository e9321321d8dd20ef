/**
 * The ordered scan: one SQL query over the clustered events table (no ORDER BY: each customer's
 * events are one run in (time, seq) order and DuckDB keeps insertion order), its chunks gathered
 * into batches that never split a customer. Customers with events in the live tail are read by
 * a second, sorted query that merges their stored and tail events.
 */

import { DuckDBDataChunk } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import type { EventBatch, ScanRequest } from '@touchline/analytics';
import type { MatchRule } from '@touchline/core';
import { sqlNumber } from '../sql.ts';
import type { Connection } from './database.ts';
import { conditionSql, type RuleDictionaries } from './rules-sql.ts';

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
  /**
   * Matched events only, decided by the reader: rows with a mark, a class or (with `channel`) a
   * channel are kept. DuckDB would compute marks and classes twice to filter on them in SQL.
   */
  matchedOnly?: { channel: boolean };
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

/** A per-event value in SQL, and which events may get a value other than the default. */
interface PerEventSql {
  sql: string;
  /** Event codes whose value may differ from the default. */
  candidates: number[];
  /** Whether every candidate's value holds without a condition (so `event IN (candidates)` is exact). */
  exact: boolean;
}

/**
 * `event IN (codes)`. With more than a couple of codes DuckDB answers a flag looked up by code
 * faster (measured on 10M events: about 0.3 against 0.45 CPU seconds).
 */
function eventInSql(codes: readonly number[], eventCount: number): string {
  if (codes.length <= 2) return `event IN (${codes.join(', ')})`;
  const flags = new Array<number>(Math.max(eventCount, ...codes.map((code) => code + 1))).fill(0);
  for (const code of codes) flags[code] = 1;
  return `list_extract([${flags.join(', ')}], event + 1) = 1`;
}

/** Above this many distinct values, a constant list looked up by code beats a CASE on the code. */
const MAX_CASE_VALUES = 3;

/**
 * A value per event code: what holds for every event of a code is decided by the code alone
 * (a CASE for a few values, else a constant list looked up by code), and only codes with
 * conditions left get a CASE of their own, so a condition is evaluated on the events of its own
 * name only.
 */
function perEventSql(constants: number[], conditional: Map<number, string>, none: number): PerEventSql {
  const byValue = new Map<number, number[]>();
  constants.forEach((value, code) => {
    if (value !== none) byValue.set(value, [...(byValue.get(value) ?? []), code]);
  });
  let lookup = String(none);
  if (byValue.size > MAX_CASE_VALUES) {
    const list = Array.from({ length: constants.length }, (_, code) => constants[code] ?? none);
    lookup = `COALESCE(list_extract([${list.join(', ')}], event + 1), ${none})`;
  } else if (byValue.size > 0) {
    const whens = [...byValue].map(([value, codes]) => `WHEN event IN (${codes.join(', ')}) THEN ${value}`);
    lookup = `CASE ${whens.join(' ')} ELSE ${none} END`;
  }
  const candidates = [...new Set([...byValue.values()].flat().concat([...conditional.keys()]))].sort(
    (a, b) => a - b,
  );
  if (conditional.size === 0) return { sql: lookup, candidates, exact: true };
  const branches = [...conditional].map(([code, sql]) => `WHEN ${code} THEN ${sql}`).join(' ');
  return { sql: `CASE event ${branches} ELSE ${lookup} END`, candidates, exact: false };
}

/** Bit i set when the event matches any rule of marker i. */
function marksSql(markers: readonly (readonly MatchRule[])[], dictionaries: RuleDictionaries): PerEventSql {
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
  return perEventSql(constants, conditional, 0);
}

/** The index of the first class whose rules the event matches, or -1. */
function classSql(classes: readonly (readonly MatchRule[])[], dictionaries: RuleDictionaries): PerEventSql {
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
  return perEventSql(constants, conditional, -1);
}

/**
 * The narrowest integer type that holds codes -1 to `count` - 1 (with room for a dictionary that
 * grows meanwhile): fewer bytes to copy out of DuckDB; the reader widens them to Int32Array.
 */
function codeType(count: number): string {
  if (count < 100) return 'TINYINT';
  if (count < 16_000) return 'SMALLINT';
  return 'INTEGER';
}

/** The narrowest unsigned type that holds a bitmask of `bits` bits. */
function maskType(bits: number): string {
  if (bits <= 8) return 'UTINYINT';
  if (bits <= 16) return 'USMALLINT';
  return 'INTEGER';
}

/** The SQL of a scan request. */
export function scanQuery(request: ScanRequest, dictionaries: RuleDictionaries): ScanQuery {
  const markers = request.markers ?? [];
  if (markers.length > 30) throw new RangeError('a scan takes at most 30 markers');
  const classes = request.classes ?? [];
  const marks = markers.length === 0 ? undefined : marksSql(markers, dictionaries);
  const cls = classes.length === 0 ? undefined : classSql(classes, dictionaries);
  const columns = new Set(request.columns ?? []);
  const group = request.groupBy === undefined ? undefined : groupSql(request.groupBy);
  // [expression, name]. Without markers or classes, marks and cls are constants that the reader
  // fills in, not columns to copy.
  const outputs: [string, string][] = [
    ['customer', 'customer'],
    ['CAST(epoch_ms(ts) AS DOUBLE)', 't'],
    [`CAST(event AS ${codeType(dictionaries.events.length)})`, 'event'],
  ];
  if (marks) outputs.push([`CAST(${marks.sql} AS ${maskType(markers.length)})`, 'marks']);
  if (cls) outputs.push([`CAST(${cls.sql} AS ${codeType(classes.length)})`, 'cls']);
  const channelType = codeType(dictionaries.channels.length);
  const campaignType = codeType(dictionaries.campaigns.length);
  if (columns.has('channel')) outputs.push([`CAST(COALESCE(channel, -1) AS ${channelType})`, 'channel']);
  if (columns.has('campaign')) outputs.push([`CAST(COALESCE(campaign, -1) AS ${campaignType})`, 'campaign']);
  // Sessions compare only within a customer, so a 31-bit hash of the id is enough.
  if (columns.has('session'))
    outputs.push([
      "CAST(CASE WHEN session_id IS NULL OR session_id = '' THEN -1 ELSE hash(session_id) % 2147483647 END AS INTEGER)",
      'session',
    ]);
  if (columns.has('revenue')) outputs.push(["COALESCE(revenue, CAST('NaN' AS DOUBLE))", 'revenue']);
  if (columns.has('value')) outputs.push(["COALESCE(value, CAST('NaN' AS DOUBLE))", 'value']);
  if (group) {
    const codes = group.sql === 'channel' ? channelType : campaignType;
    outputs.push([group.text ? group.sql : `CAST(COALESCE(${group.sql}, -1) AS ${codes})`, 'grp']);
  }

  const where: string[] = [];
  if (request.from !== undefined)
    where.push(`ts >= make_timestamp(${sqlNumber(Math.round(request.from * 1000))})`);
  if (request.to !== undefined)
    where.push(`ts < make_timestamp(${sqlNumber(Math.round(request.to * 1000))})`);
  // Matched events only: events of a name some rule names (or with a channel) are read at all;
  // when a rule has conditions, the computed marks and classes decide too, in the reader when it
  // has every column they need, else in SQL.
  let exactFilter: string | undefined;
  let readerFilter: ScanQuery['matchedOnly'];
  if (request.matchedOnly) {
    const sets = [marks, cls].filter((set) => set !== undefined);
    const candidates = [...new Set(sets.flatMap((set) => set.candidates))];
    const keep = candidates.length > 0 ? [eventInSql(candidates, dictionaries.events.length)] : [];
    if (request.orWithChannel) keep.push('channel IS NOT NULL');
    where.push(keep.length > 0 ? `(${keep.join(' OR ')})` : 'FALSE');
    if (!sets.every((set) => set.exact)) {
      if (!request.orWithChannel || columns.has('channel'))
        readerFilter = { channel: request.orWithChannel === true };
      else
        exactFilter = [marks && 'marks <> 0', cls && 'cls <> -1', 'touch_channel IS NOT NULL']
          .filter(Boolean)
          .join(' OR ');
    }
  }
  const whereSql = (customers?: readonly [number, number]) => {
    const all = customers ? [...where, `customer >= ${customers[0]}`, `customer < ${customers[1]}`] : where;
    return all.length ? ` WHERE ${all.join(' AND ')}` : '';
  };
  const textGroup = group?.text ?? false;
  const relation = (merged: boolean) => (merged ? MERGED_EVENTS : 'events');
  const order = (merged: boolean) => (merged ? ' ORDER BY customer, ts, seq' : '');
  if (exactFilter === undefined) {
    const columnsSql = outputs.map(([expression, name]) => `${expression} AS ${name}`).join(', ');
    return {
      sql: (customers, merged = false) =>
        `SELECT ${columnsSql} FROM ${relation(merged)}${whereSql(customers)}${order(merged)}`,
      textGroup,
      ...(readerFilter ? { matchedOnly: readerFilter } : {}),
    };
  }
  const inner = [...outputs, ['channel', 'touch_channel'], ['ts', 'ts'], ['seq', 'seq']]
    .map(([expression, name]) => `${expression} AS ${name}`)
    .join(', ');
  const outer = outputs.map(([, name]) => name).join(', ');
  return {
    sql: (customers, merged = false) =>
      `SELECT ${outer} FROM (SELECT ${inner} FROM ${relation(merged)}${whereSql(customers)}) WHERE ${exactFilter}${order(merged)}`,
    textGroup,
  };
}

/** The stored and tail events of the customers that have events in the tail. */
const MERGED_EVENTS = `(SELECT * FROM events WHERE customer IN (SELECT customer FROM events_tail)
  UNION ALL SELECT * FROM events_tail)`;

type Column = Int32Array | Float64Array;

/** The numeric columns of a batch, in the order a scan query selects them after the first five. */
const OPTIONAL_COLUMNS = ['channel', 'campaign', 'session', 'revenue', 'value', 'group'] as const;
const FLOAT_COLUMNS = new Set<string>(['time', 'revenue', 'value']);

type IntegerArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array;

interface VectorArray {
  new (buffer: ArrayBuffer, offset: number, length: number): IntegerArray | Float64Array;
  BYTES_PER_ELEMENT: number;
}

/** The typed array of each numeric DuckDB type a scan query selects. */
const VECTOR_ARRAYS = new Map<duckdb.Type, VectorArray>([
  [duckdb.Type.TINYINT, Int8Array],
  [duckdb.Type.UTINYINT, Uint8Array],
  [duckdb.Type.SMALLINT, Int16Array],
  [duckdb.Type.USMALLINT, Uint16Array],
  [duckdb.Type.INTEGER, Int32Array],
  [duckdb.Type.DOUBLE, Float64Array],
]);

/** A vector's values as a typed array of its own type (DuckDB hands over a copy, aligned). */
function vectorValues(
  chunk: duckdb.DataChunk,
  index: number,
  rows: number,
  view: VectorArray,
): IntegerArray | Float64Array {
  const size = view.BYTES_PER_ELEMENT;
  const bytes = duckdb.vector_get_data(duckdb.data_chunk_get_vector(chunk, index), rows * size);
  const aligned = bytes.byteOffset % size === 0 ? bytes : bytes.slice();
  return new view(aligned.buffer as ArrayBuffer, aligned.byteOffset, rows);
}

/** Rows a slice of customers should hold: one materialized result at a time stays small. */
const SLICE_ROWS = 1_000_000;

/** The columns of a batch by name (`time` and `group` for the query's `t` and `grp`). */
function columnNames(result: duckdb.Result): string[] {
  return Array.from({ length: duckdb.column_count(result) }, (_, i) => {
    const name = duckdb.column_name(result, i);
    return name === 't' ? 'time' : name === 'grp' ? 'group' : name;
  });
}

/** Every column of a materialized result as one typed array each, a vector copied at a time. */
function sliceColumns(
  result: duckdb.Result,
  textGroup: boolean,
  groups: string[],
  groupCodes: Map<string, number>,
): { names: string[]; rows: number; columns: Column[] } {
  const names = columnNames(result);
  const rows = duckdb.row_count(result);
  const columns = names.map((name) =>
    FLOAT_COLUMNS.has(name) ? new Float64Array(rows) : new Int32Array(rows),
  );
  const groupIndex = textGroup ? names.indexOf('group') : -1;
  const views = names.map((_, index) => {
    const type = duckdb.column_type(result, index);
    const view = VECTOR_ARRAYS.get(type);
    if (!view && index !== groupIndex) throw new Error(`a scan column of DuckDB type ${type} cannot be read`);
    return view ?? Int32Array;
  });
  const chunks = duckdb.result_chunk_count(result);
  let offset = 0;
  for (let c = 0; c < chunks; c++) {
    const chunk = duckdb.result_get_chunk(result, c);
    const size = duckdb.data_chunk_get_size(chunk);
    if (size === 0) continue;
    for (let index = 0; index < names.length; index++) {
      const column = columns[index] as Column;
      if (index === groupIndex) {
        const vector = new DuckDBDataChunk(chunk).getColumnVector(index);
        column.set(encodeText(vector, size, groups, groupCodes), offset);
      } else {
        // A narrower integer array set into an Int32Array widens each value.
        column.set(vectorValues(chunk, index, size, views[index] as VectorArray), offset);
      }
    }
    offset += size;
  }
  return { names, rows: offset, columns };
}

/**
 * Moves the rows with a mark, a class or (with `channel`) a channel to the front of every
 * column, in order; returns how many there are.
 */
function keepMatched(names: readonly string[], columns: Column[], rows: number, channel: boolean): number {
  const marks = columns[names.indexOf('marks')] as Int32Array;
  const cls = columns[names.indexOf('cls')] as Int32Array;
  // Without the channel column, a channel never keeps a row: a column of -1 stands in.
  const channels = channel ? (columns[names.indexOf('channel')] as Int32Array) : cls;
  const channelFloor = channel ? 0 : 0x7fffffff;
  const kept = new Int32Array(rows);
  let count = 0;
  for (let row = 0; row < rows; row++) {
    if (
      (marks[row] as number) !== 0 ||
      (cls[row] as number) !== -1 ||
      (channels[row] as number) >= channelFloor
    )
      kept[count++] = row;
  }
  if (count === rows) return rows;
  // Rows before the first one dropped stay where they are.
  let first = 0;
  while (first < count && kept[first] === first) first++;
  for (const column of columns) gather(column, kept, first, count);
  return count;
}

/** Moves `column[rows[i]]` to `column[i]` for `from` <= i < `to` (rows ascending, rows[i] >= i). */
function gather(column: Column, rows: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) column[i] = column[rows[i] as number] as number;
}

/** Rows [start, end) of a slice's columns as a batch, without copying. */
function batchOf(
  names: readonly string[],
  columns: readonly Column[],
  start: number,
  end: number,
): EventBatch {
  const part = (name: string) => columns[names.indexOf(name)]?.subarray(start, end);
  const batch: EventBatch = {
    length: end - start,
    customer: part('customer') as Int32Array,
    time: part('time') as Float64Array,
    event: part('event') as Int32Array,
    marks: part('marks') as Int32Array,
    cls: part('cls') as Int32Array,
  };
  for (const name of OPTIONAL_COLUMNS) {
    if (names.includes(name)) Object.assign(batch, { [name]: part(name) });
  }
  return batch;
}

/**
 * Runs a scan slice by slice (customer code ranges, which the clustered table's zone maps
 * answer without reading other row groups) and yields batches of about BATCH_ROWS rows, each
 * cut where a customer ends, customers in code order. While a slice's batches are measured,
 * DuckDB's threads already compute the next slice. Every column of a scan query is a non-null
 * INTEGER or DOUBLE (nulls are coalesced to -1 or NaN in SQL), so whole vectors are copied at
 * once; only a text group column is read value by value and encoded here (`groups` collects
 * its values).
 *
 * `inTail` marks the customers with events in the tail. A slice holding any reads them with a
 * second, sorted query (their stored and tail events merged), leaves them out of the plain
 * query's rows, and puts the two together again customer by customer, in code order.
 */
export async function* readBatches(
  db: Connection,
  query: ScanQuery,
  size: { events: number; customers: number },
  groups: string[],
  sliceRows = SLICE_ROWS,
  inTail?: Uint8Array,
): AsyncGenerator<EventBatch> {
  const slices = Math.max(1, Math.ceil(size.events / sliceRows));
  const perSlice = Math.ceil(size.customers / slices);
  const rangeOf = (slice: number) =>
    slices === 1 ? undefined : ([slice * perSlice, (slice + 1) * perSlice] as const);
  const groupCodes = new Map<string, number>(groups.map((g, i) => [g, i]));
  const read = (result: duckdb.Result) => sliceColumns(result, query.textGroup, groups, groupCodes);
  let pending: Promise<duckdb.Result> | undefined = db.materialize(query.sql(rangeOf(0)));
  try {
    for (let slice = 0; slice < slices; slice++) {
      // The next slice's query starts before this one is copied out; this result is not kept
      // while its batches are measured.
      const result = await (pending as Promise<duckdb.Result>);
      const range = rangeOf(slice);
      // A connection runs one query at a time: the tail's before the next slice's.
      const tailResult =
        inTail !== undefined && anyMarked(inTail, range)
          ? await db.materialize(query.sql(range, true))
          : undefined;
      pending = slice + 1 < slices ? db.materialize(query.sql(rangeOf(slice + 1))) : undefined;
      const plain = read(result);
      const tail = tailResult === undefined ? undefined : read(tailResult);
      const { names, rows, columns } = tail && inTail ? mergeTail(plain, tail, inTail) : plain;
      // No markers: no event has a mark; no classes: every event is of class -1.
      if (!names.includes('marks')) {
        names.push('marks');
        columns.push(new Int32Array(rows));
      }
      if (!names.includes('cls')) {
        names.push('cls');
        columns.push(new Int32Array(rows).fill(-1));
      }
      const length = query.matchedOnly ? keepMatched(names, columns, rows, query.matchedOnly.channel) : rows;
      const customer = columns[names.indexOf('customer')] as Int32Array;
      let start = 0;
      while (start < length) {
        // A slice holds whole customers, so its end is a cut too.
        let end = Math.min(length, start + BATCH_ROWS);
        while (end < length && customer[end] === customer[end - 1]) end++;
        yield batchOf(names, columns, start, end);
        start = end;
      }
    }
  } finally {
    // A consumer that stops early leaves the next slice's query running: let it end quietly.
    await pending?.catch(() => undefined);
  }
}

/** Whether any customer in `range` (all when absent) is marked. */
function anyMarked(marks: Uint8Array, range?: readonly [number, number]): boolean {
  const from = range ? range[0] : 0;
  const to = Math.min(marks.length, range ? range[1] : marks.length);
  for (let code = from; code < to; code++) if (marks[code] === 1) return true;
  return false;
}

interface SliceColumns {
  names: string[];
  rows: number;
  columns: Column[];
}

/**
 * The plain query's rows without the tail's customers, and the merged query's rows of those
 * customers, put together in customer order (each customer's rows come from one of the two).
 */
function mergeTail(plain: SliceColumns, tail: SliceColumns, inTail: Uint8Array): SliceColumns {
  const customerAt = plain.names.indexOf('customer');
  const plainCustomer = plain.columns[customerAt] as Int32Array;
  const tailCustomer = tail.columns[customerAt] as Int32Array;
  const rows = new Int32Array(plain.rows + tail.rows);
  // Row sources: i >= 0 is plain row i, i < 0 is tail row -i - 1.
  let count = 0;
  let t = 0;
  for (let p = 0; p < plain.rows; p++) {
    const customer = plainCustomer[p] as number;
    if (inTail[customer] === 1) continue;
    while (t < tail.rows && (tailCustomer[t] as number) < customer) rows[count++] = -t++ - 1;
    rows[count++] = p;
  }
  while (t < tail.rows) rows[count++] = -t++ - 1;
  const columns = plain.columns.map((column, index) => {
    const merged = new (column.constructor as new (n: number) => Column)(count);
    const fromTail = tail.columns[index] as Column;
    for (let i = 0; i < count; i++) {
      const source = rows[i] as number;
      merged[i] = (source >= 0 ? column[source] : fromTail[-source - 1]) as number;
    }
    return merged;
  });
  return { names: plain.names, rows: count, columns };
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
