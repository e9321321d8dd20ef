// Event collection under load: the server runs in a child process on loopback over a fresh data
// directory; autocannon, in a process of its own, POSTs batches of 50 events to /api/collect with
// an ingest key over keep-alive connections. A batch is answered only once it is committed, so
// requests/s x 50 is the rate of durable events. After the runs, the workspace's store must hold
// exactly the events that were acknowledged. Run: npm run bench:server-collect.
// Writes bench/results/server-collect.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import {
  type AutocannonResult,
  autocannon,
  machineLine,
  serverCpu,
  signUpOwner,
  startServerProcess,
  stopServerProcess,
} from './server-process.ts';

const BATCH = 50;
const CONNECTIONS = [16, 24, 32, 64];
const DURATION_SECONDS = 10;
const RUNS = 2;
const TARGET_EVENTS_PER_SECOND = 50_000;
const TARGET_P99_MS = 50;

interface Measure {
  connections: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  batches: number;
  cpuMicrosPerEvent: number;
}

/** A batch as a shop's server would send it: 50 events of 10 customers, no event ids. */
function batchBody(): string {
  const start = Date.UTC(2026, 10, 1);
  const events = Array.from({ length: BATCH }, (_, i) => ({
    user_id: `c-${i % 10}`,
    timestamp: new Date(start + i * 1000).toISOString(),
    event: i % 10 === 9 ? 'add_to_cart' : 'page_view',
    session_id: `s-${i % 10}`,
    channel: i % 10 === 0 ? 'email' : undefined,
    url: `/product/${i}`,
  }));
  return JSON.stringify({ events });
}

const dataDir = mkdtempSync(join(tmpdir(), 'touchline-bench-collect-'));
const { child, url } = await startServerProcess(dataDir);
const measures: Measure[] = [];
let acknowledged = 0;
/** Batches that may have been sent when a run's time was up: one per connection per run. */
let inFlight = 0;
let stored = 0;
const bar = new cliProgress.SingleBar(
  { format: 'collect {bar} {percentage}% | {phase}', hideCursor: true },
  cliProgress.Presets.shades_classic,
);
try {
  const { write, cookie } = await signUpOwner(url);
  const { key } = await write<{ key: string }>('/api/workspaces/bench/keys', {
    name: 'bench',
    scope: 'ingest',
  });
  const { key: readKey } = await write<{ key: string }>('/api/workspaces/bench/keys', {
    name: 'read',
    scope: 'read',
  });
  const body = batchBody();
  const args = (connections: number, seconds: number) => [
    '-c',
    String(connections),
    '-d',
    String(seconds),
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-H',
    `authorization=Bearer ${key}`,
    '-b',
    body,
  ];
  const steps = 1 + CONNECTIONS.length * RUNS;
  bar.start(steps, 0, { phase: 'warm-up' });
  const count = (result: AutocannonResult) => {
    if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
      throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    acknowledged += result.requests.total * BATCH;
  };
  count(await autocannon(`${url}/api/collect`, args(16, 2)));
  inFlight += 16;
  bar.increment(1);
  for (const connections of CONNECTIONS) {
    let best: Measure | undefined;
    for (let run = 1; run <= RUNS; run++) {
      bar.update({ phase: `${connections} connections, run ${run}` });
      const before = await serverCpu(child);
      const result = await autocannon(`${url}/api/collect`, args(connections, DURATION_SECONDS));
      const after = await serverCpu(child);
      count(result);
      inFlight += connections;
      const measure: Measure = {
        connections,
        eventsPerSecond: result.requests.average * BATCH,
        p50: result.latency.p50,
        p99: result.latency.p99,
        batches: result.requests.total,
        cpuMicrosPerEvent:
          (after.user + after.system - before.user - before.system) / (result.requests.total * BATCH),
      };
      if (!best || measure.eventsPerSecond > best.eventsPerSecond) best = measure;
      bar.increment(1);
    }
    if (best) measures.push(best);
  }
  bar.update({ phase: 'checking the store' });
  const summary = await fetch(`${url}/api/workspaces/bench/analytics/summary`, {
    headers: { authorization: `Bearer ${readKey}`, cookie },
  });
  stored = ((await summary.json()) as { events: number }).events;
  // autocannon stops counting at its deadline: batches in flight then are stored, not counted.
  if (stored < acknowledged || stored > acknowledged + inFlight * BATCH)
    throw new Error(
      `the store holds ${stored} events; ${acknowledged} were acknowledged, ${inFlight} batches in flight`,
    );
} finally {
  bar.stop();
  await stopServerProcess(child);
  rmSync(dataDir, { recursive: true, force: true });
}

const rows = measures.map(
  (m) =>
    `| ${m.connections} | ${Math.round(m.eventsPerSecond).toLocaleString('en')} | ${m.p50} | ${m.p99} | ${m.batches.toLocaleString('en')} | ${m.cpuMicrosPerEvent.toFixed(1)} |`,
);
const best = measures.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a));
const met = measures.some((m) => m.eventsPerSecond >= TARGET_EVENTS_PER_SECOND && m.p99 < TARGET_P99_MS);
const text = [
  '# Event collection',
  '',
  `Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`npm run bench:server-collect\`.`,
  '',
  `The server runs in a child process on 127.0.0.1 over a fresh data directory. autocannon 8.0.0, in a process of its own, POSTs batches of ${BATCH} events (JSON, an ingest key in the Authorization header) to \`/api/collect\` for ${DURATION_SECONDS} s; best of ${RUNS} runs per connection count, after a 2 s warm-up. A batch is answered once its events are committed to the workspace's DuckDB store (group commit), so the rate is of durable events. Both processes share the machine's ${cpus().length} cores. Afterwards the store held ${stored.toLocaleString('en')} events: every one of the ${acknowledged.toLocaleString('en')} acknowledged, and at most the batches still in flight when a run's time was up.`,
  '',
  '| connections | events/s | p50 (ms) | p99 (ms) | batches | server CPU an event (µs) |',
  '|---:|---:|---:|---:|---:|---:|',
  ...rows,
  '',
  `Target: at least ${TARGET_EVENTS_PER_SECOND.toLocaleString('en')} events/s accepted with p99 under ${TARGET_P99_MS} ms: ${met ? 'met' : 'missed'} (best ${Math.round(best.eventsPerSecond).toLocaleString('en')} events/s at p99 ${best.p99} ms).`,
  '',
].join('\n');
writeFileSync(new URL('./results/server-collect.md', import.meta.url), text);
console.log(`\n${text}`);
