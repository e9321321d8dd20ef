/** Comments pinned to a cell of a map, in threads: a first comment and its replies. */
import type { ServiceContext } from './context.ts';

export interface Comment {
  id: string;
  mapId: string;
  /** The thread's first comment; null for the first comment itself. */
  parentId: string | null;
  cell: string;
  body: string;
  mentions: string[];
  authorId: string;
  createdAt: number;
  resolvedAt: number | null;
  resolvedBy: string | null;
}

export class Comments {
  constructor(private readonly context: ServiceContext) {}

  /** Adds a comment; a reply takes the cell of the thread it answers. */
  async add(input: {
    mapId: string;
    cell: string;
    body: string;
    mentions: readonly string[];
    authorId: string;
    parentId?: string;
  }): Promise<Comment | undefined> {
    let cell = input.cell;
    if (input.parentId !== undefined) {
      const parent = await this.byId(input.mapId, input.parentId);
      if (!parent || parent.parentId !== null) return undefined;
      cell = parent.cell;
    }
    const row = {
      id: this.context.newId('cmt'),
      map_id: input.mapId,
      parent_id: input.parentId ?? null,
      cell,
      body: input.body,
      mentions: JSON.stringify(input.mentions),
      author_id: input.authorId,
      created_at: this.context.now(),
    };
    await this.context.db.insertInto('comments').values(row).execute();
    return toComment({ ...row, resolved_at: null, resolved_by: null });
  }

  async byId(mapId: string, id: string): Promise<Comment | undefined> {
    const row = await this.context.db
      .selectFrom('comments')
      .selectAll()
      .where('id', '=', id)
      .where('map_id', '=', mapId)
      .executeTakeFirst();
    return row && toComment(row);
  }

  /** Every comment of a map in the order written. */
  async ofMap(mapId: string): Promise<Comment[]> {
    const rows = await this.context.db
      .selectFrom('comments')
      .selectAll()
      .where('map_id', '=', mapId)
      .orderBy('seq')
      .execute();
    return rows.map(toComment);
  }

  /** Resolves (or reopens) a thread by its first comment. */
  async setResolved(
    mapId: string,
    threadId: string,
    resolvedBy: string | null,
  ): Promise<Comment | undefined> {
    await this.context.db
      .updateTable('comments')
      .set({ resolved_at: resolvedBy === null ? null : this.context.now(), resolved_by: resolvedBy })
      .where('id', '=', threadId)
      .where('map_id', '=', mapId)
      .where('parent_id', 'is', null)
      .execute();
    const comment = await this.byId(mapId, threadId);
    return comment?.parentId === null ? comment : undefined;
  }

  async delete(mapId: string, id: string): Promise<boolean> {
    const result = await this.context.db
      .deleteFrom('comments')
      .where('id', '=', id)
      .where('map_id', '=', mapId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function toComment(row: {
  id: string;
  map_id: string;
  parent_id: string | null;
  cell: string;
  body: string;
  mentions: string;
  author_id: string;
  created_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
}): Comment {
  return {
    id: row.id,
    mapId: row.map_id,
    parentId: row.parent_id,
    cell: row.cell,
    body: row.body,
    mentions: JSON.parse(row.mentions) as string[],
    authorId: row.author_id,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}
