/**
 * The event store's tables. Events are kept clustered by (customer, time, seq) and names,
 * channels and campaigns dictionary-encoded, so every measure is one ordered streaming scan
 * without a sort. `seq` keeps the order of arrival for events at the same time.
 */
import { StorageError } from '../errors.ts';
import type { Database } from './database.ts';

export const STORE_SCHEMA_VERSION = 1;

const TABLES = `
CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR NOT NULL, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS customers (code INTEGER NOT NULL, user_id VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS names (kind VARCHAR NOT NULL, code INTEGER NOT NULL, name VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  customer INTEGER NOT NULL,
  ts TIMESTAMP NOT NULL,
  seq BIGINT NOT NULL,
  event INTEGER NOT NULL,
  channel INTEGER,
  campaign INTEGER,
  session_id VARCHAR,
  url VARCHAR,
  revenue DOUBLE,
  value DOUBLE,
  properties JSON,
  event_id VARCHAR
);
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
FROM events e
JOIN customers c ON c.code = e.customer
JOIN names n ON n.kind = 'event' AND n.code = e.event
LEFT JOIN names ch ON ch.kind = 'channel' AND ch.code = e.channel
LEFT JOIN names ca ON ca.kind = 'campaign' AND ca.code = e.campaign;
`;

/** Creates the tables of a new store, or checks an existing store is one this version reads. */
export async function ensureSchema(db: Database): Promise<void> {
  await db.run(TABLES);
  const row = await db.row<{ value: string }>("SELECT value FROM store_meta WHERE key = 'schema_version'");
  if (!row) {
    await db.run(`INSERT INTO store_meta VALUES ('schema_version', '${STORE_SCHEMA_VERSION}')`);
    return;
  }
  const version = Number(row.value);
  if (version > STORE_SCHEMA_VERSION) {
    throw new StorageError(
      'store-newer',
      `${db.path} was written by a newer Touchline (store version ${version}; this one reads ${STORE_SCHEMA_VERSION})`,
    );
  }
}
