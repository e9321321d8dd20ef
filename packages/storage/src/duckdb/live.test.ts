import { join } from 'node:path';
import {
  attribution,
  type EventStore,
  funnel,
  MemoryEventStore,
  paths,
  type TrackedEvent,
} from '@touchline/analytics';
import { describe, expect, it } from 'vitest';
import { eventsCsv, randomEvents } from '../testing/event-files.ts';
import { decode, expectClustered, SCAN_REQUESTS, sessionStarts } from '../testing/scans.ts';
import { storeForEachTest } from '../testing/store.ts';
import { DuckDbEventStore } from './event-store.ts';

/** Every scan request decoded, and a few measures' numbers, over one store. */
async function everything(store: EventStore): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const request of SCAN_REQUESTS) out.push(await decode(await store.scan(request)));
  out.push(await sessionStarts(store));
  out.push(await funnel(store, { steps: ['page_view', 'add_to_cart', 'order_completed'], by: 'channel' }));
  out.push(await attribution(store, { conversion: 'order_completed', model: 'markov' }));
  out.push(await paths(store, { over: 'events', per: 'customer' }));
  return out;
}

/** `events` in batches of `size`. */
function batches(events: readonly TrackedEvent[], size: number): TrackedEvent[][] {
  const out: TrackedEvent[][] = [];
  for (let i = 0; i < events.length; i += size) out.push(events.slice(i, i + size));
  return out;
}

describe('appending events to the tail', () => {
  const fixture = storeForEachTest();

  it('gives every measure the same numbers whether events were imported or appended, compacted or not', async () => {
    const events = randomEvents(21, 1500, 60);
    const [first, rest] = [events.slice(0, 600), events.slice(600)];
    // A third of the customers get events in the tail, some of them new: scans put them
    // between the customers read from the clustered table.
    const inTail = (event: TrackedEvent) => Number(event.userId.slice('user-'.length)) % 3 === 0;
    const early = rest.filter(inTail);
    const late = rest.filter((event) => !inTail(event));

    await fixture.store.importEvents(fixture.folder.file('first.csv', eventsCsv(first)));
    for (const batch of batches(early, 37)) await fixture.store.appendEvents(batch);
    expect(await fixture.store.tailEvents()).toBe(early.length);
    const sofar = new MemoryEventStore([...first, ...early]);
    expect(await everything(fixture.store)).toEqual(await everything(sofar));
    // Slices of a few customers each: tail customers are merged in at every slice boundary.
    for (const request of SCAN_REQUESTS)
      expect(await decode(await fixture.store.scanInSlices(request, 97))).toEqual(
        await decode(await sofar.scan(request)),
      );

    const compacted = await fixture.store.compact();
    expect(compacted.events).toBe(early.length);
    expect(await fixture.store.tailEvents()).toBe(0);
    await expectClustered(fixture.store.db);
    for (const batch of batches(late, 50)) await fixture.store.appendEvents(batch);
    const all = new MemoryEventStore([...first, ...early, ...late]);
    expect(await everything(fixture.store)).toEqual(await everything(all));
    expect(await fixture.store.summary()).toEqual(await all.summary());
    await fixture.store.compact();
    await expectClustered(fixture.store.db);
    expect(await everything(fixture.store)).toEqual(await everything(all));

    // An import folds the tail in as well.
    const other = await DuckDbEventStore.open(join(fixture.folder.path, 'other'));
    try {
      for (const batch of batches(events.slice(0, 900), 100)) await other.appendEvents(batch);
      await other.importEvents(fixture.folder.file('rest.csv', eventsCsv(events.slice(900))));
      expect(await other.tailEvents()).toBe(0);
      await expectClustered(other.db);
      const memory = new MemoryEventStore(events);
      expect(await everything(other)).toEqual(await everything(memory));
      expect(await other.summary()).toEqual(await memory.summary());
    } finally {
      other.close();
    }
  });

  it('appends an event id once, whether repeated in a batch, sent again or imported before', async () => {
    const events = randomEvents(4, 200);
    await fixture.store.importEvents(fixture.folder.file('a.csv', eventsCsv(events.slice(0, 100))));
    const first = await fixture.store.appendEvents([...events.slice(100, 150), ...events.slice(140, 150)]);
    expect(first).toEqual({ appended: 50, duplicates: 10 });
    expect(await fixture.store.appendEvents(events.slice(100, 150))).toEqual({ appended: 0, duplicates: 50 });
    expect(await fixture.store.appendEvents(events.slice(90, 160))).toEqual({ appended: 10, duplicates: 60 });
    const withoutIds = events.slice(0, 3).map(({ eventId: _, ...rest }) => rest);
    expect(await fixture.store.appendEvents(withoutIds)).toEqual({ appended: 3, duplicates: 0 });
    await fixture.store.compact();
    expect(await fixture.store.appendEvents(events.slice(150, 170))).toEqual({
      appended: 10,
      duplicates: 10,
    });
    const imported = await fixture.store.importEvents(fixture.folder.file('b.csv', eventsCsv(events)));
    expect(imported).toMatchObject({ imported: 30, duplicates: 170 });
    expect(await decode(await fixture.store.scan({ columns: ['channel', 'revenue'] }))).toEqual(
      await decode(
        await new MemoryEventStore([...events, ...withoutIds]).scan({ columns: ['channel', 'revenue'] }),
      ),
    );
  });

  it('keeps appended events once the promise resolves, across a reopen', async () => {
    const events = randomEvents(8, 120);
    await fixture.store.appendEvents(events.slice(0, 70));
    await fixture.store.appendEvents(events.slice(70));
    await fixture.reopen();
    expect(await fixture.store.tailEvents()).toBe(120);
    expect(await everything(fixture.store)).toEqual(await everything(new MemoryEventStore(events)));
    expect(await fixture.store.appendEvents(events.slice(0, 10))).toEqual({ appended: 0, duplicates: 10 });
  });

  it('takes batches sent at once one after another', async () => {
    const events = randomEvents(13, 400);
    const results = await Promise.all(batches(events, 25).map((batch) => fixture.store.appendEvents(batch)));
    expect(results.reduce((sum, r) => sum + r.appended, 0)).toBe(400);
    expect(await everything(fixture.store)).toEqual(await everything(new MemoryEventStore(events)));
  });

  it('never splits a customer across batches, nor puts customers out of order, with a tail', async () => {
    const events: TrackedEvent[] = [];
    for (let i = 0; i < 150_000; i++)
      events.push({
        eventId: `e${i}`,
        userId: `u${(i * 7919) % 997}`,
        time: 1_700_000_000_000 + i,
        event: 'e',
      });
    await fixture.store.importEvents(fixture.folder.file('many.csv', eventsCsv(events.slice(0, 100_000))));
    // A third of the customers have events in the tail: the scan puts them back in between.
    const appended = events.slice(100_000).filter((event) => Number(event.userId.slice(1)) % 3 === 0);
    for (const batch of batches(appended, 5000)) await fixture.store.appendEvents(batch);
    for (const scan of [await fixture.store.scan({}), await fixture.store.scanInSlices({}, 20_000)]) {
      let last = -1;
      let rows = 0;
      for await (const batch of scan.batches) {
        rows += batch.length;
        for (let i = 0; i < batch.length; i++) {
          const customer = batch.customer[i] as number;
          if (customer === last) expect(batch.time[i]).toBeGreaterThanOrEqual(batch.time[i - 1] ?? 0);
          else expect(customer).toBeGreaterThan(last);
          last = customer;
        }
      }
      expect(rows).toBe(100_000 + appended.length);
    }
  });

  it('lets a scan read the store as it was when the scan began', async () => {
    const events = randomEvents(17, 300);
    await fixture.store.importEvents(fixture.folder.file('a.csv', eventsCsv(events.slice(0, 200))));
    await fixture.store.appendEvents(events.slice(200, 250));
    const scan = await fixture.store.scan({ columns: ['channel'] });
    await fixture.store.appendEvents(events.slice(250));
    await fixture.store.compact();
    expect(await decode(scan)).toEqual(
      await decode(await new MemoryEventStore(events.slice(0, 250)).scan({ columns: ['channel'] })),
    );
  });

  it('leaves the store as it was when a batch fails', async () => {
    const events = randomEvents(5, 60);
    await fixture.store.appendEvents(events.slice(0, 30));
    // A time that is no number fails the batch halfway through writing it, with new customers in it.
    const broken = [
      ...events.slice(30, 40),
      { ...(events[40] as TrackedEvent), userId: 'someone new', time: Number.NaN },
    ];
    await expect(fixture.store.appendEvents(broken)).rejects.toThrow();
    expect(await fixture.store.tailEvents()).toBe(30);
    expect(await fixture.store.appendEvents(events.slice(30))).toEqual({ appended: 30, duplicates: 0 });
    expect(await everything(fixture.store)).toEqual(await everything(new MemoryEventStore(events)));
  });
});

