/**
 * The event store of each workspace: a DuckDB file of its own under
 * `<data>/workspaces/<workspace id>/`, so one workspace's events can never appear in another's
 * measures. Stores open on first use and stay open while the server runs (DuckDB locks its
 * file to one process: the server is its owner).
 *
 * A store has one DuckDB connection, and a connection has one transaction: an import's
 * statements and a measure's queries on it at the same time mix (the measure reads the import's
 * half-written table; a second import's BEGIN fails and aborts the first). Work on a store
 * therefore goes through `exclusive`, one piece after the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrackedEvent } from '@touchline/analytics';
import { DuckDbEventStore, writeEventFile } from '@touchline/storage';
import { GroupCommitter } from './group-commit.ts';

export interface WorkspaceEvents {
  /** The workspace's store, opened on first use. Use it through `exclusive` once the server serves requests. */
  store(workspaceId: string): Promise<DuckDbEventStore>;
  /** Commits events to the workspace's store; resolves once they are durable. */
  append(workspaceId: string, events: readonly TrackedEvent[]): Promise<void>;
  /** Runs `work` on the workspace's store after the work queued on it before has finished. */
  exclusive<T>(workspaceId: string, work: (store: DuckDbEventStore) => Promise<T>): Promise<T>;
  /** Waits for the queued work, then closes every store. */
  close(): Promise<void>;
}

export function workspaceEventsDirectory(dataDir: string, workspaceId: string): string {
  return join(dataDir, 'workspaces', workspaceId);
}

export class DirectoryWorkspaceEvents implements WorkspaceEvents {
  private readonly opened = new Map<string, Promise<DuckDbEventStore>>();
  private readonly committers = new Map<string, GroupCommitter<TrackedEvent>>();
  /** The last piece of work queued per workspace, settled either way. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly dataDir: string) {}

  store(workspaceId: string): Promise<DuckDbEventStore> {
    let store = this.opened.get(workspaceId);
    if (!store) {
      store = DuckDbEventStore.open(workspaceEventsDirectory(this.dataDir, workspaceId));
      // A failed open is not remembered: the next request tries again.
      store.catch(() => this.opened.delete(workspaceId));
      this.opened.set(workspaceId, store);
    }
    return store;
  }

  append(workspaceId: string, events: readonly TrackedEvent[]): Promise<void> {
    let committer = this.committers.get(workspaceId);
    if (!committer) {
      committer = new GroupCommitter((batch) => this.commit(workspaceId, batch));
      this.committers.set(workspaceId, committer);
    }
    return committer.submit(events);
  }

  /** One transaction for a group of batches: the store's import, all of it or nothing. */
  private async commit(workspaceId: string, events: TrackedEvent[]): Promise<void> {
    const folder = mkdtempSync(join(tmpdir(), 'touchline-collect-'));
    try {
      const file = join(folder, 'batch.ndjson');
      await writeEventFile(file, events);
      await this.exclusive(workspaceId, (store) => store.importEvents(file));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  exclusive<T>(workspaceId: string, work: (store: DuckDbEventStore) => Promise<T>): Promise<T> {
    const before = this.queues.get(workspaceId) ?? Promise.resolve();
    const result = before.then(async () => work(await this.store(workspaceId)));
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(workspaceId, settled);
    void settled.then(() => {
      if (this.queues.get(workspaceId) === settled) this.queues.delete(workspaceId);
    });
    return result;
  }

  async close(): Promise<void> {
    await Promise.all([...this.committers.values()].map((committer) => committer.idle()));
    await Promise.all(this.queues.values());
    const stores = await Promise.allSettled(this.opened.values());
    this.opened.clear();
    for (const result of stores) if (result.status === 'fulfilled') result.value.close();
  }
}
