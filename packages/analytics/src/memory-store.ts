/**
 * An EventStore over events held in memory. It evaluates match rules in plain TypeScript, so it
 * is both the store for small in-process uses (tests of the measures, the browser) and a second,
 * independent implementation the database engines are checked against.
 */
import type { CostRecord, TrackedEvent } from './events.ts';
import { anyRuleMatches, propertyValue } from './match.ts';
import type { CostRow, EventBatch, EventStore, Scan, ScanRequest, StoreSummary } from './store.ts';

class Dictionary {
  readonly names: string[] = [];
  private readonly codes = new Map<string, number>();

  code(name: string | undefined | null): number {
    if (name === undefined || name === null || name === '') return -1;
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(name);
      this.codes.set(name, code);
    }
    return code;
  }
}

export interface MemoryEventStoreOptions {
  /** Customers per batch; small values exercise the batch boundaries. */
  customersPerBatch?: number;
}

export class MemoryEventStore implements EventStore {
  private readonly events: TrackedEvent[];
  private readonly customerCodes = new Map<string, number>();
  private readonly customersPerBatch: number;

  constructor(
    events: readonly TrackedEvent[],
    private readonly costRecords: readonly CostRecord[] = [],
    options: MemoryEventStoreOptions = {},
  ) {
    this.customersPerBatch = options.customersPerBatch ?? 1024;
    const seen = new Set<string>();
    const unique = events.filter((event) => {
      if (event.eventId === undefined) return true;
      if (seen.has(event.eventId)) return false;
      seen.add(event.eventId);
      return true;
    });
    for (const event of unique) {
      if (!this.customerCodes.has(event.userId))
        this.customerCodes.set(event.userId, this.customerCodes.size);
    }
    // Array.prototype.sort is stable: events at the same time keep their input order.
    this.events = unique
      .map((event, index) => ({ event, index }))
      .sort(
        (a, b) =>
          (this.customerCodes.get(a.event.userId) ?? 0) - (this.customerCodes.get(b.event.userId) ?? 0) ||
          a.event.time - b.event.time ||
          a.index - b.index,
      )
      .map(({ event }) => event);
  }

  async scan(request: ScanRequest): Promise<Scan> {
    const eventNames = new Dictionary();
    const channels = new Dictionary();
    const campaigns = new Dictionary();
    const groups = new Dictionary();
    const sessions = new Dictionary();
    const markers = request.markers ?? [];
    const classes = request.classes ?? [];
    if (markers.length > 30) throw new RangeError('a scan takes at most 30 markers');
    const columns = new Set(request.columns ?? []);

    const rows: {
      event: TrackedEvent;
      customer: number;
      marks: number;
      cls: number;
    }[] = [];
    for (const event of this.events) {
      if (request.from !== undefined && event.time < request.from) continue;
      if (request.to !== undefined && event.time >= request.to) continue;
      let marks = 0;
      markers.forEach((rules, index) => {
        if (anyRuleMatches(event, rules)) marks |= 1 << index;
      });
      const cls = classes.findIndex((rules) => anyRuleMatches(event, rules));
      if (request.matchedOnly) {
        const matched = marks !== 0 || cls !== -1;
        const touch = request.orWithChannel === true && (event.channel ?? '') !== '';
        if (!matched && !touch) continue;
      }
      rows.push({ event, customer: this.customerCodes.get(event.userId) ?? -1, marks, cls });
    }

    const batches: EventBatch[] = [];
    let start = 0;
    while (start < rows.length) {
      let end = start;
      let customersInBatch = 0;
      let lastCustomer = -2;
      while (end < rows.length) {
        const customer = rows[end]?.customer ?? -1;
        if (customer !== lastCustomer) {
          if (customersInBatch === this.customersPerBatch) break;
          customersInBatch++;
          lastCustomer = customer;
        }
        end++;
      }
      const slice = rows.slice(start, end);
      const length = slice.length;
      const batch: EventBatch = {
        length,
        customer: Int32Array.from(slice, (r) => r.customer),
        time: Float64Array.from(slice, (r) => r.event.time),
        event: Int32Array.from(slice, (r) => eventNames.code(r.event.event)),
        marks: Int32Array.from(slice, (r) => r.marks),
        cls: Int32Array.from(slice, (r) => r.cls),
      };
      if (columns.has('channel'))
        batch.channel = Int32Array.from(slice, (r) => channels.code(r.event.channel));
      if (columns.has('campaign'))
        batch.campaign = Int32Array.from(slice, (r) => campaigns.code(r.event.campaign));
      if (columns.has('session'))
        batch.session = Int32Array.from(slice, (r) =>
          r.event.sessionId ? sessions.code(`${r.event.userId}\u0000${r.event.sessionId}`) : -1,
        );
      if (columns.has('revenue'))
        batch.revenue = Float64Array.from(slice, (r) => r.event.revenue ?? Number.NaN);
      if (columns.has('value')) batch.value = Float64Array.from(slice, (r) => r.event.value ?? Number.NaN);
      if (request.groupBy !== undefined) {
        const property = request.groupBy;
        batch.group = Int32Array.from(slice, (r) => {
          const value = propertyValue(r.event, property);
          return value === undefined || value === null ? -1 : groups.code(String(value));
        });
      }
      batches.push(batch);
      start = end;
    }

    return {
      dictionaries: {
        events: eventNames.names,
        channels: channels.names,
        campaigns: campaigns.names,
        groups: groups.names,
      },
      batches: (async function* () {
        yield* batches;
      })(),
    };
  }

  async costs(range: { from?: number; to?: number } = {}): Promise<CostRow[]> {
    const rows = new Map<string, CostRow>();
    for (const record of this.costRecords) {
      const day = Date.parse(`${record.date}T00:00:00Z`);
      if (range.from !== undefined && day < range.from) continue;
      if (range.to !== undefined && day >= range.to) continue;
      const key = `${record.channel}\u0000${record.campaign}`;
      const row = rows.get(key) ?? {
        channel: record.channel,
        campaign: record.campaign,
        cost: 0,
        impressions: 0,
        viewableImpressions: 0,
        audibleImpressions: 0,
        clicks: 0,
      };
      row.cost += record.cost;
      row.impressions += record.impressions;
      row.viewableImpressions += record.viewableImpressions;
      row.audibleImpressions += record.audibleImpressions;
      row.clicks += record.clicks;
      rows.set(key, row);
    }
    return [...rows.values()].sort(
      (a, b) => a.channel.localeCompare(b.channel) || a.campaign.localeCompare(b.campaign),
    );
  }

  async summary(): Promise<StoreSummary> {
    let first: number | null = null;
    let last: number | null = null;
    for (const { time } of this.events) {
      if (first === null || time < first) first = time;
      if (last === null || time > last) last = time;
    }
    return {
      events: this.events.length,
      customers: this.customerCodes.size,
      firstEventAt: first,
      lastEventAt: last,
      eventNames: new Set(this.events.map((e) => e.event)).size,
      costRows: this.costRecords.length,
    };
  }
}
