/**
 * Live appends: events from the collect endpoint, a small batch at a time, stored in the tail
 * table in one transaction each, so a batch is durable once its promise resolves and the
 * clustered table is never rewritten per batch (compaction folds the tail in later).
 *
 * A batch must not scan the store, so the dictionaries and the event ids live in memory, loaded
 * once: customers and names as maps, event ids as 64-bit hashes (8 bytes an event). An id whose
 * hash is known is looked up exactly before it is dropped as a repeat: a hash alone never
 * decides that two ids are the same.
 */
import { timestampValue } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { ANONYMOUS_ID_PROPERTY, IDENTIFY_EVENT, type TrackedEvent } from '@touchline/analytics';
import { sqlNumber, sqlString } from '../sql.ts';
import { nextSeq } from './cluster.ts';
import type { Connection, Database } from './database.ts';

export interface AppendResult {
  /** Events stored in the tail. */
  appended: number;
  /** Events whose event_id was already stored or came earlier in the batch: left out. */
  duplicates: number;
}

type NameKind = 'event' | 'channel' | 'campaign';

/** Hashes of the stored event ids: sorted as loaded, plus those appended since. */
class EventIdHashes {
  private readonly added = new Set<bigint>();

  constructor(private readonly sorted: BigUint64Array) {}

  has(hash: bigint): boolean {
    if (this.added.has(hash)) return true;
    let low = 0;
    let high = this.sorted.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.sorted[middle] as bigint;
      if (value === hash) return true;
      if (value < hash) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  add(hash: bigint): void {
    this.added.add(hash);
  }
}

/** A UBIGINT column of a materialized result, copied out a vector at a time. */
async function bigintColumn(db: Connection, sql: string): Promise<BigUint64Array> {
  const result = await db.materialize(sql);
  const chunks = duckdb.result_chunk_count(result);
  const parts: BigUint64Array[] = [];
  let total = 0;
  for (let c = 0; c < chunks; c++) {
    const chunk = duckdb.result_get_chunk(result, c);
    const rows = duckdb.data_chunk_get_size(chunk);
    if (rows === 0) continue;
    const bytes = duckdb.vector_get_data(duckdb.data_chunk_get_vector(chunk, 0), rows * 8);
    const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
    parts.push(new BigUint64Array(aligned.buffer, aligned.byteOffset, rows));
    total += rows;
  }
  const values = new BigUint64Array(total);
  let offset = 0;
  for (const part of parts) {
    values.set(part, offset);
    offset += part.length;
  }
  return values;
}

/** A dictionary in memory, with the entries a batch adds kept apart until it commits. */
class Codes {
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly codes: Map<string, number>,
    private next: number,
  ) {}

  static from(names: readonly unknown[], codes: readonly unknown[]): Codes {
    const map = new Map<string, number>();
    let next = 0;
    for (let i = 0; i < names.length; i++) {
      const code = Number(codes[i]);
      map.set(String(names[i]), code);
      next = Math.max(next, code + 1);
    }
    return new Codes(map, next);
  }

  /** The code of a name already known, without adding it. */
  known(name: string): number | undefined {
    return this.codes.get(name) ?? this.pending.get(name);
  }

  /** From now on `name` stands for `code` (a visitor joined to a customer). */
  alias(name: string, code: number): void {
    this.codes.set(name, code);
  }

  code(name: string): number {
    const known = this.codes.get(name) ?? this.pending.get(name);
    if (known !== undefined) return known;
    const code = this.next + this.pending.size;
    this.pending.set(name, code);
    return code;
  }

  /** Entries added by the batch, in code order. */
  added(): [string, number][] {
    return [...this.pending];
  }

  commit(): void {
    for (const [name, code] of this.pending) this.codes.set(name, code);
    this.next += this.pending.size;
    this.pending.clear();
  }

  rollback(): void {
    this.pending.clear();
  }
}

const NAME_KINDS: readonly NameKind[] = ['event', 'channel', 'campaign'];

