/**
 * The event store of each workspace: a DuckDB file of its own under
 * `<data>/workspaces/<workspace id>/`, so one workspace's events can never appear in another's
 * measures. Stores open on first use and stay open while the server runs (DuckDB locks its
 * file to one process: the server is its owner).
 *
 * A store serialises its own writes and reads from snapshots, so collected events go straight
 * to it (group-committed per workspace); measures go through `exclusive`, one after the other,
 * so several heavy scans of one store do not share its memory at once.
 */
import { join } from 'node:path';
import type { TrackedEvent } from '@touchline/analytics';
import { DuckDbEventStore } from '@touchline/storage';
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

/** When a workspace's live tail is folded into its clustered events. */
export interface CompactionPolicy {
  /** Fold as soon as the tail holds this many events. */
  tailEvents: number;
  /** Fold once no events arrived for this long. */
  quietMs: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = { tailEvents: 2_000_000, quietMs: 60_000 };

export function workspaceEventsDirectory(dataDir: string, workspaceId: string): string {
  return join(dataDir, 'workspaces', workspaceId);
}

export class DirectoryWorkspaceEvents implements WorkspaceEvents {
  private readonly opened = new Map<string, Promise<DuckDbEventStore>>();
  private readonly committers = new Map<string, GroupCommitter<TrackedEvent>>();
  /** The last piece of work queued per workspace, settled either way. */
  private readonly queues = new Map<string, Promise<void>>();

  /** Events appended since the last compaction, per workspace (as far as this process knows). */
  private readonly tails = new Map<string, number>();
  private readonly quietTimers = new Map<string, NodeJS.Timeout>();
  private readonly compactions = new Set<Promise<void>>();

  constructor(
    private readonly dataDir: string,
    private readonly compaction: CompactionPolicy = DEFAULT_COMPACTION,
  ) {}

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

  /**
   * One transaction for a group of batches, in the store's tail. A tail is folded into the
   * clustered table when it is large, or once the workspace has been quiet for a while.
   */
  private async commit(workspaceId: string, events: TrackedEvent[]): Promise<void> {
    const store = await this.store(workspaceId);
    const { appended } = await store.appendEvents(events);
    const tail = (this.tails.get(workspaceId) ?? 0) + appended;
    this.tails.set(workspaceId, tail);
    clearTimeout(this.quietTimers.get(workspaceId));
    if (tail >= this.compaction.tailEvents) void this.compact(workspaceId);
    else if (tail > 0) {
      const timer = setTimeout(() => void this.compact(workspaceId), this.compaction.quietMs);
      timer.unref();
      this.quietTimers.set(workspaceId, timer);
    }
  }

  /** Folds the workspace's tail into its clustered table; a failure leaves the tail for next time. */
  compact(workspaceId: string): Promise<void> {
    clearTimeout(this.quietTimers.get(workspaceId));
    this.tails.set(workspaceId, 0);
    const running = this.store(workspaceId)
      .then((store) => store.compact())
      .then(
        () => undefined,
        (error: unknown) => console.error(`compacting the events of workspace ${workspaceId}:`, error),
      );
    this.compactions.add(running);
    void running.then(() => this.compactions.delete(running));
    return running;
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
    for (const timer of this.quietTimers.values()) clearTimeout(timer);
    await Promise.all([...this.committers.values()].map((committer) => committer.idle()));
    await Promise.all(this.compactions);
    await Promise.all(this.queues.values());
    const stores = await Promise.allSettled(this.opened.values());
    this.opened.clear();
    for (const result of stores) if (result.status === 'fulfilled') result.value.close();
  }
}
