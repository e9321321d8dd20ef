/** Comments pinned to a cell of a map, in threads: a first comment and its replies. */
import type { Transaction } from 'kysely';
import type { ServiceContext } from './context.ts';
import type { ServiceTables } from './schema.ts';

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
  /** When the author last changed the body; null when never. */
  editedAt: number | null;
}

/** A comment that mentions someone, with where it is and whether its thread is resolved. */
export interface Mentioning {
  comment: Comment;
  /** The thread's first comment (the comment itself when it is one). */
  threadId: string;
  threadResolvedAt: number | null;
  map: { id: string; title: string };
  workspace: { id: string; slug: string; name: string };
  /** Pass as `before` to read on from here, towards older comments. */
  cursor: number;
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
    const mentions = [...new Set(input.mentions)];
    const row = {
      id: this.context.newId('cmt'),
      map_id: input.mapId,
      parent_id: input.parentId ?? null,
      cell,
      body: input.body,
      mentions: JSON.stringify(mentions),
      author_id: input.authorId,
      created_at: this.context.now(),
    };
    await this.context.db.transaction().execute(async (trx) => {
      const { seq } = await trx.insertInto('comments').values(row).returning('seq').executeTakeFirstOrThrow();
      await writeMentions(trx, seq, mentions);
    });
    return toComment({ ...row, resolved_at: null, resolved_by: null, edited_at: null });
  }

  /** Changes the body of a comment and whom it mentions. */
  async edit(
    mapId: string,
    id: string,
    change: { body: string; mentions: readonly string[] },
  ): Promise<Comment | undefined> {
    const mentions = [...new Set(change.mentions)];
    const edited = await this.context.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('comments')
        .set({ body: change.body, mentions: JSON.stringify(mentions), edited_at: this.context.now() })
        .where('id', '=', id)
        .where('map_id', '=', mapId)
        .returning('seq')
        .executeTakeFirst();
      if (!row) return false;
      await trx.deleteFrom('comment_mentions').where('comment_seq', '=', row.seq).execute();
      await writeMentions(trx, row.seq, mentions);
      return true;
    });
    return edited ? this.byId(mapId, id) : undefined;
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

  /**
   * Comments that mention `userId` in the workspaces they still belong to, newest first, on maps
   * not deleted; at most `limit`, older than `before` (a `cursor` of an earlier answer).
   */
  async mentioning(
    userId: string,
    options: { workspaceId?: string; resolved?: boolean; before?: number; limit: number },
  ): Promise<Mentioning[]> {
    let query = this.context.db
      .selectFrom('comment_mentions')
      .innerJoin('comments', 'comments.seq', 'comment_mentions.comment_seq')
      .innerJoin('maps', 'maps.id', 'comments.map_id')
      .innerJoin('memberships', (join) =>
        join
          .onRef('memberships.workspace_id', '=', 'maps.workspace_id')
          .onRef('memberships.user_id', '=', 'comment_mentions.user_id'),
      )
      .innerJoin('workspaces', 'workspaces.id', 'maps.workspace_id')
      .leftJoin('comments as thread', 'thread.id', 'comments.parent_id')
      .selectAll('comments')
      .select([
        'maps.title as map_title',
        'workspaces.id as workspace_id',
        'workspaces.slug as workspace_slug',
        'workspaces.name as workspace_name',
        (eb) =>
          eb
            .case()
            .when('comments.parent_id', 'is', null)
            .then(eb.ref('comments.resolved_at'))
            .else(eb.ref('thread.resolved_at'))
            .end()
            .as('thread_resolved_at'),
      ])
      .where('comment_mentions.user_id', '=', userId)
      .where('maps.deleted_at', 'is', null);
    if (options.workspaceId !== undefined) query = query.where('maps.workspace_id', '=', options.workspaceId);
    if (options.before !== undefined)
      query = query.where('comment_mentions.comment_seq', '<', options.before);
    if (options.resolved !== undefined) {
      query = query.where((eb) =>
        eb(
          eb.fn.coalesce('thread.resolved_at', 'comments.resolved_at'),
          options.resolved ? 'is not' : 'is',
          null,
        ),
      );
    }
    const rows = await query.orderBy('comment_mentions.comment_seq', 'desc').limit(options.limit).execute();
    return rows.map((row) => ({
      comment: toComment(row),
      threadId: row.parent_id ?? row.id,
      threadResolvedAt: row.thread_resolved_at,
      map: { id: row.map_id, title: row.map_title },
      workspace: { id: row.workspace_id, slug: row.workspace_slug, name: row.workspace_name },
      cursor: row.seq,
    }));
  }

  /** Deletes a comment; a thread's first comment takes its replies with it. */
  async delete(mapId: string, id: string): Promise<boolean> {
    const result = await this.context.db
      .deleteFrom('comments')
      .where('id', '=', id)
      .where('map_id', '=', mapId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

async function writeMentions(trx: Transaction<ServiceTables>, seq: number, userIds: readonly string[]) {
  if (userIds.length === 0) return;
  await trx
    .insertInto('comment_mentions')
    .values(userIds.map((userId) => ({ user_id: userId, comment_seq: seq })))
    .onConflict((oc) => oc.doNothing())
    .execute();
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
  edited_at: number | null;
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
    editedAt: row.edited_at,
  };
}
