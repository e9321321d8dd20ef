import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EVENT_FIELDS, generateDemoData, type TrackedEvent } from '@touchline/analytics';
import { describe, expect, it } from 'vitest';
import {
  COST_CSV_HEADER,
  EVENT_CSV_HEADER,
  EventEncoder,
  eventCsvLine,
  eventFileKind,
  eventNdjsonLine,
  formatTimestamp,
  writeCostFile,
  writeEventFile,
} from './event-file-writer.ts';
import { parseCsv } from './testing/event-files.ts';

/** A tiny seeded generator for test data (mulberry32). */
function randomSource(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AWKWARD = [
  'plain',
  'with,comma',
  'with "quotes"',
  'two\nlines',
  'cr\r',
  'café',
  '€10',
  '😀',
  'back\\slash',
  'tab\t',
  '',
];
const SHARED = Object.freeze({ list: 'newsletter' });

function awkwardEvents(count: number): TrackedEvent[] {
  const random = randomSource(99);
  const text = () => AWKWARD[Math.floor(random() * AWKWARD.length)] as string;
  const maybe = () => (random() < 0.3 ? undefined : text());
  return Array.from({ length: count }, (_, i) => {
    const event: TrackedEvent = {
      userId: text() || 'u',
      time: Math.floor(random() * 4e12) - 1e12,
      event: text() || 'e',
    };
    if (random() < 0.8) event.eventId = `id-${i}-${text()}`;
    event.sessionId = maybe();
    event.channel = maybe();
    event.campaign = maybe();
    event.url = maybe();
    if (random() < 0.3) event.revenue = Math.round(random() * 100_000) / 100;
    if (random() < 0.1) event.revenue = Number.NaN;
    if (random() < 0.3) event.value = Math.floor(random() * 11);
    const p = random();
    if (p < 0.3) event.properties = SHARED;
    else if (p < 0.6) event.properties = { note: text(), n: i, nested: { ok: true } };
    else if (p < 0.65) event.properties = {};
    return event;
  });
}

function encodeAll(events: readonly TrackedEvent[], format: 'csv' | 'ndjson', chunkBytes?: number): Buffer {
  const encoder = new EventEncoder(chunkBytes);
  const chunks: Buffer[] = [];
  for (const event of events) {
    if (format === 'csv') encoder.csv(event);
    else encoder.ndjson(event);
    chunks.push(...encoder.takeFull());
  }
  chunks.push(...encoder.takeAll());
  return Buffer.concat(chunks);
}

describe('formatTimestamp', () => {
  it('writes what Date#toISOString writes, for any day and millisecond', () => {
    const random = randomSource(1);
    const times = [
      0,
      -1,
      1,
      86_399_999,
      86_400_000,
      Date.UTC(2026, 9, 31, 23, 59, 59, 999),
      -62_167_219_200_001,
    ];
    for (let i = 0; i < 20_000; i++) times.push(Math.floor((random() - 0.3) * 3e13));
    for (const time of times) expect(formatTimestamp(time)).toBe(new Date(time).toISOString());
  });
});

describe('event lines', () => {
  it('quote CSV fields only where needed, and parse back to the same values', () => {
    const events = awkwardEvents(2000);
    const rows = parseCsv(EVENT_CSV_HEADER + events.map(eventCsvLine).join(''));
    expect(rows[0]).toEqual([...EVENT_FIELDS]);
    expect(rows).toHaveLength(events.length + 1);
    events.forEach((event, i) => {
      const row = rows[i + 1] as string[];
      expect(row).toEqual([
        event.eventId ?? '',
        event.userId,
        new Date(event.time).toISOString(),
        event.event,
        event.sessionId ?? '',
        event.channel ?? '',
        event.campaign ?? '',
        event.url ?? '',
        event.revenue === undefined || Number.isNaN(event.revenue) ? '' : String(event.revenue),
        event.value === undefined ? '' : String(event.value),
        event.properties && Object.keys(event.properties).length > 0 ? JSON.stringify(event.properties) : '',
      ]);
    });
    expect(eventCsvLine({ userId: 'a', time: 0, event: 'x', url: '/a,b' })).toBe(
      ',a,1970-01-01T00:00:00.000Z,x,,,,"/a,b",,,\n',
    );
  });

  it('write NDJSON objects with the canonical names and without absent fields', () => {
    for (const event of awkwardEvents(2000)) {
      const line = eventNdjsonLine(event);
      expect(line.endsWith('}\n')).toBe(true);
      const expected: Record<string, unknown> = {};
      if (event.eventId !== undefined) expected.event_id = event.eventId;
      expected.user_id = event.userId;
      expected.timestamp = new Date(event.time).toISOString();
      expected.event = event.event;
      if (event.sessionId !== undefined) expected.session_id = event.sessionId;
      if (event.channel !== undefined) expected.channel = event.channel;
      if (event.campaign !== undefined) expected.campaign = event.campaign;
      if (event.url !== undefined) expected.url = event.url;
      if (event.revenue !== undefined && !Number.isNaN(event.revenue)) expected.revenue = event.revenue;
      if (event.value !== undefined) expected.value = event.value;
      if (event.properties && Object.keys(event.properties).length > 0)
        expected.properties = event.properties;
      expect(JSON.parse(line)).toEqual(expected);
    }
  });

  it('come out byte for byte the same from the encoder, across chunk boundaries', () => {
    const events = awkwardEvents(3000);
    for (const chunkBytes of [16, 100, 1 << 20]) {
      expect(
        encodeAll(events, 'csv', chunkBytes).equals(Buffer.from(events.map(eventCsvLine).join(''))),
      ).toBe(true);
      expect(
        encodeAll(events, 'ndjson', chunkBytes).equals(Buffer.from(events.map(eventNdjsonLine).join(''))),
      ).toBe(true);
    }
    const demo = [...generateDemoData({ users: 300, seed: 2 }).events];
    expect(encodeAll(demo, 'csv').toString()).toBe(demo.map(eventCsvLine).join(''));
    expect(encodeAll(demo, 'ndjson').toString()).toBe(demo.map(eventNdjsonLine).join(''));
  });
});

describe('writeEventFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-event-files-'));

  it('writes CSV and NDJSON, gzipped by the name, with the same content either way', async () => {
    const events = [...generateDemoData({ users: 5000, seed: 8 }).events];
    const progress: number[] = [];
    const csv = await writeEventFile(join(dir, 'a.csv'), events, {
      onProgress: (rows) => progress.push(rows),
    });
    const csvGz = await writeEventFile(join(dir, 'a.csv.gz'), events);
    const ndjson = await writeEventFile(join(dir, 'a.ndjson'), events);
    const ndjsonGz = await writeEventFile(join(dir, 'a.jsonl.gz'), events, { gzipLevel: 9 });
    for (const written of [csv, csvGz, ndjson, ndjsonGz]) expect(written.rows).toBe(events.length);
    const csvText = readFileSync(join(dir, 'a.csv'), 'utf8');
    expect(csvText).toBe(EVENT_CSV_HEADER + events.map(eventCsvLine).join(''));
    expect(gunzipSync(readFileSync(join(dir, 'a.csv.gz'))).toString()).toBe(csvText);
    const ndjsonText = readFileSync(join(dir, 'a.ndjson'), 'utf8');
    expect(ndjsonText).toBe(events.map(eventNdjsonLine).join(''));
    expect(gunzipSync(readFileSync(join(dir, 'a.jsonl.gz'))).toString()).toBe(ndjsonText);
    expect(csv.bytes).toBe(Buffer.byteLength(csvText));
    expect(csvGz.bytes).toBeLessThan(csv.bytes / 3);
    // Progress climbs to the last row.
    expect(progress.at(-1)).toBe(events.length);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('writes a cost file as import-costs reads it', async () => {
    const costs = generateDemoData({ users: 2000, seed: 8 }).costs();
    const written = await writeCostFile(join(dir, 'costs.csv'), costs);
    expect(written.rows).toBe(costs.length);
    const rows = parseCsv(readFileSync(join(dir, 'costs.csv'), 'utf8'));
    expect(`${(rows[0] as string[]).join(',')}\n`).toBe(COST_CSV_HEADER);
    expect(
      rows.slice(1).map(([date, channel, campaign, cost, impressions, viewable, audible, clicks]) => ({
        date,
        channel,
        campaign,
        cost: Number(cost),
        impressions: Number(impressions),
        viewableImpressions: Number(viewable),
        audibleImpressions: Number(audible),
        clicks: Number(clicks),
      })),
    ).toEqual(costs);
    await expect(writeCostFile(join(dir, 'costs.json'), costs)).rejects.toThrow(/\.csv/);
  });

  it('tells the format from the name, and refuses names it cannot', () => {
    expect(eventFileKind('x/events.CSV.gz')).toEqual({ format: 'csv', gzip: true });
    expect(eventFileKind('events.jsonl')).toEqual({ format: 'ndjson', gzip: false });
    expect(() => eventFileKind('events.parquet')).toThrow(/\.csv or \.ndjson/);
  });
});
