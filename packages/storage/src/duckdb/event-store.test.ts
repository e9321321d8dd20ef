import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryEventStore, type TrackedEvent } from '@touchline/analytics';
import { describe, expect, it } from 'vitest';
import { InvalidRowsError, StorageError } from '../errors.ts';
import { eventsCsv, eventsNdjson, randomEvents, tempFolder } from '../testing/event-files.ts';
import { decode, expectClustered, SCAN_REQUESTS, sessionStarts } from '../testing/scans.ts';
import { storeForEachTest } from '../testing/store.ts';
import { Database } from './database.ts';
import { DuckDbEventStore, EVENT_STORE_FILE } from './event-store.ts';
import { STORE_SCHEMA_VERSION } from './schema.ts';

describe('DuckDbEventStore', () => {
  const fixture = storeForEachTest();

  it.each(SCAN_REQUESTS.map((request, i) => [i, request] as const))(
    'scan %i gives what the in-memory engine gives for the same events',
    async (_, request) => {
      const events = randomEvents(7, 600);
      await fixture.store.importEvents(fixture.folder.file('events.csv', eventsCsv(events)));
      const memory = new MemoryEventStore(events);
      expect(await decode(await fixture.store.scan(request))).toEqual(
        await decode(await memory.scan(request)),
      );
    },
  );

  it('reads NDJSON, gzip and Parquet into the same events as CSV', async () => {
    const events = randomEvents(11, 300);
    const csv = fixture.folder.file('events.csv', eventsCsv(events));
    await fixture.store.importEvents(csv);
    const expected = await decode(
      await fixture.store.scan({ columns: ['channel', 'campaign', 'revenue', 'value'], groupBy: 'list' }),
    );
    for (const [name, text] of [
      ['events.ndjson', eventsNdjson(events)],
      ['events.ndjson.gz', eventsNdjson(events)],
      ['events.csv.gz', eventsCsv(events)],
    ] as const) {
      const other = await DuckDbEventStore.open(join(fixture.folder.path, `store-${name}`));
      try {
        const result = await other.importEvents(fixture.folder.file(name, text));
        expect(result.imported).toBe(events.length);
        expect(
          await decode(
            await other.scan({ columns: ['channel', 'campaign', 'revenue', 'value'], groupBy: 'list' }),
          ),
        ).toEqual(expected);
      } finally {
        other.close();
      }
    }
    const parquet = join(fixture.folder.path, 'events.parquet');
    await fixture.store.db.run(
      `COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    );
    const fromParquet = await DuckDbEventStore.open(join(fixture.folder.path, 'pq'));
    try {
      expect((await fromParquet.importEvents(parquet)).imported).toBe(events.length);
      expect(
        await decode(
          await fromParquet.scan({ columns: ['channel', 'campaign', 'revenue', 'value'], groupBy: 'list' }),
        ),
      ).toEqual(expected);
    } finally {
      fromParquet.close();
    }
  });

  it('splits sessions the same way as the in-memory engine', async () => {
    const events = randomEvents(3, 400);
    await fixture.store.importEvents(fixture.folder.file('events.csv', eventsCsv(events)));
    expect(await sessionStarts(fixture.store)).toEqual(await sessionStarts(new MemoryEventStore(events)));
  });

  it('takes timestamps as ISO 8601 with a zone or epoch milliseconds, stored in UTC', async () => {
    const file = fixture.folder.file(
      'events.csv',
      [
        'user_id,timestamp,event',
        'a,2026-03-01T10:00:00+02:00,x',
        'a,2026-03-01T08:00:00.250Z,y',
        `a,${Date.UTC(2026, 2, 1, 9)},z`,
        'a,2026-03-01 07:00:00-0100,w',
      ].join('\n'),
    );
    await fixture.store.importEvents(file);
    const rows = await fixture.store.db.rows<{ event: string; t: number }>(
      'SELECT event, epoch_ms(timestamp) AS t FROM events_readable ORDER BY t, event',
    );
    expect(rows).toEqual([
      { event: 'w', t: Date.UTC(2026, 2, 1, 8) },
      { event: 'x', t: Date.UTC(2026, 2, 1, 8) },
      { event: 'y', t: Date.UTC(2026, 2, 1, 8, 0, 0, 250) },
      { event: 'z', t: Date.UTC(2026, 2, 1, 9) },
    ]);
  });

  it('refuses a file with bad rows whole, naming lines and fields, and keeps what was stored', async () => {
    const good = randomEvents(5, 50);
    await fixture.store.importEvents(fixture.folder.file('good.csv', eventsCsv(good)));
    const before = await decode(await fixture.store.scan({ columns: ['channel', 'revenue'] }));
    const lines = ['user_id,timestamp,event,revenue,properties'];
    for (let i = 0; i < 30; i++) lines.push(`u${i},2026-01-0${(i % 9) + 1}T10:00:00Z,page_view,,`);
    lines[5] = 'u5,yesterday,page_view,,';
    lines[9] = ',2026-01-01T10:00:00Z,page_view,,';
    lines[12] = 'u12,2026-01-01 10:00:00,page_view,,';
    lines[14] = 'u14,2026-01-01T10:00:00Z,,abc,';
    lines[20] = 'u20,2026-01-01T10:00:00Z,page_view,,"[1,2]"';
    const file = fixture.folder.file('bad.csv', lines.join('\n'));
    const error = await fixture.store.importEvents(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRowsError);
    const invalid = error as InvalidRowsError;
    expect(invalid.invalidRows).toBe(5);
    expect(invalid.totalRows).toBe(30);
    expect(invalid.problems).toEqual([
      { line: 6, message: 'timestamp "yesterday" is not a date' },
      { line: 10, message: 'user_id is empty' },
      {
        line: 13,
        message:
          'timestamp "2026-01-01 10:00:00" has no time zone (add Z for UTC, or an offset such as +01:00)',
      },
      { line: 15, message: 'event is empty; revenue "abc" is not a number' },
      { line: 21, message: 'properties is not a JSON object: "[1,2]"' },
    ]);
    expect(invalid.message).toContain('line 6: timestamp "yesterday" is not a date');
    expect(await decode(await fixture.store.scan({ columns: ['channel', 'revenue'] }))).toEqual(before);

    const skipped = await fixture.store.importEvents(file, { skipInvalid: true });
    expect(skipped).toMatchObject({ rows: 30, imported: 25, skipped: 5 });
    expect(skipped.problems.map((p) => p.line)).toEqual([6, 10, 13, 15, 21]);
    expect((await fixture.store.summary()).events).toBe(good.length + 25);
  });

  it('reports at most 20 problems', async () => {
    const lines = ['user_id,timestamp,event'];
    for (let i = 0; i < 45; i++) lines.push(`u${i},not a time,x`);
    const error = (await fixture.store
      .importEvents(fixture.folder.file('bad.csv', lines.join('\n')))
      .catch((e: unknown) => e)) as InvalidRowsError;
    expect(error.problems).toHaveLength(20);
    expect(error.invalidRows).toBe(45);
    expect(error.message).toContain('... and 25 more');
  });

  it('imports an event id once, whether repeated in the file or imported again', async () => {
    const events = randomEvents(9, 100);
    const repeated = [...events, ...events.slice(0, 10)];
    const first = await fixture.store.importEvents(fixture.folder.file('a.csv', eventsCsv(repeated)));
    expect(first).toMatchObject({ rows: 110, imported: 100, duplicates: 10 });
    const again = await fixture.store.importEvents(fixture.folder.file('b.csv', eventsCsv(events)));
    expect(again).toMatchObject({ imported: 0, duplicates: 100 });
    const withoutIds = events.slice(0, 5).map(({ eventId: _, ...rest }) => rest);
    const third = await fixture.store.importEvents(fixture.folder.file('c.csv', eventsCsv(withoutIds)));
    expect(third.imported).toBe(5);
    expect((await fixture.store.summary()).events).toBe(105);
    expect(await decode(await fixture.store.scan({ columns: ['channel'] }))).toEqual(
      await decode(await new MemoryEventStore([...events, ...withoutIds]).scan({ columns: ['channel'] })),
    );
  });

  it('maps other column names onto the event fields', async () => {
    const file = fixture.folder.file(
      'export.csv',
      'visitor,when,action,amount,extra\nv1,2026-01-01T00:00:00Z,order_completed,12.5,x\n',
    );
    const result = await fixture.store.importEvents(file, {
      columns: { user_id: 'visitor', timestamp: 'when', event: 'action', revenue: 'amount' },
    });
    expect(result).toMatchObject({ imported: 1, ignoredColumns: ['extra'] });
    expect(await fixture.store.db.rows('SELECT user_id, event, revenue FROM events_readable')).toEqual([
      { user_id: 'v1', event: 'order_completed', revenue: 12.5 },
    ]);
    await expect(fixture.store.importEvents(fixture.folder.file('x.csv', 'visitor,when\n'))).rejects.toThrow(
      /no column user_id; the file has visitor, when\. Map one with --column user_id=<column>/,
    );
    await expect(fixture.store.importEvents(file, { columns: { customer: 'visitor' } })).rejects.toThrow(
      /customer is not an event field/,
    );
  });

  it('never splits a customer across batches, nor lets a rule put rows out of order', async () => {
    const events: TrackedEvent[] = [];
    for (let i = 0; i < 150_000; i++)
      events.push({ userId: `u${i % 997}`, time: 1_700_000_000_000 + i, event: 'e', channel: `c${i % 7}` });
    await fixture.store.importEvents(fixture.folder.file('many.csv', eventsCsv(events)));
    // Six channels make a list of six codes: DuckDB would turn such a list into a join, which
    // does not keep the table's order.
    const sixChannels = {
      event: 'e',
      where: [{ property: 'channel', op: 'in' as const, value: ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'] }],
    };
    for (const request of [{}, { markers: [[sixChannels]], columns: ['channel' as const] }]) {
      const scan = await fixture.store.scan(request);
      let last = -1;
      let batches = 0;
      let rows = 0;
      for await (const batch of scan.batches) {
        batches++;
        rows += batch.length;
        for (let i = 0; i < batch.length; i++) {
          const customer = batch.customer[i] as number;
          if (i > 0 && customer === batch.customer[i - 1])
            expect(batch.time[i]).toBeGreaterThanOrEqual(batch.time[i - 1] ?? 0);
          else expect(customer).toBeGreaterThan(last);
          last = customer;
        }
      }
      expect(rows).toBe(150_000);
      expect(batches).toBeGreaterThan(1);
      expect(last).toBe(996);
    }
  });

  it('imports ad spend, replacing a day, channel and campaign imported before', async () => {
    const header = 'date,channel,campaign,cost,impressions,viewable_impressions,audible_impressions,clicks';
    await fixture.store.importCosts(
      fixture.folder.file(
        'costs.csv',
        `${header}\n2026-01-01,search,spring,100.5,1000,800,0,40\n2026-01-02,search,spring,50,500,400,0,10\n2026-01-01,video,,20,200,150,90,2\n`,
      ),
    );
    const again = await fixture.store.importCosts(
      fixture.folder.file('costs2.csv', `${header}\n2026-01-02,search,spring,60,600,500,0,12\n`),
    );
    expect(again.replaced).toBe(1);
    expect(await fixture.store.costs()).toEqual([
      {
        channel: 'search',
        campaign: 'spring',
        cost: 160.5,
        impressions: 1600,
        viewableImpressions: 1300,
        audibleImpressions: 0,
        clicks: 52,
      },
      {
        channel: 'video',
        campaign: '',
        cost: 20,
        impressions: 200,
        viewableImpressions: 150,
        audibleImpressions: 90,
        clicks: 2,
      },
    ]);
    expect(await fixture.store.costs({ from: Date.UTC(2026, 0, 2) })).toEqual([
      {
        channel: 'search',
        campaign: 'spring',
        cost: 60,
        impressions: 600,
        viewableImpressions: 500,
        audibleImpressions: 0,
        clicks: 12,
      },
    ]);
    const error = await fixture.store
      .importCosts(
        fixture.folder.file(
          'bad.csv',
          `${header}\n2026-01-05,search,x,-1,10,0,0,1\nsoon,search,x,1,10,0,0,1\n`,
        ),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRowsError);
    expect((error as InvalidRowsError).problems).toEqual([
      { line: 2, message: 'cost "-1" is not an amount of 0 or more' },
      { line: 3, message: 'date "soon" is not a date (YYYY-MM-DD)' },
    ]);
    expect((await fixture.store.summary()).costRows).toBe(3);
  });

  it('names a missing file and an unknown format', async () => {
    await expect(fixture.store.importEvents(join(fixture.folder.path, 'nope.csv'))).rejects.toThrow(
      /nope\.csv: no such file/,
    );
    const odd = fixture.folder.file('events.xlsx', 'x');
    await expect(fixture.store.importEvents(odd)).rejects.toMatchObject({ code: 'unsupported-format' });
    expect(StorageError).toBeDefined();
  });
});

describe('importing into a store that holds events', () => {
  const fixture = storeForEachTest();

  const userNumber = (event: TrackedEvent) => Number(event.userId.slice('user-'.length));
  const requests = [SCAN_REQUESTS[0], SCAN_REQUESTS[2], SCAN_REQUESTS[5]].filter((r) => r !== undefined);

  async function expectSameAs(memory: MemoryEventStore): Promise<void> {
    await expectClustered(fixture.store.db);
    for (const request of requests)
      expect(await decode(await fixture.store.scan(request))).toEqual(
        await decode(await memory.scan(request)),
      );
    expect(await fixture.store.summary()).toEqual(await memory.summary());
  }

  it('stores what importing everything at once stores, and keeps the table in customer order', async () => {
    const events = randomEvents(31, 1200, 80);
    const first = events.filter((event) => userNumber(event) < 60);
    await fixture.store.importEvents(fixture.folder.file('first.csv', eventsCsv(first)));
    await expectSameAs(new MemoryEventStore(first));

    // New customers and the customers numbered last: only the end of the table is rewritten.
    const order = [...new Set(first.map((event) => event.userId))];
    const last = new Set(order.slice(-5));
    const second = [
      ...events.filter((event) => userNumber(event) >= 60),
      ...randomEvents(33, 400, 60).filter((event) => last.has(event.userId)),
    ];
    const result = await fixture.store.importEvents(fixture.folder.file('second.csv', eventsCsv(second)));
    expect(result.imported).toBe(second.length);
    await expectSameAs(new MemoryEventStore([...first, ...second]));

    // Events of the first customers as well: the whole table is rewritten.
    const third = randomEvents(32, 300, 80);
    await fixture.store.importEvents(fixture.folder.file('third.csv', eventsCsv(third)));
    await expectSameAs(new MemoryEventStore([...first, ...second, ...third]));
  });

  it('stores a file written customer by customer a slice at a time, and files that are not, in order', async () => {
    const events = randomEvents(35, 800, 50);
    // Customer by customer, in time order within each: the way the demo generator writes.
    const grouped = [...events].sort(
      (a, b) => userNumber(a) - userNumber(b) || a.time - b.time || a.event.localeCompare(b.event),
    );
    // Slices of about 97 events: the file is stored a slice of customers at a time.
    await fixture.store.importEvents(fixture.folder.file('grouped.csv', eventsCsv(grouped)), {
      sliceEvents: 97,
    });
    await expectSameAs(new MemoryEventStore(grouped));

    // The same, but one customer's events going back in time once.
    const other = await DuckDbEventStore.open(join(fixture.folder.path, 'other'));
    try {
      const nearly = [...grouped];
      const at = nearly.findIndex((event, i) => i > 0 && nearly[i - 1]?.userId === event.userId);
      [nearly[at - 1], nearly[at]] = [nearly[at] as TrackedEvent, nearly[at - 1] as TrackedEvent];
      await other.importEvents(fixture.folder.file('nearly.csv', eventsCsv(nearly)), { sliceEvents: 97 });
      await expectClustered(other.db);
      for (const request of requests)
        expect(await decode(await other.scan(request))).toEqual(
          await decode(await new MemoryEventStore(nearly).scan(request)),
        );
    } finally {
      other.close();
    }

    // One customer's event moved to the end: that customer is two runs, so no slices.
    const third = await DuckDbEventStore.open(join(fixture.folder.path, 'third'));
    try {
      const split = [...grouped.slice(1), grouped[0] as TrackedEvent];
      await third.importEvents(fixture.folder.file('split.csv', eventsCsv(split)), { sliceEvents: 97 });
      await expectClustered(third.db);
      for (const request of requests)
        expect(await decode(await third.scan(request))).toEqual(
          await decode(await new MemoryEventStore(split).scan(request)),
        );
    } finally {
      third.close();
    }
  });

  it('keeps event and session ids in FSST, the compression forced for them, after a rewrite too', async () => {
    const compressions = async () => {
      await fixture.store.db.run('CHECKPOINT');
      return fixture.store.db.rows(`
        SELECT DISTINCT column_name, compression FROM pragma_storage_info('events')
        WHERE column_name IN ('event_id', 'session_id') AND segment_type = 'VARCHAR' ORDER BY ALL`);
    };
    const fsst = [
      { column_name: 'event_id', compression: 'FSST' },
      { column_name: 'session_id', compression: 'FSST' },
    ];
    await fixture.store.importEvents(fixture.folder.file('a.csv', eventsCsv(randomEvents(51, 500))));
    expect(await compressions()).toEqual(fsst);
    await fixture.store.importEvents(fixture.folder.file('b.csv', eventsCsv(randomEvents(52, 500))));
    expect(await compressions()).toEqual(fsst);
  });

  it('trims user ids, names, channels and campaigns as before, once per distinct value', async () => {
    const file = fixture.folder.file(
      'spaced.csv',
      [
        'user_id,timestamp,event,channel,campaign',
        'anna,2026-01-01T10:00:00Z,page_view,social,spring',
        ' anna ,2026-01-01T11:00:00Z, page_view , social ,spring ',
        'anna\u00a0,2026-01-01T12:00:00Z,ad_click,  ,',
        '\u00a0,2026-01-01T13:00:00Z,ad_click,,',
        'bram,2026-01-01T14:00:00Z,\u3000,,',
      ].join('\n'),
    );
    const error = (await fixture.store.importEvents(file).catch((e: unknown) => e)) as InvalidRowsError;
    expect(error.problems).toEqual([
      { line: 5, message: 'user_id is empty' },
      { line: 6, message: 'event is empty' },
    ]);
    await fixture.store.importEvents(file, { skipInvalid: true });
    expect(
      await fixture.store.db.rows(
        'SELECT user_id, event, channel, campaign FROM events_readable ORDER BY timestamp',
      ),
    ).toEqual([
      { user_id: 'anna', event: 'page_view', channel: 'social', campaign: 'spring' },
      { user_id: 'anna', event: 'page_view', channel: 'social', campaign: 'spring' },
      { user_id: 'anna', event: 'ad_click', channel: null, campaign: null },
    ]);
    expect(await fixture.store.summary()).toMatchObject({ customers: 1, eventNames: 2 });
  });
});

describe('a store written by the version before the tail', () => {
  it('is read as it was, and takes appended events from then on', async () => {
    const folder = tempFolder();
    try {
      const data = join(folder.path, 'data');
      const events = randomEvents(41, 300);
      const old = await Database.open(data, EVENT_STORE_FILE);
      await old.run(`
        CREATE TABLE store_meta (key VARCHAR NOT NULL, value VARCHAR NOT NULL);
        INSERT INTO store_meta VALUES ('schema_version', '1');
        CREATE TABLE customers (code INTEGER NOT NULL, user_id VARCHAR NOT NULL);
        CREATE TABLE names (kind VARCHAR NOT NULL, code INTEGER NOT NULL, name VARCHAR NOT NULL);
        CREATE TABLE events (customer INTEGER NOT NULL, ts TIMESTAMP NOT NULL, seq BIGINT NOT NULL,
          event INTEGER NOT NULL, channel INTEGER, campaign INTEGER, session_id VARCHAR, url VARCHAR,
          revenue DOUBLE, value DOUBLE, properties JSON, event_id VARCHAR);
        CREATE TABLE costs (date DATE NOT NULL, channel VARCHAR NOT NULL, campaign VARCHAR NOT NULL,
          cost DOUBLE NOT NULL, impressions BIGINT NOT NULL, viewable_impressions BIGINT NOT NULL,
          audible_impressions BIGINT NOT NULL, clicks BIGINT NOT NULL);`);
      old.close();
      let store = await DuckDbEventStore.open(data);
      await store.importEvents(folder.file('a.csv', eventsCsv(events.slice(0, 200))));
      store.close();

      store = await DuckDbEventStore.open(data);
      try {
        expect(await store.db.row("SELECT value FROM store_meta WHERE key = 'schema_version'")).toEqual({
          value: String(STORE_SCHEMA_VERSION),
        });
        expect(await store.appendEvents(events.slice(150))).toEqual({ appended: 100, duplicates: 50 });
        expect(await decode(await store.scan(SCAN_REQUESTS[0] ?? {}))).toEqual(
          await decode(await new MemoryEventStore(events).scan(SCAN_REQUESTS[0] ?? {})),
        );
      } finally {
        store.close();
      }
    } finally {
      folder.cleanup();
    }
  });
});

describe('a crash during an import', () => {
  it('leaves the store as it was before the import', async () => {
    const folder = tempFolder();
    try {
      const data = join(folder.path, 'data');
      const first = randomEvents(1, 200);
      let store = await DuckDbEventStore.open(data);
      await store.importEvents(folder.file('first.csv', eventsCsv(first)));
      const before = await decode(await store.scan({ columns: ['channel'] }));
      store.close();

      const big: TrackedEvent[] = [];
      for (let i = 0; i < 400_000; i++)
        big.push({
          userId: `c${i % 5000}`,
          time: 1_700_000_000_000 + i * 10,
          event: 'page_view',
          url: `/p/${i}`,
        });
      const bigFile = folder.file('big.csv', eventsCsv(big));
      const importer = fileURLToPath(new URL('../testing/import-file.ts', import.meta.url));
      const child = spawn(process.execPath, ['--import', 'tsx', importer, data, bigFile], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      // Kill it hard once the import has begun writing.
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('storing')) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', () => resolve());
      });
      await new Promise((resolve) => child.on('exit', resolve));
      expect(child.signalCode).toBe('SIGKILL');
      expect(existsSync(join(data, 'events.duckdb'))).toBe(true);

      store = await DuckDbEventStore.open(data);
      try {
        expect((await store.summary()).events).toBe(first.length);
        expect(await decode(await store.scan({ columns: ['channel'] }))).toEqual(before);
      } finally {
        store.close();
      }
    } finally {
      folder.cleanup();
    }
  }, 60_000);
});
