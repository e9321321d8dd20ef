import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './database.ts';

let sqlite: BetterSqlite3.Database;
beforeEach(() => {
  sqlite = new BetterSqlite3(':memory:');
  sqlite.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);');
});
afterEach(() => {
  sqlite.close();
});

describe('withStatementCache', () => {
  it('prepares a text once and reuses the statement', () => {
    const database = withStatementCache(sqlite);
    const first = database.prepare('SELECT n FROM t WHERE n > ?');
    expect(database.prepare('SELECT n FROM t WHERE n > ?')).toBe(first);
    expect(first.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(database.prepare('SELECT n FROM t WHERE n < ?')).not.toBe(first);
  });

  it('gives a fresh statement while the kept one is still being iterated', () => {
    const database = withStatementCache(sqlite);
    const sql = 'SELECT n FROM t ORDER BY n';
    const outer = database.prepare(sql).iterate([]);
    const seen: number[][] = [];
    for (const row of outer as Iterable<{ n: number }>) {
      seen.push([row.n, ...(database.prepare(sql).all([]) as { n: number }[]).map((r) => r.n)]);
    }
    expect(seen).toEqual([
      [1, 1, 2, 3],
      [2, 1, 2, 3],
      [3, 1, 2, 3],
    ]);
  });

  it('starts over when full', () => {
    const database = withStatementCache(sqlite, 2);
    const kept = database.prepare('SELECT 1');
    database.prepare('SELECT 2');
    database.prepare('SELECT 3');
    expect(database.prepare('SELECT 1')).not.toBe(kept);
  });
});
