// The import and live-append benchmark: the generated shoe-shop CSVs of the analytics benchmark
// imported into a fresh store (best of 3), 1M events into a store holding 10M, appendEvents in
// batches of 50 and 500 on that store, and compact() of the 100k tail it leaves.
// Run: node --import tsx bench/import-events.ts [dir] (dir holds events-1000000.csv and
// events-10000000.csv, as `npm run bench:analytics` leaves them in /tmp/touchline-bench).
// Writes bench/results/import-events.md.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateDemoData, type TrackedEvent } from '@touchline/analytics';
import { DuckDbEventStore, writeEventFile } from '@touchline/storage';

const dir = process.argv[2] ?? '/tmp/touchline-bench';
const file = (events: number) => join(dir, `events-${events}.csv`);
for (const events of [1_000_000, 10_000_000])
  if (!existsSync(file(events)))
    throw new Error(`${file(events)} is missing: run npm run bench:analytics first`);
const RUNS = 3;
// The machine is shared: the load average before and after says how much of it the runs had.
const loadBefore = loadavg()[0] ?? 0;
const work = mkdtempSync(join(tmpdir(), 'touchline-import-bench-'));

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

/** Imports `path` into a fresh store (or a copy of `base`) and closes it; the data stays in `data`. */
async function timedImport(path: string, data: string, base?: string) {
  rmSync(data, { recursive: true, force: true });
  if (base) cpSync(base, data, { recursive: true });
  const store = await DuckDbEventStore.open(data);
  try {
    const started = performance.now();
    const result = await store.importEvents(path);
    return { seconds: seconds(started), imported: result.imported, duplicates: result.duplicates };
  } finally {
    store.close();
  }
}

async function best(path: string, base?: string) {
  let fastest: Awaited<ReturnType<typeof timedImport>> | undefined;
  for (let run = 0; run < RUNS; run++) {
    const result = await timedImport(path, join(work, 'run'), base);
    process.stderr.write(`${path}${base ? ' into 10M' : ''}: ${result.seconds.toFixed(2)} s\n`);
    if (!fastest || result.seconds < fastest.seconds) fastest = result;
  }
  return fastest as Awaited<ReturnType<typeof timedImport>>;
}

const fresh1 = await best(file(1_000_000));
const fresh10 = await best(file(10_000_000));
const base = join(work, 'base-10M');
await timedImport(file(10_000_000), base);

// Another million of the same shop: new event ids, customers partly known to the store.
const other = join(work, 'events-other-1000000.csv');
await writeEventFile(other, generateDemoData({ events: 1_000_000, seed: 2 }).events);
const into10Other = await best(other, base);
const into10Same = await best(file(1_000_000), base);

// Live appends on a copy of the 10M store: the first batch loads the dictionaries and id hashes.
const live = join(work, 'live');
cpSync(base, live, { recursive: true });
const store = await DuckDbEventStore.open(live);
const fresh = [...generateDemoData({ events: 130_000, seed: 3 }).events];
let started = performance.now();
await store.appendEvents(fresh.slice(0, 1));
const loadSeconds = seconds(started);
async function appendLoop(events: TrackedEvent[], size: number) {
  const begun = performance.now();
  for (let i = 0; i < events.length; i += size) await store.appendEvents(events.slice(i, i + size));
  return events.length / seconds(begun);
}
const per50 = await appendLoop(fresh.slice(1, 20_001), 50);
const per500 = await appendLoop(fresh.slice(20_001, 100_001), 500);
const tail = await store.tailEvents();
started = performance.now();
const compacted = await store.compact();
const compactSeconds = seconds(started);
const afterCompact = await appendLoop(fresh.slice(100_001, 110_001), 500);
store.close();
rmSync(work, { recursive: true, force: true });

const loadAfter = loadavg()[0] ?? 0;
const rate = (events: number, s: number) => Math.round(events / s).toLocaleString('en-GB');
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, DuckDB via @duckdb/node-api 1.5.6-r.1`;
const lines = [
  '# Import and live-append benchmark',
  '',
  `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`node --import tsx bench/import-events.ts\`. Default store settings (1 GB memory limit, all cores). Imports take the best of ${RUNS} runs. Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after: other work shared the 2 cores.`,
  '',
  '| what | events | seconds | events/s |',
  '|---|---:|---:|---:|',
  `| CSV into a fresh store | 1,000,000 | ${fresh1.seconds.toFixed(2)} | ${rate(1_000_000, fresh1.seconds)} |`,
  `| CSV into a fresh store | 10,000,000 | ${fresh10.seconds.toFixed(2)} | ${rate(10_000_000, fresh10.seconds)} |`,
  `| CSV into a store holding 10M (seed 2: new ids, known and new customers) | 1,000,000 | ${into10Other.seconds.toFixed(2)} | ${rate(1_000_000, into10Other.seconds)} |`,
  `| CSV into a store holding 10M (the same first million: all ${into10Same.duplicates.toLocaleString('en-GB')} already stored) | 1,000,000 | ${into10Same.seconds.toFixed(2)} | ${rate(1_000_000, into10Same.seconds)} |`,
  `| appendEvents, first batch (loads dictionaries and id hashes of 10M events) | 1 | ${loadSeconds.toFixed(2)} | |`,
  `| appendEvents, batches of 50, in a loop | 20,000 | | ${Math.round(per50).toLocaleString('en-GB')} |`,
  `| appendEvents, batches of 500, in a loop | 80,000 | | ${Math.round(per500).toLocaleString('en-GB')} |`,
  `| compact(), tail of ${tail.toLocaleString('en-GB')} over 10M | ${compacted.events.toLocaleString('en-GB')} | ${compactSeconds.toFixed(2)} | |`,
  `| appendEvents, batches of 500, after compaction | 10,000 | | ${Math.round(afterCompact).toLocaleString('en-GB')} |`,
  '',
];
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/import-events.md', import.meta.url), lines.join('\n'));
process.stdout.write(lines.join('\n'));