/** Appends batches of events to the tail of one store; the caller runs one batch at a time. */
export class LiveAppender {
  private constructor(
    private readonly db: Database,
    private readonly customers: Codes,
    private readonly names: Readonly<Record<NameKind, Codes>>,
    private readonly ids: EventIdHashes,
    private seq: number,
  ) {}

  /** Reads the dictionaries and the stored event ids' hashes (about a second per 10M events). */
  static async load(db: Database): Promise<LiveAppender> {
    const [userIds, customerCodes] = await db.columns('SELECT user_id, code FROM customers');
    const [aliasIds, aliasCodes] = await db.columns('SELECT user_id, code FROM customer_aliases');
    const [kinds, names, nameCodes] = await db.columns('SELECT kind, name, code FROM names');
    const byKind = (kind: NameKind) => {
      const picked: [unknown[], unknown[]] = [[], []];
      kinds?.forEach((k, i) => {
        if (k === kind) {
          picked[0].push(names?.[i]);
          picked[1].push(nameCodes?.[i]);
        }
      });
      return Codes.from(...picked);
    };
    const hashes = await bigintColumn(
      db,
      `SELECT hash(event_id) AS h FROM (SELECT event_id FROM events UNION ALL SELECT event_id FROM events_tail)
       WHERE event_id IS NOT NULL ORDER BY h`,
    );
    const customers = Codes.from(userIds ?? [], customerCodes ?? []);
    aliasIds?.forEach((alias, i) => {
      customers.alias(String(alias), Number(aliasCodes?.[i]));
    });
    return new LiveAppender(
      db,
      customers,
      { event: byKind('event'), channel: byKind('channel'), campaign: byKind('campaign') },
      new EventIdHashes(hashes),
      await nextSeq(db),
    );
  }

  /** Stores `events` in the tail in one transaction; repeated event ids are left out. */
  async append(events: readonly TrackedEvent[]): Promise<AppendResult> {
    const { fresh, hashes, duplicates } = await this.withoutRepeats(events);
    if (fresh.length === 0) return { appended: 0, duplicates };
    let joined: [string, number][];
    try {
      joined = await this.db.transaction(async () => {
        await this.store(fresh);
        return this.joinIdentified(fresh);
      });
    } catch (error) {
      this.customers.rollback();
      for (const kind of NAME_KINDS) this.names[kind].rollback();
      throw error;
    }
    this.customers.commit();
    for (const [visitor, code] of joined) this.customers.alias(visitor, code);
    for (const kind of NAME_KINDS) this.names[kind].commit();
    for (const hash of hashes) this.ids.add(hash);
    this.seq += fresh.length;
    return { appended: fresh.length, duplicates };
  }

  /**
   * Joins the visitors named by the batch's identify events to their customers: the visitor's
   * events, stored and in the tail, move to the tail under the customer's code (the scan merges
   * a tail customer's events in time order), and the visitor's id stands for the customer from
   * then on. Returns the joins made, for the dictionary once the transaction commits.
   */
  private async joinIdentified(events: readonly TrackedEvent[]): Promise<[string, number][]> {
    const joined: [string, number][] = [];
    for (const event of events) {
      if (event.event !== IDENTIFY_EVENT) continue;
      const visitor = event.properties?.[ANONYMOUS_ID_PROPERTY];
      if (typeof visitor !== 'string' || visitor.trim() === '' || visitor.trim() === event.userId) continue;
      const customer = this.customers.code(event.userId);
      const from = this.customers.known(visitor.trim());
      if (from === customer) continue;
      if (from !== undefined) {
        const [source, target] = [sqlNumber(from), sqlNumber(customer)];
        await this.db.run(`
          INSERT INTO events_tail SELECT * REPLACE (${target} AS customer) FROM events WHERE customer = ${source};
          DELETE FROM events WHERE customer = ${source};
          UPDATE events_tail SET customer = ${target} WHERE customer = ${source}`);
      }
      await this.db.run(
        `INSERT INTO customer_aliases VALUES (${sqlString(visitor.trim())}, ${sqlNumber(customer)})`,
      );
      joined.push([visitor.trim(), customer]);
    }
    return joined;
  }

