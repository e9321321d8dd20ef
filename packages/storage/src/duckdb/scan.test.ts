import { join } from 'node:path';
import {
  type EventBatch,
  type EventStore,
  forEachCustomer,
  MemoryEventStore,
  type ScanRequest,
} from '@touchline/analytics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsCsv, randomEvents, tempFolder } from '../testing/event-files.ts';
import { DuckDbEventStore } from './event-store.ts';
import { readBatches, scanQuery } from './scan.ts';

/** Every row of the batches, one line per event. */
async function rowsOf(batches: AsyncIterable<EventBatch> | Iterable<EventBatch>): Promise<string[]> {
  const rows: string[] = [];
  for await (const batch of batches) {
    for (let i = 0; i < batch.length; i++)
      rows.push(
        [
          batch.customer[i],
          batch.time[i],
          batch.event[i],
          batch.marks[i],
          batch.cls[i],
          batch.channel?.[i],
          batch.revenue?.[i],
          batch.group?.[i],
        ].join(' '),
      );
  }
  return rows;
}

/** Each customer's events by name, mark, class and channel; customers sorted, since engines number them differently. */
async function matched(store: EventStore, request: ScanRequest): Promise<string[]> {
  const scan = await store.scan(request);
  const { events, channels } = scan.dictionaries;
  const customers: string[] = [];
  await forEachCustomer(scan.batches, ({ batch, start, end }) => {
    const rows: string[] = [];
    for (let i = start; i < end; i++)
      rows.push(
        `${batch.time[i]} ${events[batch.event[i] ?? -1]} ${batch.marks[i]} ${batch.cls[i]} ${channels[batch.channel?.[i] ?? -1] ?? '-'}`,
      );
    customers.push(rows.join(', '));
  });
  return customers.sort();
}

describe('matched-only scans', () => {
  const conditional = [
    { event: 'page_view', where: [{ property: 'url', op: 'starts-with' as const, value: '/p' }] },
  ];
  it.each([
    ['event names only, decided in SQL', { markers: [[{ event: 'page_view' }], [{ event: 'ad_click' }]] }],
    ['conditions, decided by the reader', { classes: [conditional, [{ event: 'ad_click' }]] }],
    [
      'conditions or a channel, decided by the reader',
      { markers: [conditional], orWithChannel: true, columns: ['channel'] },
    ],
    [
      'conditions or a channel without the channel column, decided in SQL',
      { markers: [conditional], orWithChannel: true },
    ],
  ] as const)('keep what the in-memory engine keeps: %s', async (_, request) => {
    const folder = tempFolder();
    const store = await DuckDbEventStore.open(join(folder.path, 'data'));
    try {
      const events = randomEvents(9, 1_500, 100);
      await store.importEvents(folder.file('events.csv', eventsCsv(events)));
      const full: ScanRequest = {
        ...request,
        matchedOnly: true,
        columns: [...(('columns' in request && request.columns) || [])],
      };
      const kept = await matched(store, full);
      expect(kept).toEqual(await matched(new MemoryEventStore(events), full));
      expect(kept.join(', ').split(', ').length).toBeLessThan(1_500);
    } finally {
      store.close();
      folder.cleanup();
    }
  });
});

describe('column widths', () => {
  it('reads 20 markers and 120 classes as the in-memory engine does', async () => {
    const folder = tempFolder();
    const store = await DuckDbEventStore.open(join(folder.path, 'data'));
    try {
      const events = randomEvents(3, 1_000, 50);
      await store.importEvents(folder.file('events.csv', eventsCsv(events)));
      const names = ['page_view', 'ad_click', 'add_to_cart', 'order_completed', 'email_open'];
      const request: ScanRequest = {
        // Marker 19 sets the top bit of a 20-bit mask.
        markers: Array.from({ length: 20 }, (_, i) => [{ event: names[i % names.length] ?? 'page_view' }]),
        // Classes 0 to 99 match nothing, so events get classes past what one byte holds.
        classes: Array.from({ length: 120 }, (_, i) => [
          {
            event: names[i % names.length] ?? 'page_view',
            where: [{ property: 'size', value: i < 100 ? 1_000 + i : 38 + (i % 8) }],
          },
        ]),
        columns: ['channel'],
      };
      const decoded = await matched(store, request);
      expect(decoded.join(' ')).toMatch(/ 1[0-9][0-9] /);
      expect(decoded).toEqual(await matched(new MemoryEventStore(events), request));
    } finally {
      store.close();
      folder.cleanup();
    }
  });
});

describe('readBatches', () => {
  let folder: ReturnType<typeof tempFolder>;
  let store: DuckDbEventStore;

  beforeEach(async () => {
    folder = tempFolder();
    store = await DuckDbEventStore.open(join(folder.path, 'data'));
    await store.importEvents(folder.file('events.csv', eventsCsv(randomEvents(5, 2_000, 200))));
  });
  afterEach(() => {
    store.close();
    folder.cleanup();
  });

  const requests: readonly ScanRequest[] = [
    { columns: ['channel', 'revenue'] },
    {
      markers: [[{ event: 'order_completed' }], [{ event: 'page_view' }]],
      classes: [[{ event: 'page_view', where: [{ property: 'url', value: '/' }] }], [{ event: 'ad_click' }]],
      matchedOnly: true,
      groupBy: 'url',
    },
  ];

  it.each(requests.map((request, i) => [i, request] as const))(
    'reads request %i slice by slice into the same rows as in one slice',
    async (_, request) => {
      const whole = await store.scan(request);
      const expected = await rowsOf(whole.batches);
      const query = scanQuery(request, whole.dictionaries);
      const size = await store.summary();
      const groups: string[] = [];
      const sliced = readBatches(
        store.db,
        query,
        { events: size.events, customers: size.customers },
        groups,
        150,
      );
      const customersSeen = new Set<number>();
      let batches = 0;
      const rows: string[] = [];
      for await (const batch of sliced) {
        batches++;
        const inBatch = new Set(batch.customer);
        for (const customer of inBatch) expect(customersSeen.has(customer)).toBe(false);
        for (const customer of inBatch) customersSeen.add(customer);
        rows.push(...(await rowsOf([batch])));
      }
      expect(batches).toBeGreaterThan(5);
      expect(rows).toEqual(expected);
      expect(groups).toEqual(whole.dictionaries.groups);
    },
  );

  it('lets a reader stop early and the store answer the next query', async () => {
    const size = await store.summary();
    const query = scanQuery({}, (await store.scan({})).dictionaries);
    for await (const batch of readBatches(store.db, query, size, [], 100)) {
      expect(batch.length).toBeGreaterThan(0);
      break;
    }
    expect((await store.summary()).events).toBe(2_000);
    expect(await rowsOf((await store.scan({})).batches)).toHaveLength(2_000);
  });
});
