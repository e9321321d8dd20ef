/**
 * The event store of each workspace: a DuckDB file of its own under
 * `<data>/workspaces/<workspace id>/`, so one workspace's events can never appear in another's
 * measures. Stores open on first use and stay open while the server runs (DuckDB locks its
 * file to one process: the server is its owner).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrackedEvent } from '@touchline/analytics';
import { DuckDbEventStore, writeEventFile } from '@touchline/storage';
import { GroupCommitter } from './group-commit.ts';

export interface WorkspaceEvents {
  store(workspaceId: string): Promise<DuckDbEventStore>;
  /** Commits events to the workspace's store; resolves once they are durable. */
  append(workspaceId: string, events: readonly TrackedEvent[]): Promise<void>;
  close(): Promise<void>;
}

export function workspaceEventsDirectory(dataDir: string, workspaceId: string): string {
  return join(dataDir, 'workspaces', workspaceId);
}

export class DirectoryWorkspaceEvents implements WorkspaceEvents {
  private readonly opened = new Map<string, Promise<DuckDbEventStore>>();
  private readonly committers = new Map<string, GroupCommitter<TrackedEvent>>();

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
    const store = await this.store(workspaceId);
    const folder = mkdtempSync(join(tmpdir(), 'touchline-collect-'));
    try {
      const file = join(folder, 'batch.ndjson');
      await writeEventFile(file, events);
      await store.importEvents(file);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.committers.values()].map((committer) => committer.idle()));
    const stores = await Promise.allSettled(this.opened.values());
    this.opened.clear();
    for (const result of stores) if (result.status === 'fulfilled') result.value.close();
  }
}
