// Map reads per second from the real server: the server runs in a child process on loopback
// over a fresh data directory with the shoe map in a workspace; autocannon, in a process of its
// own, reads the map over 32 keep-alive connections for 10 s, once with an API key of scope
// `read` and once with a signed-in session. Each is run 3 times and the best run is kept.
// Run: npm run bench:server-maps. Writes bench/results/server-maps.md.
//
// `node --import tsx bench/server-maps.ts --serve <dir>` is the server process itself.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const CONNECTIONS = 32;
const DURATION_SECONDS = 10;
const RUNS = 3;
const TARGET_PER_SECOND = 2_000;
const AUTOCANNON = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

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

if (process.argv[2] === '--serve') await serve(process.argv[3] ?? '');
else await bench();

/** The server process: starts on a free loopback port, says where, and stops on SIGTERM. */
async function serve(dataDir: string): Promise<void> {
  const { startServer } = await import('../packages/server/src/serve.ts');
  const server = await startServer({ dataDir, port: 0 });
  process.stdout.write(`listening ${server.url}\n`);
  // The bench asks for the CPU time the server has used, to tell the cost of a read apart
  // from what else the machine is doing.
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.(process.cpuUsage());
  });
  process.once('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
}

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
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server stopped (exit ${code})`)));
    lines.on('line', (line) => {
      const match = /^listening (\S+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return { child, url };
}

/** The CPU time the server process has used so far. */
function serverCpu(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    child.once('message', (usage) => resolve(usage as NodeJS.CpuUsage));
    child.send('cpu');
  });
}

/** The owner signs up, makes the shoe map and a read key; returns what the load needs. */
async function seed(url: string) {
  const signup = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', name: 'Bench', password: 'a long bench password' }),
  });
  if (signup.status !== 201) throw new Error(`sign-up: ${signup.status} ${await signup.text()}`);
  const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await signup.json()) as { csrfToken: string };
  const write = async <T>(path: string, body: unknown): Promise<T> => {
    const reply = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${await reply.text()}`);
    return (await reply.json()) as T;
  };
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

/** One autocannon run in its own process. */
async function load(url: string, header: string, seconds: number): Promise<AutocannonResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [AUTOCANNON, '--json', '-c', String(CONNECTIONS), '-d', String(seconds), '-H', header, url],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as AutocannonResult;
}

function writeReport(measures: Measure[], bytes: number): void {
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
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
