/** Test helpers: scans decoded into comparable rows, and the scan requests engines are checked with. */
import { type EventStore, forEachCustomer, type Scan, type ScanRequest } from '@touchline/analytics';
import { expect } from 'vitest';
import type { Database } from '../duckdb/database.ts';

/** Each customer's events as readable rows; customers sorted, since engines number them differently. */
export async function decode(scan: Scan): Promise<string[]> {
  const { events, channels, campaigns, groups } = scan.dictionaries;
  const customers: string[] = [];
  await forEachCustomer(scan.batches, ({ batch, start, end }) => {
    const rows: unknown[] = [];
    for (let i = start; i < end; i++) {
      rows.push([
        batch.time[i],
        events[batch.event[i] ?? -1],
        batch.marks[i],
        batch.cls[i],
        batch.channel ? (channels[batch.channel[i] ?? -1] ?? null) : undefined,
        batch.campaign ? (campaigns[batch.campaign[i] ?? -1] ?? null) : undefined,
        batch.session ? (batch.session[i] === -1 ? null : 'session') : undefined,
        batch.revenue ? (Number.isNaN(batch.revenue[i]) ? null : batch.revenue[i]) : undefined,
        batch.value ? (Number.isNaN(batch.value[i]) ? null : batch.value[i]) : undefined,
        batch.group ? (groups[batch.group[i] ?? -1] ?? null) : undefined,
      ]);
    }
    customers.push(JSON.stringify(rows));
  });
  return customers.sort();
}

/** Per customer, which events start a new session (session ids are hashed differently per engine). */
export async function sessionStarts(store: EventStore): Promise<string[]> {
  const scan = await store.scan({ columns: ['session'] });
  const out: string[] = [];
  await forEachCustomer(scan.batches, ({ batch, start, end }) => {
    const starts: number[] = [];
    for (let i = start + 1; i < end; i++)
      if (batch.session?.[i] !== batch.session?.[i - 1]) starts.push(i - start);
    out.push(`${batch.time[start]}:${starts.join(',')}`);
  });
  return out.sort();
}

export const SCAN_REQUESTS: readonly ScanRequest[] = [
  { columns: ['channel', 'campaign', 'revenue', 'value'] },
  {
    markers: [
      [{ event: 'page_view', where: [{ property: 'url', op: 'starts-with', value: '/product/' }] }],
      [{ event: 'add_to_cart' }],
      [{ event: 'order_completed', where: [{ property: 'revenue', op: 'gt', value: 50 }] }],
      [
        { event: 'page_view' },
        { event: 'ad_click', where: [{ property: 'channel', op: 'in', value: ['social', 'display'] }] },
      ],
    ],
    matchedOnly: true,
  },
  {
    classes: [
      [{ event: 'email_open', where: [{ property: 'list', value: 'newsletter' }] }],
      [{ event: 'page_view', where: [{ property: 'url', value: '/' }] }],
      [{ event: 'page_view', where: [{ property: 'url', op: 'contains', value: 'summer' }] }],
      [{ event: 'page_view', where: [{ property: 'url', op: 'regex', value: '^/blog/.*s$' }] }],
      [{ event: 'ad_click', where: [{ property: 'campaign', op: 'neq', value: 'spring' }] }],
      [{ event: 'survey_answer', where: [{ property: 'value', op: 'lt', value: 7 }] }],
      [{ event: 'email_open', where: [{ property: 'size', value: 40 }] }],
      [{ event: 'email_open', where: [{ property: 'size', op: 'exists' }] }],
      [{ event: 'ad_click', where: [{ property: 'channel', op: 'starts-with', value: 's' }] }],
      [{ event: 'no_such_event' }],
    ],
    columns: ['channel'],
  },
  {
    markers: [[{ event: 'order_completed' }]],
    matchedOnly: true,
    orWithChannel: true,
    columns: ['channel', 'revenue'],
  },
  { groupBy: 'channel', columns: [] },
  { groupBy: 'list' },
  { groupBy: 'url', from: Date.UTC(2026, 0, 2), to: Date.UTC(2026, 0, 3) },
];

/** Checks the clustered table's order: each customer one run, in (time, seq) order. */
export async function expectClustered(db: Database): Promise<void> {
  const rows = await db.rows<{ customer: number; t: number; seq: number }>(
    'SELECT customer, epoch_us(ts) AS t, seq FROM events',
  );
  const finished = new Set<number>();
  for (let i = 1; i < rows.length; i++) {
    const [before, row] = [rows[i - 1], rows[i]] as [(typeof rows)[0], (typeof rows)[0]];
    if (row.customer !== before.customer) {
      expect(finished.has(row.customer)).toBe(false);
      finished.add(before.customer);
    } else {
      expect(row.t > before.t || (row.t === before.t && row.seq > before.seq)).toBe(true);
    }
  }
}
