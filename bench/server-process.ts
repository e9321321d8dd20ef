// What the server benchmarks share: the real server in a child process of its own on loopback,
// its CPU time, an owner signed up, and autocannon runs in a third process.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const AUTOCANNON = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));
const SERVE_CHILD = fileURLToPath(new URL('./serve-child.ts', import.meta.url));

export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

export function machineLine(): string {
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Starts `startServer` on a free loopback port in a child process over `dataDir`. */
export async function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE_CHILD, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
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

export async function stopServerProcess(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** The CPU time the server process has used so far. */
export function serverCpu(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    child.once('message', (usage) => resolve(usage as NodeJS.CpuUsage));
    child.send('cpu');
  });
}

/** Signs up the owner of workspace `bench`; `write` POSTs with the session and expects 201. */
export async function signUpOwner(url: string) {
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
  return { cookie, write };
}

/** One autocannon run in its own process (`args` are autocannon's, before the URL). */
export async function autocannon(url: string, args: readonly string[]): Promise<AutocannonResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [AUTOCANNON, '--json', ...args, url], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as AutocannonResult;
}
