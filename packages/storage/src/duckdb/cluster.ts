/**
 * Keeping `events` clustered: in (customer, time, seq) order, so a scan reads each customer's
 * events as one run, customers in code order, without a sort. New events (an import, or the
 * live tail) are folded in by rewriting the table from the first customer they touch: the
 * events before it stay where they are, the rest are sorted together with the new ones and
 * written after them.
 */
import type { Database } from './database.ts';
import { EVENT_COLUMNS } from './schema.ts';

/** Events stored, clustered or in the tail. */
export async function storedEventCount(db: Database): Promise<number> {
  const row = await db.row<{ n: number }>(
    'SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM events_tail) AS n',
  );
  return row?.n ?? 0;
}

/** The seq of the next event to arrive: after every stored one. */
export async function nextSeq(db: Database): Promise<number> {
  const row = await db.row<{ seq: number }>(
    'SELECT COALESCE(greatest((SELECT max(seq) FROM events), (SELECT max(seq) FROM events_tail)), -1) + 1 AS seq',
  );
  return row?.seq ?? 0;
}

/**
 * Share of the clustered table to rewrite above which a new table is written (keeping the
 * untouched start by copying it) rather than the rewritten part deleted and appended.
 */
const NEW_TABLE_SHARE = 0.5;

/** Events sorted a slice at a time: a sort that fits in memory is much faster per event. */
export const SORT_SLICE_EVENTS = 2_000_000;

/**
 * Folds `incoming` (a SELECT of the event columns, or none) and the tail into `events`, in the
 * caller's transaction, and empties the tail. Returns how many incoming events were stored.
 * `sliceEvents` is how many events to sort at a time (tests make it small).
 */
export async function foldIntoEvents(
  db: Database,
  incoming?: string,
  sliceEvents = SORT_SLICE_EVENTS,
): Promise<number> {
  const sizes = await db.row<{ events: number; tail: number }>(
    'SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM events_tail) AS tail',
  );
  const stored = sizes?.events ?? 0;
  const tail = sizes?.tail ?? 0;
  const parts: string[] = [];
  if (incoming !== undefined) parts.push(incoming);
  if (tail > 0) parts.push('SELECT * FROM events_tail');
  if (parts.length === 0) return 0;

  const ordered = 'ORDER BY customer, ts, seq';
  if (stored === 0) {
    const inserted = await db.row<{ Count: number }>(
      `INSERT INTO events SELECT * FROM (${parts.join(' UNION ALL ')}) ${ordered}`,
    );
    if (tail > 0) await db.run('DELETE FROM events_tail');
    return (inserted?.Count ?? 0) - tail;
  }

  await db.run(`CREATE OR REPLACE TEMP TABLE arriving AS ${parts.join(' UNION ALL ')}`);
  const arrived = await db.row<{ n: number; first: number | null; last: number | null }>(
    'SELECT count(*) AS n, min(customer) AS first, max(customer) AS last FROM arriving',
  );
  const first = arrived?.first;
  if (first !== null && first !== undefined) {
    const from = `customer >= ${first}`;
    const span = await db.row<{ n: number; last: number | null }>(
      `SELECT count(*) AS n, max(customer) AS last FROM events WHERE ${from}`,
    );
    const rewritten = span?.n ?? 0;
    const last = Math.max(span?.last ?? first, arrived?.last ?? first);
    const slices = sliceRanges(first, last + 1, Math.ceil((rewritten + (arrived?.n ?? 0)) / sliceEvents));
    if (rewritten > stored * NEW_TABLE_SHARE) {
      await db.run(`CREATE TABLE events_clustered (${EVENT_COLUMNS})`);
      // A plain filter keeps the table's order.
      await db.run(`INSERT INTO events_clustered SELECT * FROM events WHERE customer < ${first}`);
      await sortInto(db, 'events_clustered', 'events', slices);
      await db.run('DROP TABLE events; ALTER TABLE events_clustered RENAME TO events');
    } else {
      await db.run(`CREATE OR REPLACE TEMP TABLE rewritten AS SELECT * FROM events WHERE ${from}`);
      if (rewritten > 0) await db.run(`DELETE FROM events WHERE ${from}`);
      await sortInto(db, 'events', 'rewritten', slices);
      await db.run('DROP TABLE rewritten');
    }
  }
  if (tail > 0) await db.run('DELETE FROM events_tail');
  await db.run('DROP TABLE arriving');
  return (arrived?.n ?? 0) - tail;
}

/** `count` customer code ranges covering [from, to). */
function sliceRanges(from: number, to: number, count: number): [number, number][] {
  const width = Math.max(1, Math.ceil((to - from) / count));
  const ranges: [number, number][] = [];
  for (let start = from; start < to; start += width) ranges.push([start, Math.min(to, start + width)]);
  return ranges;
}

/**
 * Appends to `target` the events of `source` (in customer order, so a range is read through its
 * zone maps) and of `arriving`, sorted, one range of customers after the other.
 */
async function sortInto(
  db: Database,
  target: string,
  source: string,
  ranges: readonly [number, number][],
): Promise<void> {
  for (const [from, to] of ranges) {
    const range = `customer >= ${from} AND customer < ${to}`;
    await db.run(`
      INSERT INTO ${target}
      SELECT * FROM (SELECT * FROM ${source} WHERE ${range} UNION ALL SELECT * FROM arriving WHERE ${range})
      ORDER BY customer, ts, seq`);
  }
}
