/** Test helpers: write events as the files people import, and random events to check against. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { TrackedEvent } from '@touchline/analytics';

export const CSV_HEADER =
  'event_id,user_id,timestamp,event,session_id,channel,campaign,url,revenue,value,properties';

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function eventsCsv(events: readonly TrackedEvent[]): string {
  const lines = events.map((e) =>
    [
      e.eventId,
      e.userId,
      new Date(e.time).toISOString(),
      e.event,
      e.sessionId,
      e.channel,
      e.campaign,
      e.url,
      e.revenue,
      e.value,
      e.properties,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_HEADER, ...lines].join('\n')}\n`;
}

export function eventsNdjson(events: readonly TrackedEvent[]): string {
  return events
    .map((e) =>
      JSON.stringify({
        event_id: e.eventId,
        user_id: e.userId,
        timestamp: e.time,
        event: e.event,
        session_id: e.sessionId,
        channel: e.channel,
        campaign: e.campaign,
        url: e.url,
        revenue: e.revenue,
        value: e.value,
        properties: e.properties,
      }),
    )
    .join('\n')
    .concat('\n');
}

/** A temporary folder, removed by `cleanup`. */
export function tempFolder(prefix = 'touchline-'): {
  path: string;
  file(name: string, text: string | Buffer): string;
  cleanup(): void;
} {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file(name, text) {
      const file = join(path, name);
      writeFileSync(file, name.endsWith('.gz') ? gzipSync(text) : text);
      return file;
    },
    cleanup: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['page_view', 'ad_click', 'add_to_cart', 'order_completed', 'email_open', 'survey_answer'];
const CHANNELS = ['search', 'social', 'email', 'display', undefined];
const URLS = ['/', '/product/1', '/product/22', '/lp/summer', '/blog/shoes', '/cart', undefined];

/** Random events over a few customers, with every canonical field used now and then. */
export function randomEvents(seed: number, count: number, customers = 40): TrackedEvent[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const event = pick(NAMES);
    const channel = pick(CHANNELS);
    const e: TrackedEvent = {
      eventId: `ev-${seed}-${i}`,
      userId: `user-${Math.floor(next() * customers)}`,
      // Whole seconds, so some events of a customer share a time.
      time: start + Math.floor(next() * 3 * 86_400) * 1000,
      event,
    };
    if (next() < 0.7) e.sessionId = `s${Math.floor(next() * 5)}`;
    if (channel) e.channel = channel;
    if (next() < 0.5) e.campaign = pick(['spring', 'summer', 'retarget']);
    const url = pick(URLS);
    if (url) e.url = url;
    if (event === 'order_completed') e.revenue = Math.round(next() * 20_000) / 100;
    if (event === 'survey_answer') e.value = Math.floor(next() * 11);
    if (next() < 0.4)
      e.properties = { list: pick(['newsletter', 'promo']), size: Math.floor(next() * 8) + 38 };
    return e;
  });
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}
