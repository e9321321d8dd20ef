// One size of the analytics benchmark, in a process of its own so its peak memory is its own:
// import the generated CSV into a fresh store, then time every measure over it. Prints JSON.
// With --reuse, a store already in <data-dir> is measured as it is (no import): for iterating on
// the measures without paying for the import each time.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ATTRIBUTION_MODELS,
  attribution,
  discoverJourney,
  funnel,
  paths,
  report,
  touches,
} from '@touchline/analytics';
import { templateById } from '@touchline/core';
import { DuckDbEventStore, EVENT_STORE_FILE } from '@touchline/storage';
import { ANALYTICS_MEASURES, FUNNEL_STEPS, FUNNEL_WINDOW_SECONDS } from './analytics-measures.ts';

const args = process.argv.slice(2);
const reuse = args.includes('--reuse');
const [events, costs, data] = args.filter((arg) => arg !== '--reuse');
if (!events || !costs || !data)
  throw new Error('usage: analytics-run <events.csv> <costs.csv> <data-dir> [--reuse]');
const map = templateById('shoes')?.build('en');
if (!map) throw new Error('no shoes template');

const RUNS = 3;

/** Best of RUNS: wall-clock seconds, and the CPU seconds of all threads (steadier on a shared machine). */
async function best(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    await work();
    wall = Math.min(wall, performance.now() - started);
    const used = process.cpuUsage(startedCpu);
    cpu = Math.min(cpu, (used.user + used.system) / 1e6);
  }
  return { wall: wall / 1000, cpu };
}

const reused = reuse && existsSync(join(data, EVENT_STORE_FILE));
if (!reused) rmSync(data, { recursive: true, force: true });
const store = await DuckDbEventStore.open(data);
const seconds: Record<string, number> = {};
const cpuSeconds: Record<string, number> = {};
let rows: number;
let imported: number;
if (reused) {
  const summary = await store.summary();
  rows = summary.events;
  imported = summary.events;
} else {
  const result = await store.importEvents(events);
  await store.importCosts(costs);
  rows = result.rows;
  imported = result.imported;
  seconds.import = result.seconds;
}

const funnelSpec = { steps: FUNNEL_STEPS, windowSeconds: FUNNEL_WINDOW_SECONDS };
const work = new Map<string, () => Promise<unknown>>([
  ['funnel', () => funnel(store, funnelSpec)],
  ['funnel_by_channel', () => funnel(store, { ...funnelSpec, by: 'channel' })],
  ['paths', () => paths(store, { over: 'touchpoints' }, map)],
  ['discover', () => discoverJourney(store, map)],
  ['touches', () => touches(store, { conversion: 'order_completed' })],
  ...ATTRIBUTION_MODELS.map(
    (model) =>
      [`attribution_${model}`, () => attribution(store, { conversion: 'order_completed', model })] as const,
  ),
  ['report', () => report(store, map)],
]);

const funnelResult = await funnel(store, funnelSpec);
for (const { key } of ANALYTICS_MEASURES) {
  const measure = work.get(key);
  if (!measure) throw new Error(`no work for measure ${key}`);
  const timed = await best(measure);
  seconds[key] = timed.wall;
  cpuSeconds[key] = timed.cpu;
}
store.close();
process.stdout.write(
  `${JSON.stringify({
    rows,
    imported,
    funnel_users: funnelResult.steps.map((s) => s.users),
    seconds,
    cpu_seconds: cpuSeconds,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
