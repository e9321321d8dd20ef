/**
 * The event store of each workspace: a DuckDB file of its own under
 * `<data>/workspaces/<workspace id>/`, so one workspace's events can never appear in another's
 * measures. Stores open on first use and stay open while the server runs (DuckDB locks its
 * file to one process: the server is its owner).
 */
import { join } from 'node:path';
import { DuckDbEventStore } from '@touchline/storage';

export interface WorkspaceEvents {
  store(workspaceId: string): Promise<DuckDbEventStore>;
  close(): Promise<void>;
}

export function workspaceEventsDirectory(dataDir: string, workspaceId: string): string {
  return join(dataDir, 'workspaces', workspaceId);
}

export class DirectoryWorkspaceEvents implements WorkspaceEvents {
  private readonly opened = new Map<string, Promise<DuckDbEventStore>>();

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

  async close(): Promise<void> {
    const stores = await Promise.allSettled(this.opened.values());
    this.opened.clear();
    for (const result of stores) if (result.status === 'fulfilled') result.value.close();
  }
}
