/** The embedded engine: events and costs in a DuckDB file under the data directory. */
import type {
  CostRow,
  EventStore,
  Scan,
  ScanRequest,
  StoreSummary,
  TrackedEvent,
} from '@touchline/analytics';
import { sqlNumber } from '../sql.ts';
import { foldIntoEvents } from './cluster.ts';
import { type Connection, Database, type DatabaseOptions, type Snapshot } from './database.ts';
import { type CostImportResult, importCostFile } from './import-costs.ts';
import { type ImportOptions, type ImportResult, importEventFile } from './import-events.ts';
import { type AppendResult, LiveAppender } from './live.ts';
import type { RuleDictionaries } from './rules-sql.ts';
import { readBatches, scanQuery } from './scan.ts';
import { ensureSchema } from './schema.ts';

export const EVENT_STORE_FILE = 'events.duckdb';

export interface CompactResult {
  /** Tail events folded into the clustered table. */
  events: number;
  seconds: number;
}

async function readDictionaries(db: Connection): Promise<RuleDictionaries> {
  const rows = await db.rows<{ kind: string; code: number; name: string }>(
    'SELECT kind, code, name FROM names ORDER BY kind, code',
  );
  const of = (kind: string) => {
    const names: string[] = [];
    for (const row of rows) if (row.kind === kind) names[row.code] = row.name;
    return names;
  };
  return { events: of('event'), channels: of('channel'), campaigns: of('campaign') };
}

/** Marks the customers with events in the tail, or undefined when the tail is empty. */
async function customersInTail(db: Connection, customers: number): Promise<Uint8Array | undefined> {
  const rows = await db.rows<{ customer: number }>('SELECT DISTINCT customer FROM events_tail');
  if (rows.length === 0) return undefined;
  const marks = new Uint8Array(customers);
  for (const { customer } of rows) marks[customer] = 1;
  return marks;
}

/** Batches read from a snapshot, which is closed when the reading ends or is abandoned. */
async function* readingFrom<T>(snapshot: Snapshot, batches: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* batches;
  } finally {
    await snapshot.close();
  }
}

export class DuckDbEventStore implements EventStore {
  /** Writes (imports, appends, compaction) run one at a time on the store's connection. */
  private writing: Promise<unknown> = Promise.resolve();
  /** Loaded at the first append; an import changes what it holds, so it is dropped then. */
  private live: LiveAppender | undefined;

  private constructor(readonly db: Database) {}

