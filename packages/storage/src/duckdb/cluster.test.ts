import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFolder } from '../testing/event-files.ts';
import { expectClustered } from '../testing/scans.ts';
import { foldIntoEvents } from './cluster.ts';
import { Database } from './database.ts';
import { ensureSchema } from './schema.ts';

/** Event rows (customer, second, seq) as a SELECT of the event columns. */
function rowsSql(rows: readonly [number, number, number][]): string {
  const values = rows.map(([customer, second, seq]) => `(${customer}, ${second}, ${seq})`).join(', ');
  return `SELECT customer, make_timestamp(second * 1000000) AS ts, seq, 0 AS event, NULL AS channel,
    NULL AS campaign, NULL AS session_id, NULL AS url, NULL AS revenue, NULL AS value,
    NULL AS properties, 'e' || seq AS event_id
    FROM (VALUES ${values}) v(customer, second, seq)`;
}

describe('folding events into the clustered table', () => {
  let folder: ReturnType<typeof tempFolder>;
  let db: Database;

  beforeEach(async () => {
    folder = tempFolder();
    db = await Database.open(join(folder.path, 'data'), 'events.duckdb');
    await ensureSchema(db);
  });
  afterEach(() => {
    db.close();
    folder.cleanup();
  });

  it('folds the tail and new events in, moving only what follows the first customer they touch', async () => {
    await foldIntoEvents(
      db,
      rowsSql([
        [0, 1, 0],
        [1, 1, 1],
        [2, 1, 2],
        [3, 1, 3],
        [4, 1, 4],
      ]),
    );
    await db.run(`INSERT INTO events_tail ${rowsSql([[3, 0, 5]])}`);
    expect(
      await foldIntoEvents(
        db,
        rowsSql([
          [4, 0, 6],
          [5, 0, 7],
        ]),
      ),
    ).toBe(2);
    await expectClustered(db);
    expect((await db.rows<{ seq: number }>('SELECT seq FROM events')).map((r) => r.seq)).toEqual([
      0, 1, 2, 5, 3, 6, 4, 7,
    ]);
    expect(await db.row('SELECT count(*) AS n FROM events_tail')).toEqual({ n: 0 });
  });

  it('sorts a slice of customers at a time, into the same order', async () => {
    const rows = (seed: number, count: number): [number, number, number][] =>
      Array.from({ length: count }, (_, i) => [(i * seed) % 23, (i * 7) % 5, seed * 1000 + i]);
    const first = rows(3, 60);
    const second = rows(5, 40).filter(([customer]) => customer >= 2);
    const third = rows(7, 30).filter(([customer]) => customer >= 20);
    await foldIntoEvents(db, rowsSql(first));
    // Customers from 2 on are rewritten, four events a slice: into a new table, then appended.
    await foldIntoEvents(db, rowsSql(second), 4);
    await expectClustered(db);
    await foldIntoEvents(db, rowsSql(third), 4);
    await expectClustered(db);
    const stored = await db.rows<{ seq: number }>('SELECT seq FROM events ORDER BY seq');
    expect(stored.map((row) => row.seq)).toEqual(
      [...first, ...second, ...third].map(([, , seq]) => seq).sort((a, b) => a - b),
    );
  });
});
