import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryWorkspaceEvents } from './workspace-events.ts';

let dataDir: string;
let events: DirectoryWorkspaceEvents;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'touchline-workspace-events-'));
  events = new DirectoryWorkspaceEvents(dataDir);
});
afterEach(async () => {
  await events.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** An event file of `customers` customers with three page views each, ids starting at `first`. */
function eventFile(name: string, customers: number, first = 0): string {
  const lines = ['event_id,user_id,timestamp,event'];
  for (let c = first; c < first + customers; c++) {
    for (let k = 0; k < 3; k++)
      lines.push(
        `${name}-${c}-${k},u${c},${new Date(Date.UTC(2026, 4, 1, 10, k) + c * 1000).toISOString()},page_view`,
      );
  }
  const path = join(dataDir, `${name}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('work on a workspace store, one piece at a time', () => {
  it('runs imports asked for at the same time one after the other, so both land', async () => {
    const first = eventFile('first', 2_000);
    const second = eventFile('second', 1_000, 2_000);
    const imported = await Promise.all([
      events.exclusive('w1', (store) => store.importEvents(first)),
      events.exclusive('w1', (store) => store.importEvents(second)),
      events.exclusive('w1', (store) => store.summary()),
    ]);
    expect(imported[0].imported).toBe(6_000);
    expect(imported[1].imported).toBe(3_000);
    // Queued last, the summary ran after both imports.
    expect(imported[2]).toMatchObject({ events: 9_000, customers: 3_000 });
  });

  it('goes on with the next piece when one fails', async () => {
    const failed = events.exclusive('w1', async () => {
      throw new Error('refused');
    });
    const next = events.exclusive('w1', (store) => store.summary());
    await expect(failed).rejects.toThrow('refused');
    expect((await next).events).toBe(0);
  });

  it('keeps each workspace in its own store', async () => {
    await events.exclusive('w1', (store) => store.importEvents(eventFile('only-w1', 10)));
    expect((await events.exclusive('w1', (store) => store.summary())).events).toBe(30);
    expect((await events.exclusive('w2', (store) => store.summary())).events).toBe(0);
  });

  it('closes after the work queued before', async () => {
    const importing = events.exclusive('w1', (store) => store.importEvents(eventFile('late', 500)));
    await events.close();
    expect((await importing).imported).toBe(1_500);
  });
});
