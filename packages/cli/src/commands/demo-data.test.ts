import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { EVENT_FIELDS, generateDemoData, type TrackedEvent } from '@touchline/analytics';
import { parseCsv } from '@touchline/storage/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../io.ts';
import { type CliSandbox, cliSandbox } from '../testing/run-cli.ts';

let cli: CliSandbox;

beforeEach(() => {
  cli = cliSandbox('touchline-demo-data-');
});

/** Runs `touchline demo-data ...` in the sandbox folder. */
function demoData(...args: string[]) {
  return cli.run('demo-data', ...args);
}

/** A canonical event back from a CSV row (header order), leaving out empty fields. */
function fromCsvRow(row: readonly string[]): TrackedEvent {
  const [eventId, userId, timestamp, event, sessionId, channel, campaign, url, revenue, value, properties] =
    row;
  const result: TrackedEvent = {
    userId: userId ?? '',
    time: Date.parse(timestamp ?? ''),
    event: event ?? '',
  };
  if (eventId) result.eventId = eventId;
  if (sessionId) result.sessionId = sessionId;
  if (channel) result.channel = channel;
  if (campaign) result.campaign = campaign;
  if (url) result.url = url;
  if (revenue) result.revenue = Number(revenue);
  if (value) result.value = Number(value);
  if (properties) result.properties = JSON.parse(properties);
  return result;
}

function fromNdjsonLine(line: string): TrackedEvent {
  const o = JSON.parse(line) as Record<string, unknown>;
  const result: TrackedEvent = {
    userId: String(o.user_id),
    time: Date.parse(String(o.timestamp)),
    event: String(o.event),
  };
  if (o.event_id !== undefined) result.eventId = String(o.event_id);
  if (o.session_id !== undefined) result.sessionId = String(o.session_id);
  if (o.channel !== undefined) result.channel = String(o.channel);
  if (o.campaign !== undefined) result.campaign = String(o.campaign);
  if (o.url !== undefined) result.url = String(o.url);
  if (o.revenue !== undefined) result.revenue = Number(o.revenue);
  if (o.value !== undefined) result.value = Number(o.value);
  if (o.properties !== undefined) result.properties = o.properties as Record<string, unknown>;
  return result;
}

/** The generator's events without the fields it leaves undefined, as a file gives them back. */
function defined(events: Iterable<TrackedEvent>): TrackedEvent[] {
  return [...events].map((event) => JSON.parse(JSON.stringify(event)) as TrackedEvent);
}

describe('touchline demo-data', () => {
  it('writes gzipped CSV events and a cost file by default, and says what it wrote', async () => {
    const result = await demoData('--users', '800', '--seed', '7');
    expect(result.code).toBe(EXIT_OK);
    const events = defined(generateDemoData({ users: 800, seed: 7 }).events);
    const csv = gunzipSync(readFileSync(cli.path('demo/events.csv.gz'))).toString();
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...EVENT_FIELDS]);
    expect(rows.slice(1).map(fromCsvRow)).toEqual(events);
    expect(result.stdout).toContain(
      `wrote ${events.length.toLocaleString('en-GB')} events of 800 customers (`,
    );
    expect(result.stdout).toContain('from 2026-08-03 to 2026-10-31 to demo/events.csv.gz (');
    const costs = parseCsv(readFileSync(cli.path('demo/costs.csv'), 'utf8'));
    const expected = generateDemoData({ users: 800, seed: 7 }).costs();
    expect(costs).toHaveLength(expected.length + 1);
    expect(costs.slice(1).map((r) => r.slice(0, 3).join('|'))).toEqual(
      expected.map((r) => `${r.date}|${r.channel}|${r.campaign}`),
    );
    expect(result.stdout).toContain(`wrote ${expected.length} cost rows to demo/costs.csv (`);
  });

  it('gives identical bytes for the same seed and different bytes for another', async () => {
    const options = ['--users', '500', '--end', '2026-01-31', '--days', '30', '--no-costs'];
    for (const name of ['a.csv', 'b.csv', 'a.ndjson.gz', 'b.ndjson.gz']) {
      expect((await demoData(...options, '--seed', '3', '--out', name)).code).toBe(EXIT_OK);
    }
    expect((await demoData(...options, '--seed', '4', '--out', 'c.csv')).code).toBe(EXIT_OK);
    const a = readFileSync(cli.path('a.csv'));
    expect(readFileSync(cli.path('b.csv')).equals(a)).toBe(true);
    expect(readFileSync(cli.path('a.ndjson.gz')).equals(readFileSync(cli.path('b.ndjson.gz')))).toBe(true);
    expect(readFileSync(cli.path('c.csv')).equals(a)).toBe(false);
    // --no-costs: no cost file beside the events.
    expect(() => readFileSync(cli.path('costs.csv'))).toThrow();
  });

  it('writes NDJSON that reads back as the generated events, and exactly --events of them', async () => {
    const result = await demoData('--events', '2500', '--seed', '12', '--out', 'out/events.ndjson', '--json');
    expect(result.code).toBe(EXIT_OK);
    const lines = readFileSync(cli.path('out/events.ndjson'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(2500);
    expect(lines.map(fromNdjsonLine)).toEqual(defined(generateDemoData({ events: 2500, seed: 12 }).events));
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ seed: 12, events: 2500, file: 'out/events.ndjson' });
    expect(report.costs.file).toBe('out/costs.csv');
    expect(report.bytes).toBe(readFileSync(cli.path('out/events.ndjson')).length);
  });

  it('writes files the event store imports without a bad row', async () => {
    expect((await demoData('--users', '600', '--seed', '5')).code).toBe(EXIT_OK);
    const demo = generateDemoData({ users: 600, seed: 5 });
    const events = [...demo.events].length;
    const imported = await cli.run('import', 'demo/events.csv.gz', '--json');
    expect(imported.code).toBe(EXIT_OK);
    expect(JSON.parse(imported.stdout)).toMatchObject([{ rows: events, imported: events, skipped: 0 }]);
    const costs = await cli.run('import-costs', 'demo/costs.csv');
    expect(costs.code).toBe(EXIT_OK);
    expect(costs.stdout).toContain(`imported ${demo.costs().length} cost rows`);
    expect((await demoData('--users', '100', '--seed', '5', '--out', 'n.ndjson.gz', '--no-costs')).code).toBe(
      EXIT_OK,
    );
    const ndjson = await cli.run('import', 'n.ndjson.gz', '--data', 'other', '--json');
    expect(ndjson.code).toBe(EXIT_OK);
    expect(JSON.parse(ndjson.stdout)[0].skipped).toBe(0);
  });

  it('refuses options it cannot use', async () => {
    const both = await demoData('--users', '5', '--events', '5');
    expect(both.code).toBe(EXIT_USAGE);
    expect(both.stderr).toContain('--users or --events');
    const date = await demoData('--end', '2026-13-01');
    expect(date.code).toBe(EXIT_USAGE);
    expect(date.stderr).toContain('not a date');
    const count = await demoData('--users', 'many');
    expect(count.code).toBe(EXIT_USAGE);
    expect(count.stderr).toContain('--users many: give a whole number');
    const name = await demoData('--users', '5', '--out', 'events.parquet');
    expect(name.code).toBe(EXIT_INVALID);
    expect(name.stderr).toContain('name the file .csv or .ndjson');
  });
});
