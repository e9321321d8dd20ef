import { join } from 'node:path';
import type { EventBatch, ScanRequest } from '@touchline/analytics';
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
