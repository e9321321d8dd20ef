/**
 * The funnel against plain SQL in DuckDB: the definition written as self-joins (chains e1..ek
 * with non-decreasing times within the window), counted per step, over the same random events.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funnel } from './funnel.ts';
import { MemoryEventStore } from './memory-store.ts';
import { FUNNEL_MAP, randomFunnelEvents } from './testing/funnel-events.ts';

const MAP = FUNNEL_MAP;

/** The same steps as SQL predicates, written from the map's rules by hand. */
const STEP_SQL: Record<string, string> = {
  view: "event = 'view'",
  cart: "event = 'cart'",
  checkout: "event = 'checkout'",
  order: "event = 'order'",
  basket: "(event = 'cart' OR (event = 'view' AND starts_with(url, '/cart')))",
  buy: "event IN ('checkout', 'order')",
};

/** Minute-resolution times over an hour, so equal times and window edges are common. */
const randomEvents = (seed: number, customers: number) =>
  randomFunnelEvents(seed, customers, { maxEvents: 14, minutes: 60 });

const quote = (text: string | undefined) => (text === undefined ? 'NULL' : `'${text.replaceAll("'", "''")}'`);

/**
 * Chains c1..cn as distinct (customer, start, last) rows; the users of step k are the customers
 * with a row in ck. The chain that first reached a customer's level ends at its earliest `last`
 * and starts at the latest `start` among the chains ending there; its value is the smallest
 * channel of a step-1 event at that start (min skips NULL: a present channel beats none).
 */
function funnelSql(steps: readonly string[], windowMs: number): string {
  const chains = steps.map((step, k) => {
    const predicate = STEP_SQL[step] ?? 'FALSE';
    if (k === 0)
      return `c1 AS (SELECT DISTINCT customer, t AS start, t AS last FROM events WHERE ${predicate})`;
    return `c${k + 1} AS (
      SELECT DISTINCT c.customer, c.start, e.t AS last
      FROM c${k} c JOIN events e ON e.customer = c.customer AND e.t >= c.last AND e.t - c.start <= ${windowMs}
      WHERE ${predicate.replaceAll('event', 'e.event').replaceAll('url', 'e.url')})`;
  });
  const levels = steps
    .map((_, k) => `SELECT customer, ${k + 1} AS level, start, last FROM c${k + 1}`)
    .join(' UNION ALL ');
  return `WITH ${chains.join(',\n')},
    chain AS (${levels}),
    top AS (SELECT customer, max(level) AS level FROM chain GROUP BY customer),
    ends AS (
      SELECT t.customer, t.level, min(c.last) AS last
      FROM top t JOIN chain c ON c.customer = t.customer AND c.level = t.level GROUP BY ALL),
    firsts AS (
      SELECT e.customer, e.level, e.last, max(c.start) AS start
      FROM ends e JOIN chain c ON c.customer = e.customer AND c.level = e.level AND c.last = e.last
      GROUP BY ALL),
    valued AS (
      SELECT f.customer, f.level, f.start, f.last,
        coalesce((SELECT min(v.channel) FROM events v WHERE v.customer = f.customer AND v.t = f.start
          AND ${STEP_SQL[steps[0] ?? ''] ?? 'FALSE'}), '(none)') AS value
      FROM firsts f)
    SELECT * FROM valued`;
}

describe('funnel: plain SQL in DuckDB', () => {
  let instance: DuckDBInstance;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
  });

  afterAll(() => {
    instance.closeSync();
  });

  it.each([
    [1, ['view', 'basket', 'buy'], 600],
    [2, ['view', 'cart', 'checkout', 'order'], 900],
    [3, ['basket', 'basket', 'order'], 300],
    [4, ['buy', 'order', 'view', 'basket', 'checkout'], 1200],
    [5, ['order', 'view'], 60],
    [6, ['view', 'checkout', 'buy', 'order', 'cart', 'basket'], 1800],
  ])(
    'level counts, time to convert and breakdown equal the self-joins (seed %i: %j within %is)',
    async (seed, steps, windowSeconds) => {
      const events = randomEvents(seed, 200);
      const connection = await instance.connect();
      await connection.run(
        'CREATE OR REPLACE TABLE events (customer VARCHAR, t DOUBLE, event VARCHAR, url VARCHAR, channel VARCHAR)',
      );
      await connection.run(
        `INSERT INTO events VALUES ${events
          .map(
            (e) => `(${quote(e.userId)}, ${e.time}, ${quote(e.event)}, ${quote(e.url)}, ${quote(e.channel)})`,
          )
          .join(', ')}`,
      );
      const rows = (
        await connection.runAndReadAll(
          `SELECT level::INTEGER AS level, (last - start)::DOUBLE / 1000 AS seconds, value FROM (${funnelSql(steps, windowSeconds * 1000)})`,
        )
      ).getRowObjectsJS() as { level: number; seconds: number; value: string }[];
      const complete = (
        await connection.runAndReadAll(
          `SELECT count(*)::INTEGER AS n, median(seconds)::DOUBLE AS median, avg(seconds)::DOUBLE AS mean
         FROM (SELECT (last - start) / 1000 AS seconds FROM (${funnelSql(steps, windowSeconds * 1000)})
               WHERE level = ${steps.length})`,
        )
      ).getRowObjectsJS()[0] as { n: number; median: number | null; mean: number | null };
      connection.closeSync();

      const result = await funnel(
        new MemoryEventStore(events, [], { customersPerBatch: 3 }),
        { steps, windowSeconds, by: 'channel' },
        MAP,
      );
      const users = steps.map((_, k) => rows.filter((r) => r.level > k).length);
      expect(users[0]).toBeGreaterThan(0);
      expect(result.steps.map((s) => s.users)).toEqual(users);
      expect(result.timeToConvert.customers).toBe(complete.n);
      expect(result.timeToConvert.medianSeconds).toBe(complete.median);
      if (complete.mean === null) expect(result.timeToConvert.meanSeconds).toBeNull();
      else expect(result.timeToConvert.meanSeconds).toBeCloseTo(complete.mean, 9);

      const values = [...new Set(rows.map((r) => r.value))];
      const breakdown = Object.fromEntries(
        values.map((value) => [
          value,
          steps.map((_, k) => rows.filter((r) => r.value === value && r.level > k).length),
        ]),
      );
      expect(
        Object.fromEntries(
          (result.breakdown ?? []).map((entry) => [entry.value, entry.steps.map((s) => s.users)]),
        ),
      ).toEqual(breakdown);
    },
  );
});
