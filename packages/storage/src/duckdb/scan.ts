/**
 * The ordered scan: one SQL query over the clustered events table (no ORDER BY: the table is
 * stored in (customer, time, seq) order and DuckDB keeps insertion order), its chunks gathered
 * into batches that never split a customer.
 */

import type { DuckDBResult } from '@duckdb/node-api';
import type { EventBatch, ScanRequest } from '@touchline/analytics';
import { sqlNumber } from '../sql.ts';
import { type RuleDictionaries, rulesSql } from './rules-sql.ts';

/** Rows per batch before the batch is cut at the next customer boundary. */
const BATCH_ROWS = 65_536;

export interface ScanQuery {
  sql: string;
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
  if (columns.has('channel')) outputs.push(['channel', 'channel']);
  if (columns.has('campaign')) outputs.push(['campaign', 'campaign']);
  // Sessions compare only within a customer, so a 31-bit hash of the id is enough.
  if (columns.has('session'))
    outputs.push([
      "CAST(CASE WHEN session_id IS NULL OR session_id = '' THEN -1 ELSE hash(session_id) % 2147483647 END AS INTEGER)",
      'session',
    ]);
  if (columns.has('revenue')) outputs.push(['revenue', 'revenue']);
  if (columns.has('value')) outputs.push(['value', 'value']);
  if (group) outputs.push([group.sql, 'grp']);

  const where: string[] = [];
  if (request.from !== undefined)
    where.push(`ts >= make_timestamp(${sqlNumber(Math.round(request.from * 1000))})`);
  if (request.to !== undefined)
    where.push(`ts < make_timestamp(${sqlNumber(Math.round(request.to * 1000))})`);
  const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  if (!request.matchedOnly) {
    const sql = `SELECT ${outputs.map(([expression, name]) => `${expression} AS ${name}`).join(', ')} FROM events${whereSql}`;
    return { sql, textGroup: group?.text ?? false };
  }
  const keep: string[] = [];
  if (markers.length > 0) keep.push('marks <> 0');
  if (classes.length > 0) keep.push('cls <> -1');
  if (request.orWithChannel) keep.push('touch_channel IS NOT NULL');
  const inner = [...outputs, ['channel', 'touch_channel']]
    .map(([expression, name]) => `${expression} AS ${name}`)
    .join(', ');
  const sql = `SELECT ${outputs.map(([, name]) => name).join(', ')} FROM (SELECT ${inner} FROM events${whereSql}) WHERE ${keep.length ? keep.join(' OR ') : 'FALSE'}`;
  return { sql, textGroup: group?.text ?? false };
}

/** Growable typed columns for one batch. */
class BatchBuilder {
  length = 0;
  customer = new Int32Array(BATCH_ROWS + 4096);
  time = new Float64Array(BATCH_ROWS + 4096);
  event = new Int32Array(BATCH_ROWS + 4096);
  marks = new Int32Array(BATCH_ROWS + 4096);
  cls = new Int32Array(BATCH_ROWS + 4096);
  channel?: Int32Array;
  campaign?: Int32Array;
  session?: Int32Array;
  revenue?: Float64Array;
  value?: Float64Array;
  group?: Int32Array;

  constructor(readonly columns: ReadonlySet<string>) {
    const size = this.customer.length;
    if (columns.has('channel')) this.channel = new Int32Array(size);
    if (columns.has('campaign')) this.campaign = new Int32Array(size);
    if (columns.has('session')) this.session = new Int32Array(size);
    if (columns.has('revenue')) this.revenue = new Float64Array(size);
    if (columns.has('value')) this.value = new Float64Array(size);
    if (columns.has('group')) this.group = new Int32Array(size);
  }

  ensure(capacity: number): void {
    if (capacity <= this.customer.length) return;
    const size = Math.max(capacity, this.customer.length * 2);
    const grow = <T extends Int32Array | Float64Array>(array: T): T => {
      const bigger = new (array.constructor as new (n: number) => T)(size);
      bigger.set(array);
      return bigger;
    };
    this.customer = grow(this.customer);
    this.time = grow(this.time);
    this.event = grow(this.event);
    this.marks = grow(this.marks);
    this.cls = grow(this.cls);
    if (this.channel) this.channel = grow(this.channel);
    if (this.campaign) this.campaign = grow(this.campaign);
    if (this.session) this.session = grow(this.session);
    if (this.revenue) this.revenue = grow(this.revenue);
    if (this.value) this.value = grow(this.value);
    if (this.group) this.group = grow(this.group);
  }