  /** The events whose id is new to the batch and to the store, and the hashes of their ids. */
  private async withoutRepeats(
    events: readonly TrackedEvent[],
  ): Promise<{ fresh: TrackedEvent[]; hashes: bigint[]; duplicates: number }> {
    const seen = new Set<string>();
    const unique = events.filter((event) => {
      if (event.eventId === undefined) return true;
      if (seen.has(event.eventId)) return false;
      seen.add(event.eventId);
      return true;
    });
    if (seen.size === 0) return { fresh: unique, hashes: [], duplicates: events.length - unique.length };
    const ids = [...seen];
    const [hashList] = await this.db.columns(
      `SELECT list_transform(from_json($1, '["VARCHAR"]'), id -> hash(id)) AS h`,
      JSON.stringify(ids),
    );
    const hashes = (hashList?.[0] ?? []) as bigint[];
    const suspects = ids.filter((_, i) => this.ids.has(hashes[i] as bigint));
    let stored = new Set<string>();
    if (suspects.length > 0) {
      // A join on the few suspects: one pass over the stored ids.
      const [found] = await this.db.columns(
        `SELECT e.event_id FROM (SELECT event_id FROM events UNION ALL SELECT event_id FROM events_tail) e
         JOIN (SELECT unnest(from_json($1, '["VARCHAR"]')) AS id) s ON e.event_id = s.id`,
        JSON.stringify(suspects),
      );
      stored = new Set((found ?? []).map(String));
    }
    const fresh = unique.filter((event) => event.eventId === undefined || !stored.has(event.eventId));
    return {
      fresh,
      hashes: hashes.filter((_, i) => !stored.has(ids[i] as string)),
      duplicates: events.length - fresh.length,
    };
  }

  private async store(events: readonly TrackedEvent[]): Promise<void> {
    const tail = await this.db.appender('events_tail');
    try {
      events.forEach((event, i) => {
        tail.appendInteger(this.customers.code(event.userId));
        tail.appendTimestamp(timestampValue(BigInt(Math.round(event.time * 1000))));
        tail.appendBigInt(BigInt(this.seq + i));
        tail.appendInteger(this.names.event.code(event.event));
        for (const kind of ['channel', 'campaign'] as const) {
          const name = event[kind];
          if (name) tail.appendInteger(this.names[kind].code(name));
          else tail.appendNull();
        }
        for (const text of [event.sessionId, event.url]) {
          if (text) tail.appendVarchar(text);
          else tail.appendNull();
        }
        for (const number of [event.revenue, event.value]) {
          if (number === undefined) tail.appendNull();
          else tail.appendDouble(number);
        }
        if (event.properties === undefined) tail.appendNull();
        else tail.appendVarchar(JSON.stringify(event.properties));
        if (event.eventId === undefined) tail.appendNull();
        else tail.appendVarchar(event.eventId);
        tail.endRow();
      });
    } finally {
      tail.closeSync();
    }
    await this.appendEntries(
      'customers',
      this.customers.added().map(([name, code]) => [code, name]),
    );
    const names: [string, number, string][] = [];
    for (const kind of NAME_KINDS)
      for (const [name, code] of this.names[kind].added()) names.push([kind, code, name]);
    await this.appendEntries('names', names);
  }

  private async appendEntries(
    table: 'customers' | 'names',
    rows: readonly (string | number)[][],
  ): Promise<void> {
    if (rows.length === 0) return;
    const appender = await this.db.appender(table);
    try {
      for (const row of rows) {
        for (const value of row) {
          if (typeof value === 'number') appender.appendInteger(value);
          else appender.appendVarchar(value);
        }
        appender.endRow();
      }
    } finally {
      appender.closeSync();
    }
  }
}
