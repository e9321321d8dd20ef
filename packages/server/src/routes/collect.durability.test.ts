// Accepted means durable: the server process is killed (SIGKILL) while batches are arriving;
// after a restart every acknowledged batch is there whole, and no batch is there in part.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDbEventStore } from '@touchline/storage';
import { afterEach, expect, it } from 'vitest';
import { TestClient } from '../testing/test-server.ts';
import { workspaceEventsDirectory } from '../workspace-events.ts';

const SERVE = fileURLToPath(new URL('../testing/serve-process.ts', import.meta.url));
const BATCH = 50;
const SENDERS = 8;

let dataDir = '';
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function start(): Promise<{ process: ChildProcess; url: string }> {
  const started = spawn(process.execPath, ['--import', 'tsx', SERVE, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child = started;
  return new Promise((resolve, reject) => {
    let out = '';
    started.stdout?.on('data', (data: Buffer) => {
      out += data.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve({ process: started, url: line.trim() });
    });
    started.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function stopped(process: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (process.exitCode !== null || process.signalCode !== null) resolve();
    else process.once('exit', () => resolve());
  });
}

it('keeps every acknowledged batch whole across a kill, and no half batch', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'touchline-kill-'));
  const first = await start();
  const owner = new TestClient(first.url);
  await owner.signUp('ann@example.com');
  const key = (
    await owner.post<{ key: string }>('/api/workspaces/ann/keys', { name: 'site', scope: 'ingest' })
  ).body.key;
  const site = new TestClient(first.url);
  site.apiKey = key;

  const acknowledged = new Set<number>();
  let next = 0;
  let killed = false;
  const sender = async () => {
    while (!killed) {
      const batch = next++;
      const events = Array.from({ length: BATCH }, (_, i) => ({
        event_id: `b${batch}-${i}`,
        user_id: `c-${(batch * BATCH + i) % 97}`,
        timestamp: Date.UTC(2026, 10, 1) + batch * 1000 + i,
        event: 'page_view',
      }));
      try {
        const reply = await site.post('/api/collect', { events });
        if (reply.status === 200) acknowledged.add(batch);
      } catch {
        // The connection died with the server: this batch was not acknowledged.
      }
    }
  };
  const senders = Array.from({ length: SENDERS }, sender);
  while (acknowledged.size < 60) await new Promise((resolve) => setTimeout(resolve, 5));
  first.process.kill('SIGKILL');
  killed = true;
  await Promise.all(senders);
  await stopped(first.process);

  // The restarted server opens the same files and takes batches again.
  const second = await start();
  const after = new TestClient(second.url);
  after.apiKey = key;
  expect(
    (await after.post('/api/collect', { events: [{ user_id: 'x', timestamp: 0, event: 'ping' }] })).status,
  ).toBe(200);
  second.process.kill('SIGTERM');
  await stopped(second.process);

  const workspace = (await import('@touchline/storage')).ServiceStore.open(join(dataDir, 'touchline.sqlite'));
  const ws = await workspace.workspaces.bySlug('ann');
  workspace.close();
  const store = await DuckDbEventStore.open(workspaceEventsDirectory(dataDir, ws?.id ?? ''));
  try {
    const rows = await store.db.rows<{ batch: string; events: number }>(
      "SELECT split_part(event_id, '-', 1) AS batch, count(*) AS events FROM events_readable WHERE event_id LIKE 'b%' GROUP BY 1",
    );
    const stored = new Map(rows.map((row) => [Number(row.batch.slice(1)), row.events]));
    for (const batch of acknowledged) expect(stored.get(batch), `batch ${batch}`).toBe(BATCH);
    for (const [batch, events] of stored) expect(events, `batch ${batch}`).toBe(BATCH);
    expect(acknowledged.size).toBeGreaterThanOrEqual(60);
  } finally {
    store.close();
  }
}, 60_000);
