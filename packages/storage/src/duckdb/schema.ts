/**
 * The event store's tables. Names, channels and campaigns are dictionary-encoded. Imported
 * events sit in `events`, where each customer's events are one contiguous run in (time, seq)
 * order, so every measure is one streaming scan without a sort. Events appended live go to
 * `events_tail` in arrival order; scans merge the tail in, and compaction folds it into
 * `events`. `seq` keeps the order of arrival for events at the same time.
 */
import { StorageError } from '../errors.ts';
import type { Database } from './database.ts';

export const STORE_SCHEMA_VERSION = 2;

/**
 * The columns of `events` and `events_tail`. Event ids are mostly unique and session ids nearly
 * so, and the automatic choice of compression ends at FSST for them after trying a dictionary
 * first, which costs about a third of writing the column: FSST is chosen here instead.
 */
export const EVENT_COLUMNS = `
  customer INTEGER NOT NULL,
  ts TIMESTAMP NOT NULL,
  seq BIGINT NOT NULL,
  event INTEGER NOT NULL,
  channel INTEGER,
  campaign INTEGER,
  session_id VARCHAR USING COMPRESSION fsst,
  url VARCHAR,
  revenue DOUBLE,
  value DOUBLE,
  properties JSON,
  event_id VARCHAR USING COMPRESSION fsst`;

const TABLES = `
CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR NOT NULL, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS customers (code INTEGER NOT NULL, user_id VARCHAR NOT NULL);
-- Visitors joined to a customer by an identify event: their events carry the customer's code.
CREATE TABLE IF NOT EXISTS customer_aliases (user_id VARCHAR NOT NULL, code INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS names (kind VARCHAR NOT NULL, code INTEGER NOT NULL, name VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS events (${EVENT_COLUMNS});
CREATE TABLE IF NOT EXISTS events_tail (${EVENT_COLUMNS});
CREATE TABLE IF NOT EXISTS costs (
  date DATE NOT NULL,
  channel VARCHAR NOT NULL,
  campaign VARCHAR NOT NULL,
  cost DOUBLE NOT NULL,
  impressions BIGINT NOT NULL,
  viewable_impressions BIGINT NOT NULL,
  audible_impressions BIGINT NOT NULL,
  clicks BIGINT NOT NULL
);
CREATE OR REPLACE VIEW events_readable AS
SELECT e.event_id, c.user_id, e.ts AS timestamp, n.name AS event, e.session_id,
       ch.name AS channel, ca.name AS campaign, e.url, e.revenue, e.value, e.properties
FROM (SELECT * FROM events UNION ALL SELECT * FROM events_tail) e
JOIN customers c ON c.code = e.customer
JOIN names n ON n.kind = 'event' AND n.code = e.event
LEFT JOIN names ch ON ch.kind = 'channel' AND ch.code = e.channel
LEFT JOIN names ca ON ca.kind = 'campaign' AND ca.code = e.campaign;
`;

/**
 * Creates the tables of a new store, or checks an existing store is one this version reads.
 * A version 1 store gains the (empty) tail table and becomes version 2: an older Touchline
 * would not know to read the tail, so it must refuse the store from then on.
 */
export async function ensureSchema(db: Database): Promise<void> {
  const row = await db
    .row<{ value: string }>("SELECT value FROM store_meta WHERE key = 'schema_version'")
    .catch(() => undefined);
  const version = row ? Number(row.value) : undefined;
  if (version !== undefined && version > STORE_SCHEMA_VERSION) {
    throw new StorageError(
      'store-newer',
      `${db.path} was written by a newer Touchline (store version ${version}; this one reads ${STORE_SCHEMA_VERSION})`,
    );
  }
  if (version === STORE_SCHEMA_VERSION) return;
  await db.transaction(async () => {
    await db.run(TABLES);
    await db.run("DELETE FROM store_meta WHERE key = 'schema_version'");
    await db.run(`INSERT INTO store_meta VALUES ('schema_version', '${STORE_SCHEMA_VERSION}')`);
  });
}