  /** The first `rows` rows as a batch; the rest move to a new builder. */
  take(rows: number): { batch: EventBatch; rest: BatchBuilder } {
    const cut = <T extends Int32Array | Float64Array>(array: T | undefined) =>
      array ? (array.slice(0, rows) as T) : undefined;
    const batch: EventBatch = {
      length: rows,
      customer: this.customer.slice(0, rows),
      time: this.time.slice(0, rows),
      event: this.event.slice(0, rows),
      marks: this.marks.slice(0, rows),
      cls: this.cls.slice(0, rows),
    };
    const optional = {
      channel: cut(this.channel),
      campaign: cut(this.campaign),
      session: cut(this.session),
      revenue: cut(this.revenue),
      value: cut(this.value),
      group: cut(this.group),
    };
    for (const [key, array] of Object.entries(optional)) {
      if (array) Object.assign(batch, { [key]: array });
    }
    const rest = new BatchBuilder(this.columns);
    const remaining = this.length - rows;
    rest.ensure(remaining);
    rest.length = remaining;
    const move = (from: Int32Array | Float64Array | undefined, to: Int32Array | Float64Array | undefined) => {
      if (from && to) to.set(from.subarray(rows, this.length));
    };
    move(this.customer, rest.customer);
    move(this.time, rest.time);
    move(this.event, rest.event);
    move(this.marks, rest.marks);
    move(this.cls, rest.cls);
    move(this.channel, rest.channel);
    move(this.campaign, rest.campaign);
    move(this.session, rest.session);
    move(this.revenue, rest.revenue);
    move(this.value, rest.value);
    move(this.group, rest.group);
    return { batch, rest };
  }
}

interface Vector {
  getItem(index: number): unknown;
}

/**
 * Reads a streaming result into batches. `groups` collects the text values of a text group
 * column (code = index).
 */
export async function* readBatches(
  result: DuckDBResult,
  request: ScanRequest,
  textGroup: boolean,
  groups: string[],
): AsyncGenerator<EventBatch> {
  const requested = new Set<string>(request.columns ?? []);
  if (request.groupBy !== undefined) requested.add('group');
  const names = result.columnNames();
  const index = (name: string) => names.indexOf(name);
  const at = {
    channel: index('channel'),
    campaign: index('campaign'),
    session: index('session'),
    revenue: index('revenue'),
    value: index('value'),
    group: index('grp'),
  };
  const groupCodes = new Map<string, number>(groups.map((g, i) => [g, i]));
  let builder = new BatchBuilder(requested);
  let lastCustomer = -1;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const rows = chunk.rowCount;
    const vector = (i: number): Vector | undefined =>
      i >= 0 ? (chunk.getColumnVector(i) as Vector) : undefined;
    const customer = vector(0) as Vector;
    const time = vector(1) as Vector;
    const event = vector(2) as Vector;
    const marks = vector(3) as Vector;
    const cls = vector(4) as Vector;
    const channel = vector(at.channel);
    const campaign = vector(at.campaign);
    const session = vector(at.session);
    const revenue = vector(at.revenue);
    const value = vector(at.value);
    const group = vector(at.group);
    builder.ensure(builder.length + rows);
    for (let row = 0; row < rows; row++) {
      const code = customer.getItem(row) as number;
      if (builder.length >= BATCH_ROWS && code !== lastCustomer) {
        const { batch, rest } = builder.take(builder.length);
        yield batch;
        builder = rest;
        builder.ensure(rows);
      }
      lastCustomer = code;
      const n = builder.length++;
      builder.customer[n] = code;
      builder.time[n] = time.getItem(row) as number;
      builder.event[n] = event.getItem(row) as number;
      builder.marks[n] = marks.getItem(row) as number;
      builder.cls[n] = cls.getItem(row) as number;
      if (builder.channel) builder.channel[n] = (channel?.getItem(row) as number | null) ?? -1;
      if (builder.campaign) builder.campaign[n] = (campaign?.getItem(row) as number | null) ?? -1;
      if (builder.session) builder.session[n] = (session?.getItem(row) as number | null) ?? -1;
      if (builder.revenue) builder.revenue[n] = (revenue?.getItem(row) as number | null) ?? Number.NaN;
      if (builder.value) builder.value[n] = (value?.getItem(row) as number | null) ?? Number.NaN;
      if (builder.group) {
        const raw = group?.getItem(row) as number | string | null;
        if (raw === null || raw === undefined || raw === '') builder.group[n] = -1;
        else if (!textGroup) builder.group[n] = raw as number;
        else {
          let groupCode = groupCodes.get(raw as string);
          if (groupCode === undefined) {
            groupCode = groups.length;
            groups.push(raw as string);
            groupCodes.set(raw as string, groupCode);
          }
          builder.group[n] = groupCode;
        }
      }
    }
  }
  if (builder.length > 0) yield builder.take(builder.length).batch;
}
