// One size of the analytics benchmark, in a process of its own so its peak memory is its own:
// import the generated CSV into a fresh store, then time every measure over it. Prints JSON.
import { rmSync } from 'node:fs';
import { attribution, funnel, paths, report } from '@touchline/analytics';
import { templateById } from '@touchline/core';
import { DuckDbEventStore } from '@touchline/storage';

const [events, costs, data] = process.argv.slice(2);
if (!events || !costs || !data) throw new Error('usage: analytics-run <events.csv> <costs.csv> <data-dir>');
const map = templateById('shoes')?.build('en');
if (!map) throw new Error('no shoes template');

const FUNNEL_STEPS = ['page_view', 'add_to_cart', 'payment_completed', 'order_completed'];
const RUNS = 3;

async function best(work: () => Promise<unknown>): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest / 1000;
}

rmSync(data, { recursive: true, force: true });
const store = await DuckDbEventStore.open(data);
const imported = await store.importEvents(events);
await store.importCosts(costs);
const funnelResult = await funnel(store, { steps: FUNNEL_STEPS, windowSeconds: 14 * 86_400 });
const seconds: Record<string, number> = {
  import: imported.seconds,
  funnel: await best(() => funnel(store, { steps: FUNNEL_STEPS, windowSeconds: 14 * 86_400 })),
  paths: await best(() => paths(store, { over: 'touchpoints' }, map)),
  markov: await best(() => attribution(store, { conversion: 'order_completed', model: 'markov' })),
  report: await best(() => report(store, map)),
};
store.close();
process.stdout.write(
  `${JSON.stringify({
    rows: imported.rows,
    imported: imported.imported,
    funnel_users: funnelResult.steps.map((s) => s.users),
    seconds,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