describe('identify: a visitor joined to a customer', () => {
  const fixture = storeForEachTest();

  it('counts the visitor’s stored, appended and later events as the customer’s, before and after compaction', async () => {
    const events = randomEvents(5, 400, 20);
    const visitor = events[0]?.userId ?? '';
    const customer = 'customer-7';
    const at = (events[events.length - 1]?.time ?? 0) + 1000;
    // The visitor's first events are imported, more arrive live, then the visitor signs in.
    await fixture.store.importEvents(fixture.folder.file('first.csv', eventsCsv(events.slice(0, 300))));
    await fixture.store.appendEvents(events.slice(300));
    const identify: TrackedEvent = {
      userId: customer,
      time: at,
      event: 'identify',
      properties: { anonymous_id: visitor },
    };
    const later: TrackedEvent[] = [
      { userId: customer, time: at + 1000, event: 'order_completed', revenue: 80 },
      // Another tab still sends as the visitor.
      { userId: visitor, time: at + 2000, event: 'page_view' },
    ];
    await fixture.store.appendEvents([identify]);
    await fixture.store.appendEvents(later);

    const asCustomer = (event: TrackedEvent) =>
      event.userId === visitor ? { ...event, userId: customer } : event;
    const expected = new MemoryEventStore([...events, identify, ...later].map(asCustomer));
    expect(await everything(fixture.store)).toEqual(await everything(expected));
    await fixture.store.compact();
    expect(await everything(fixture.store)).toEqual(await everything(expected));
    await expectClustered(fixture.store.db);

    // The join is kept: a store opened again still counts the visitor's events as the customer's.
    await fixture.reopen();
    const last: TrackedEvent = { userId: visitor, time: at + 3000, event: 'add_to_cart' };
    await fixture.store.appendEvents([last]);
    const withLast = new MemoryEventStore([...events, identify, ...later, last].map(asCustomer));
    expect(await everything(fixture.store)).toEqual(await everything(withLast));
  });
});