  /** Opens the store of a data directory, creating it when new. */
  static async open(directory: string, options: DatabaseOptions = {}): Promise<DuckDbEventStore> {
    const db = await Database.open(directory, EVENT_STORE_FILE, options);
    try {
      await ensureSchema(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new DuckDbEventStore(db);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work, work);
    this.writing = run.catch(() => undefined);
    return run;
  }

  /** Reads `work` from a snapshot of its own, so it sees no write half done. */
  private async reading<T>(work: (snapshot: Snapshot) => Promise<T>): Promise<T> {
    const snapshot = await this.db.snapshot();
    try {
      return await work(snapshot);
    } finally {
      await snapshot.close();
    }
  }

  importEvents(path: string, options?: ImportOptions): Promise<ImportResult> {
    return this.exclusive(async () => {
      this.live = undefined;
      return importEventFile(this.db, path, options);
    });
  }

  importCosts(path: string): Promise<CostImportResult> {
    return this.exclusive(() => importCostFile(this.db, path));
  }

  /**
   * Stores events as they arrive (the collect endpoint), in one transaction: durable once the
   * promise resolves. Events whose event_id is already stored, or comes earlier in the batch,
   * are left out. They go to the tail, which scans merge in; `compact` folds it into the
   * clustered table. The events are taken as valid: checking them is the caller's part.
   *
   * @example
   * await store.appendEvents([{ eventId: 'e1', userId: 'anna', time: Date.now(), event: 'page_view' }]);
   */
  appendEvents(events: readonly TrackedEvent[]): Promise<AppendResult> {
    return this.exclusive(async () => {
      this.live ??= await LiveAppender.load(this.db);
      return this.live.append(events);
    });
  }

  /**
   * Folds the tail into the clustered table in one transaction, moving only the customers it
   * touches. For when the store is idle or the tail has grown (see `tailEvents`).
   */
  compact(): Promise<CompactResult> {
    return this.exclusive(async () => {
      const started = performance.now();
      const events = await this.tailEvents();
      if (events > 0) await this.db.transaction(() => foldIntoEvents(this.db));
      return { events, seconds: (performance.now() - started) / 1000 };
    });
  }

  /** Events appended since the last compaction (or import). */
  async tailEvents(): Promise<number> {
    return this.reading(
      async (db) => (await db.row<{ n: number }>('SELECT count(*) AS n FROM events_tail'))?.n ?? 0,
    );
  }

  scan(request: ScanRequest): Promise<Scan> {
    return this.scanInSlices(request);
  }

  /** A scan read `sliceRows` events at a time (tests use small slices to cross many boundaries). */
  async scanInSlices(request: ScanRequest, sliceRows?: number): Promise<Scan> {
    const snapshot = await this.db.snapshot();
    try {
      const dictionaries = await readDictionaries(snapshot);
      const query = scanQuery(request, dictionaries);
      const size = (await snapshot.row<{ events: number; customers: number }>(
        'SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM events_tail) AS events, (SELECT count(*) FROM customers) AS customers',
      )) ?? { events: 0, customers: 0 };
      const inTail = await customersInTail(snapshot, size.customers);
      const groups: string[] =
        request.groupBy === 'channel'
          ? [...dictionaries.channels]
          : request.groupBy === 'campaign'
            ? [...dictionaries.campaigns]
            : [];
      return {
        // `groups` fills while the batches are read: by the end of the scan it is complete.
        dictionaries: { ...dictionaries, groups },
        batches: readingFrom(snapshot, readBatches(snapshot, query, size, groups, sliceRows, inTail)),
      };
    } catch (error) {
      await snapshot.close();
      throw error;
    }
  }

  /** Costs summed in decimal: a parallel sum of doubles would differ in its last digits from run to run. */
  async costs(range: { from?: number; to?: number } = {}): Promise<CostRow[]> {
    const where: string[] = [];
    if (range.from !== undefined)
      where.push(`date >= CAST(make_timestamp(${sqlNumber(Math.round(range.from * 1000))}) AS DATE)`);
    if (range.to !== undefined)
      where.push(`date < CAST(make_timestamp(${sqlNumber(Math.round(range.to * 1000))}) AS DATE)`);
    return this.reading((db) =>
      db.rows<CostRow & Record<string, unknown>>(`
      SELECT channel, campaign, CAST(sum(CAST(cost AS DECIMAL(38, 9))) AS DOUBLE) AS cost, CAST(sum(impressions) AS BIGINT) AS "impressions",
             CAST(sum(viewable_impressions) AS BIGINT) AS "viewableImpressions",
             CAST(sum(audible_impressions) AS BIGINT) AS "audibleImpressions", CAST(sum(clicks) AS BIGINT) AS "clicks"
      FROM costs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY channel, campaign ORDER BY channel, campaign`),
    );
  }

  async summary(): Promise<StoreSummary> {
    const row = await this.reading((db) =>
      db.row<{
        events: number;
        customers: number;
        first: number | null;
        last: number | null;
        names: number;
        costs: number;
      }>(`
      SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM events_tail) AS events,
             (SELECT count(*) FROM customers) AS customers,
             (SELECT epoch_ms(least(min(e.ts), (SELECT min(ts) FROM events_tail))) FROM events e) AS first,
             (SELECT epoch_ms(greatest(max(e.ts), (SELECT max(ts) FROM events_tail))) FROM events e) AS last,
             (SELECT count(*) FROM names WHERE kind = 'event') AS names,
             (SELECT count(*) FROM costs) AS costs`),
    );
    return {
      events: row?.events ?? 0,
      customers: row?.customers ?? 0,
      firstEventAt: row?.first ?? null,
      lastEventAt: row?.last ?? null,
      eventNames: row?.names ?? 0,
      costRows: row?.costs ?? 0,
    };
  }

  close(): void {
    this.db.close();
  }
}
