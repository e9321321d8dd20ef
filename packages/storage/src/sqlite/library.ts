/**
 * A workspace's libraries of personas, touchpoints and departments. Maps refer to library items
 * by id, so the same touchpoint is one thing across every map of the workspace.
 */
import type { Department, Persona, Touchpoint } from '@touchline/core';
import type { ServiceContext } from './context.ts';
import type { LibraryKind } from './schema.ts';

export interface LibraryItems {
  persona: Persona;
  touchpoint: Touchpoint;
  department: Department;
}

export interface LibraryEntry<K extends LibraryKind = LibraryKind> {
  kind: K;
  item: LibraryItems[K];
  updatedBy: string | null;
  updatedAt: number;
}

export class Library {
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
  async all(workspaceId: string): Promise<{ [K in LibraryKind]: LibraryItems[K][] }> {
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
  async put<K extends LibraryKind>(
    workspaceId: string,
    kind: K,
    item: LibraryItems[K],
    updatedBy: string | null,
  ): Promise<LibraryEntry<K>> {
    const now = this.context.now();
    const document = JSON.stringify(item);
    await this.context.db
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
    return { kind, item, updatedBy, updatedAt: now };
  }

  async delete(workspaceId: string, kind: LibraryKind, itemId: string): Promise<boolean> {
    const result = await this.context.db
      .deleteFrom('library_items')
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', kind)
      .where('item_id', '=', itemId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
