// Map reads per second from the real server: the server runs in a child process on loopback
// over a fresh data directory with the shoe map in a workspace; autocannon, in a process of its
// own, reads the map over 32 keep-alive connections for 10 s, once with an API key of scope
// `read` and once with a signed-in session. Each is run 3 times and the best run is kept.
// Run: npm run bench:server-maps. Writes bench/results/server-maps.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AutocannonResult,
  autocannon,
  machineLine,
  serverCpu,
  signUpOwner,
  startServerProcess,
  stopServerProcess,
} from './server-process.ts';

const CONNECTIONS = 32;
const DURATION_SECONDS = 10;
const RUNS = 3;
const TARGET_PER_SECOND = 2_000;

interface Measure {
  who: string;
  perSecond: number;
  /** Server CPU time (user + system) per read, in microseconds. */
  cpuMicros: number;
  p50: number;
  p99: number;
  total: number;
  megabytesPerSecond: number;
}

await bench();

async function bench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'touchline-bench-server-'));
  const { child, url } = await startServerProcess(dataDir);
  try {
    const { mapPath, apiKey, cookie, bytes } = await seed(url);
    const measures: Measure[] = [];
    for (const [who, header] of [
      ['API key (scope read)', `authorization=Bearer ${apiKey}`],
      ['session cookie', `cookie=${cookie}`],
    ] as const) {
      await load(`${url}${mapPath}`, header, 2); // warm-up: caches filled, code optimised
      let best: Measure | undefined;
      for (let run = 1; run <= RUNS; run++) {
        const cpuBefore = await serverCpu(child);
        const result = await load(`${url}${mapPath}`, header, DURATION_SECONDS);
        const cpuAfter = await serverCpu(child);
        if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
          throw new Error(
            `${who}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
          );
        const measure: Measure = {
          who,
          perSecond: result.requests.average,
          cpuMicros:
            (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) / result.requests.total,
          p50: result.latency.p50,
          p99: result.latency.p99,
          total: result.requests.total,
          megabytesPerSecond: result.throughput.average / 1e6,
        };
        console.log(
          `${who}, run ${run}: ${Math.round(measure.perSecond)} reads/s, p50 ${measure.p50} ms, p99 ${measure.p99} ms, server CPU ${Math.round(measure.cpuMicros)} µs a read`,
        );
        if (!best || measure.perSecond > best.perSecond) best = measure;
      }
      if (best) measures.push(best);
    }
    writeReport(measures, bytes);
  } finally {
    await stopServerProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The owner signs up, makes the shoe map and a read key; returns what the load needs. */
async function seed(url: string) {
  const { cookie, write } = await signUpOwner(url);
  const map = await write<{ id: string }>('/api/workspaces/bench/maps', {
    template: 'shoes',
    language: 'en',
  });
  const { key } = await write<{ key: string }>('/api/workspaces/bench/keys', {
    name: 'bench',
    scope: 'read',
  });
  const mapPath = `/api/workspaces/bench/maps/${map.id}`;
  const check = await fetch(`${url}${mapPath}`, { headers: { authorization: `Bearer ${key}` } });
  const bytes = (await check.arrayBuffer()).byteLength;
  if (check.status !== 200) throw new Error(`reading the map: ${check.status}`);
  return { mapPath, apiKey: key, cookie, bytes };
}

/** One autocannon run: map reads over keep-alive connections. */
function load(url: string, header: string, seconds: number): Promise<AutocannonResult> {
  return autocannon(url, ['-c', String(CONNECTIONS), '-d', String(seconds), '-H', header]);
}

function writeReport(measures: Measure[], bytes: number): void {
  const machine = machineLine();
  const rows = measures.map(
    (m) =>
      `| ${m.who} | ${Math.round(m.perSecond).toLocaleString('en')} | ${m.p50} | ${m.p99} | ${Math.round(m.cpuMicros)} | ${Math.round(1e6 / m.cpuMicros).toLocaleString('en')} | ${m.megabytesPerSecond.toFixed(1)} | ${m.total.toLocaleString('en')} |`,
  );
  const slowest = Math.min(...measures.map((m) => m.perSecond));
  const text = [
    '# Server map reads',
    '',
    `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`npm run bench:server-maps\`.`,
    '',
    `The server (\`startServer\`, SQLite service database in WAL mode) runs in a child process on 127.0.0.1 with the shoe map (template \`shoes\`, English; ${bytes.toLocaleString('en')} bytes a read) in a workspace. autocannon 8.0.0, in a process of its own, sends \`GET /api/workspaces/{workspace}/maps/{map}\` over ${CONNECTIONS} keep-alive connections for ${DURATION_SECONDS} s; best of ${RUNS} runs after a 2 s warm-up. Both processes share the machine's ${cpus().length} cores. Every response was a 200. Server CPU is the server process's user + system time over the run divided by the reads it answered: what a read costs whatever else the machine is doing.`,
    '',
    '| reader | reads/s | p50 (ms) | p99 (ms) | server CPU a read (µs) | reads per server CPU second | MB/s | reads |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Target: at least ${TARGET_PER_SECOND.toLocaleString('en')} map reads/s: ${slowest >= TARGET_PER_SECOND ? 'met' : 'missed'}.`,
    '',
  ].join('\n');
  writeFileSync(new URL('./results/server-maps.md', import.meta.url), text);
  console.log(`\n${text}`);
}
