/**
 * A workspace's libraries of personas, touchpoints and departments. Maps refer to library items
 * by id, so the same touchpoint is one thing across every map of the workspace.
 */
import type { LibraryItems, LibraryKind, WorkspaceLibrary } from '@touchline/core';
import type { Kysely } from 'kysely';
import type { ServiceContext } from './context.ts';
import type { ServiceTables } from './schema.ts';

export type { LibraryItems } from '@touchline/core';

/** One item of any kind, as `putMany` takes them. */
export type AnyLibraryItem = { [K in LibraryKind]: { kind: K; item: LibraryItems[K] } }[LibraryKind];

/** What `putMany` did with an item: added it, replaced the one there, or kept the one there. */
export interface LibraryPutOutcome {
  kind: LibraryKind;
  id: string;
  outcome: 'added' | 'replaced' | 'kept';
}

export interface LibraryEntry<K extends LibraryKind = LibraryKind> {
  kind: K;
  item: LibraryItems[K];
  updatedBy: string | null;
  updatedAt: number;
}

export class Library {
  private readonly revisions = new Map<string, number>();

  constructor(private readonly context: ServiceContext) {}

  async list<K extends LibraryKind>(workspaceId: string, kind: K): Promise<LibraryEntry<K>[]> {
    const rows = await this.context.db
      .selectFrom('library_items')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', kind)
      .orderBy('item_id')
      .execute();
    return rows.map((row) => ({
      kind,
      item: JSON.parse(row.document) as LibraryItems[K],
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    }));
  }

  /** Every item of the workspace, by kind. */
  async all(workspaceId: string): Promise<WorkspaceLibrary> {
    const rows = await this.context.db
      .selectFrom('library_items')
      .select(['kind', 'document'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('item_id')
      .execute();
    const all: { [K in LibraryKind]: LibraryItems[K][] } = { persona: [], touchpoint: [], department: [] };
    for (const row of rows) (all[row.kind] as unknown[]).push(JSON.parse(row.document));
    return all;
  }

  async get<K extends LibraryKind>(
    workspaceId: string,
    kind: K,
    itemId: string,
  ): Promise<LibraryEntry<K> | undefined> {
    const row = await this.context.db
      .selectFrom('library_items')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', kind)
      .where('item_id', '=', itemId)
      .executeTakeFirst();
    return (
      row && {
        kind,
        item: JSON.parse(row.document) as LibraryItems[K],
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
      }
    );
  }

  /** Adds the item, or replaces the one with the same id. */
  /**
   * A number that changes whenever the workspace's library changes in this process, so readers
   * can cache what they derive from it (maps resolved against it).
   */
  revision(workspaceId: string): number {
    return this.revisions.get(workspaceId) ?? 0;
  }

  private changed(workspaceId: string): void {
    this.revisions.set(workspaceId, this.revision(workspaceId) + 1);
  }

  async put<K extends LibraryKind>(
    workspaceId: string,
    kind: K,
    item: LibraryItems[K],
    updatedBy: string | null,
  ): Promise<LibraryEntry<K>> {
    const now = this.context.now();
    await upsert(this.context.db, workspaceId, kind, item, updatedBy, now);
    this.changed(workspaceId);
    return { kind, item, updatedBy, updatedAt: now };
  }

  /**
   * Adds many items at once, all or none: an item whose kind and id the library holds already is
   * replaced when `replace`, else kept as the library has it.
   */
  async putMany(
    workspaceId: string,
    items: readonly AnyLibraryItem[],
    updatedBy: string | null,
    options: { replace: boolean },
  ): Promise<LibraryPutOutcome[]> {
    const now = this.context.now();
    this.changed(workspaceId);
    return this.context.db.transaction().execute(async (trx) => {
      const outcomes: LibraryPutOutcome[] = [];
      for (const entry of items) {
        const held = await trx
          .selectFrom('library_items')
          .select('item_id')
          .where('workspace_id', '=', workspaceId)
          .where('kind', '=', entry.kind)
          .where('item_id', '=', entry.item.id)
          .executeTakeFirst();
        if (held && !options.replace) {
          outcomes.push({ kind: entry.kind, id: entry.item.id, outcome: 'kept' });
          continue;
        }
        await upsert(trx, workspaceId, entry.kind, entry.item, updatedBy, now);
        outcomes.push({ kind: entry.kind, id: entry.item.id, outcome: held ? 'replaced' : 'added' });
      }
      return outcomes;
    });
  }

  async delete(workspaceId: string, kind: LibraryKind, itemId: string): Promise<boolean> {
    const result = await this.context.db
      .deleteFrom('library_items')
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', kind)
      .where('item_id', '=', itemId)
      .executeTakeFirst();
    this.changed(workspaceId);
    return Number(result.numDeletedRows) > 0;
  }
}

async function upsert(
  db: Kysely<ServiceTables>,
  workspaceId: string,
  kind: LibraryKind,
  item: LibraryItems[LibraryKind],
  updatedBy: string | null,
  now: number,
): Promise<void> {
  const document = JSON.stringify(item);
  await db
    .insertInto('library_items')
    .values({
      workspace_id: workspaceId,
      kind,
      item_id: item.id,
      document,
      updated_by: updatedBy,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'kind', 'item_id'])
        .doUpdateSet({ document, updated_by: updatedBy, updated_at: now }),
    )
    .execute();
}
