/** The embedded engine: events and costs in a DuckDB file under the data directory. */
import type { CostRow, EventStore, Scan, ScanRequest, StoreSummary } from '@touchline/analytics';
import { sqlNumber } from '../sql.ts';
import { Database, type DatabaseOptions } from './database.ts';
import { type CostImportResult, importCostFile } from './import-costs.ts';
import { type ImportOptions, type ImportResult, importEventFile } from './import-events.ts';
import type { RuleDictionaries } from './rules-sql.ts';
import { readBatches, scanQuery } from './scan.ts';
import { ensureSchema } from './schema.ts';

export const EVENT_STORE_FILE = 'events.duckdb';

export class DuckDbEventStore implements EventStore {
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

  importEvents(path: string, options?: ImportOptions): Promise<ImportResult> {
    return importEventFile(this.db, path, options);
  }

  importCosts(path: string): Promise<CostImportResult> {
    return importCostFile(this.db, path);
  }

  private async dictionaries(): Promise<RuleDictionaries> {
    const rows = await this.db.rows<{ kind: string; code: number; name: string }>(
      'SELECT kind, code, name FROM names ORDER BY kind, code',
    );
    const of = (kind: string) => {
      const names: string[] = [];
      for (const row of rows) if (row.kind === kind) names[row.code] = row.name;
      return names;
    };
    return { events: of('event'), channels: of('channel'), campaigns: of('campaign') };
  }

  async scan(request: ScanRequest): Promise<Scan> {
    const dictionaries = await this.dictionaries();
    const query = scanQuery(request, dictionaries);
    const size = await this.db.row<{ events: number; customers: number }>(
      'SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM customers) AS customers',
    );
    const groups: string[] =
      request.groupBy === 'channel'
        ? [...dictionaries.channels]
        : request.groupBy === 'campaign'
          ? [...dictionaries.campaigns]
          : [];
    return {
      // `groups` fills while the batches are read: by the end of the scan it is complete.
      dictionaries: { ...dictionaries, groups },
      batches: readBatches(this.db, query, size ?? { events: 0, customers: 0 }, groups),
    };
  }

  /** Costs summed in decimal: a parallel sum of doubles would differ in its last digits from run to run. */
  async costs(range: { from?: number; to?: number } = {}): Promise<CostRow[]> {
    const where: string[] = [];
    if (range.from !== undefined)
      where.push(`date >= CAST(make_timestamp(${sqlNumber(Math.round(range.from * 1000))}) AS DATE)`);
    if (range.to !== undefined)
      where.push(`date < CAST(make_timestamp(${sqlNumber(Math.round(range.to * 1000))}) AS DATE)`);
    return this.db.rows<CostRow & Record<string, unknown>>(`
      SELECT channel, campaign, CAST(sum(CAST(cost AS DECIMAL(38, 9))) AS DOUBLE) AS cost, CAST(sum(impressions) AS BIGINT) AS "impressions",
             CAST(sum(viewable_impressions) AS BIGINT) AS "viewableImpressions",
             CAST(sum(audible_impressions) AS BIGINT) AS "audibleImpressions", CAST(sum(clicks) AS BIGINT) AS "clicks"
      FROM costs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY channel, campaign ORDER BY channel, campaign`);
  }

  async summary(): Promise<StoreSummary> {
    const row = await this.db.row<{
      events: number;
      customers: number;
      first: number | null;
      last: number | null;
      names: number;
      costs: number;
    }>(`
      SELECT (SELECT count(*) FROM events) AS events,
             (SELECT count(*) FROM customers) AS customers,
             (SELECT epoch_ms(min(ts)) FROM events) AS first,
             (SELECT epoch_ms(max(ts)) FROM events) AS last,
             (SELECT count(*) FROM names WHERE kind = 'event') AS names,
             (SELECT count(*) FROM costs) AS costs`);
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
