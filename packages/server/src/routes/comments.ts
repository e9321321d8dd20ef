/**
 * Comments pinned to cells of a map (see core's cells.ts for the addresses), in threads of a first
 * comment and its replies, with @mentions of the workspace's members, and the list of comments
 * that mention me.
 *
 * Who may do what: everyone in the workspace (and `read` API keys) reads comments; editors and
 * owners comment, reply, and resolve or reopen any thread. Viewers only read: the roles say "a
 * viewer cannot write", and a comment is writing. Only its author edits a comment; its author or
 * an owner deletes it, and deleting a thread's first comment deletes the thread.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { checkCell, type JourneyMap, locateCell, mentionedIds, parseCell } from '@touchline/core';
import type { Comment, Mentioning, ServiceStore, User } from '@touchline/storage';
import { requireUser, workspaceAccess } from '../auth/access.ts';
import type { AppEnv, ServerDeps } from '../env.ts';
import { HttpError, notFound } from '../errors.ts';
import { errors, json, MapParams, PersonRefSchema } from '../schemas.ts';

const CommentSchema = z
  .object({
    id: z.string(),
    threadId: z
      .string()
      .openapi({ description: "the thread's first comment; its own id for a first comment" }),
    cell: z.string().openapi({ example: 'step:checkout/painPoints/0' }),
    body: z.string(),
    author: PersonRefSchema,
    mentions: z.array(PersonRefSchema),
    createdAt: z.number(),
    editedAt: z.number().nullable(),
  })
  .openapi('Comment');

const ThreadSchema = CommentSchema.extend({
  resolved: z.boolean(),
  resolvedAt: z.number().nullable(),
  resolvedBy: PersonRefSchema.nullable(),
  cellInMap: z.boolean().openapi({
    description: 'whether the cell is still in the current version of the map (a step may have been removed)',
  }),
  replies: z.array(CommentSchema),
}).openapi('CommentThread');

const MentionSchema = z
  .object({
    workspace: z.object({ slug: z.string(), name: z.string() }),
    map: z.object({ id: z.string(), title: z.string() }),
    threadResolved: z.boolean(),
    comment: CommentSchema,
  })
  .openapi('Mention');

const CommentParams = MapParams.extend({
  comment: z.string().openapi({ param: { name: 'comment', in: 'path' } }),
});
const Body = z.string().trim().min(1, 'must not be empty').max(10_000);
const ResolvedFilter = z.enum(['true', 'false']).optional();

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/maps/{map}/comments',
    tags: ['comments'],
    summary: 'The comment threads of a map, oldest first',
    request: {
      params: MapParams,
      query: z.object({
        cell: z.string().optional().openapi({ description: 'only threads pinned to this cell' }),
        resolved: ResolvedFilter.openapi({ description: 'only resolved (true) or open (false) threads' }),
      }),
    },
    responses: { 200: json(z.array(ThreadSchema), 'Threads'), ...errors(400, 401, 403, 404) },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/maps/{map}/comments/{comment}',
    tags: ['comments'],
    summary: 'The thread a comment belongs to',
    request: { params: CommentParams },
    responses: { 200: json(ThreadSchema, 'The thread'), ...errors(401, 403, 404) },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspace}/maps/{map}/comments',
    tags: ['comments'],
    summary: 'Start a thread on a cell of the map (editors)',
    request: {
      params: MapParams,
      body: {
        content: {
          'application/json': {
            schema: z.object({
              cell: z.string().openapi({
                description:
                  'map, stage:<id>, step:<id>, touchpoint:<id>, step:<id>/<lane>/<index> or stage:<id>/<lane>/<index>',
                example: 'step:checkout',
              }),
              body: Body,
            }),
          },
        },
      },
    },
    responses: { 201: json(ThreadSchema, 'Started'), ...errors(400, 401, 403, 404) },
  }),
  reply: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspace}/maps/{map}/comments/{comment}/replies',
    tags: ['comments'],
    summary: "Reply to the thread of a comment (editors); the reply is on the thread's cell",
    request: {
      params: CommentParams,
      body: { content: { 'application/json': { schema: z.object({ body: Body }) } } },
    },
    responses: { 201: json(CommentSchema, 'Replied'), ...errors(400, 401, 403, 404) },
  }),
  resolve: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspace}/maps/{map}/comments/{comment}/resolve',
    tags: ['comments'],
    summary: 'Resolve the thread of a comment (editors)',
    request: { params: CommentParams },
    responses: { 200: json(ThreadSchema, 'Resolved'), ...errors(401, 403, 404) },
  }),
  reopen: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspace}/maps/{map}/comments/{comment}/reopen',
    tags: ['comments'],
    summary: 'Reopen a resolved thread (editors)',
    request: { params: CommentParams },
    responses: { 200: json(ThreadSchema, 'Reopened'), ...errors(401, 403, 404) },
  }),
  edit: createRoute({
    method: 'patch',
    path: '/api/workspaces/{workspace}/maps/{map}/comments/{comment}',
    tags: ['comments'],
    summary: 'Change the text of your own comment; mentions are read again',
    request: {
      params: CommentParams,
      body: { content: { 'application/json': { schema: z.object({ body: Body }) } } },
    },
    responses: { 200: json(CommentSchema, 'Changed'), ...errors(400, 401, 403, 404) },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/api/workspaces/{workspace}/maps/{map}/comments/{comment}',
    tags: ['comments'],
    summary: "Delete your own comment (owners: anyone's); a thread's first comment takes the thread along",
    request: { params: CommentParams },
    responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
  }),
  mentions: createRoute({
    method: 'get',
    path: '/api/mentions',
    tags: ['comments'],
    summary: 'Comments that mention me, newest first, in the workspaces I belong to',
    request: {
      query: z.object({
        workspace: z.string().optional().openapi({ description: 'only in this workspace (its slug)' }),
        resolved: ResolvedFilter.openapi({ description: 'only in resolved (true) or open (false) threads' }),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        before: z
          .string()
          .regex(/^[0-9]+$/, 'the `next` of an earlier answer')
          .optional()
          .openapi({ description: 'the `next` of the previous page' }),
      }),
    },
    responses: {
      200: json(
        z.object({
          items: z.array(MentionSchema),
          next: z
            .string()
            .nullable()
            .openapi({ description: 'pass as `before` for older ones; null at the end' }),
        }),
        'Mentions',
      ),
      ...errors(400, 401, 403, 404),
    },
  }),
};

type CommentView = z.infer<typeof CommentSchema>;
type ThreadView = z.infer<typeof ThreadSchema>;

export function commentRoutes(deps: ServerDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { store } = deps;

  app.openapi(routes.list, async (c) => {
    const params = c.req.valid('param');
    const query = c.req.valid('query');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'read');
    const map = await mapOf(store, workspace.id, params.map);
    if (query.cell !== undefined) {
      const parsed = parseCell(query.cell);
      if (!parsed.ok) throw new HttpError(400, 'invalid-cell', parsed.message);
    }
    const comments = await store.comments.ofMap(map.id);
    const threads = comments.filter(
      (comment) =>
        comment.parentId === null &&
        (query.cell === undefined || comment.cell === query.cell) &&
        (query.resolved === undefined || (comment.resolvedAt !== null) === (query.resolved === 'true')),
    );
    const replies = repliesByThread(comments);
    const shown = new Set(threads.map((thread) => thread.id));
    const people = await peopleOf(
      store,
      comments.filter((comment) => shown.has(comment.parentId ?? comment.id)),
    );
    return c.json(
      threads.map((thread) => threadView(thread, replies, people, map.document)),
      200,
    );
  });

  app.openapi(routes.get, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'read');
    const map = await mapOf(store, workspace.id, params.map);
    return c.json(await loadThread(store, map, (await threadOf(store, map.id, params.comment)).id), 200);
  });

  app.openapi(routes.create, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
    const actor = requireUser(c);
    const body = c.req.valid('json');
    const map = await mapOf(store, workspace.id, params.map);
    const cell = checkCell(map.document, body.cell);
    if (!cell.ok) {
      throw new HttpError(
        400,
        cell.reason === 'malformed' ? 'invalid-cell' : 'unknown-cell',
        cell.reason === 'malformed' ? cell.message : `${cell.message} (version ${map.version} of the map)`,
      );
    }
    const comment = await store.comments.add({
      mapId: map.id,
      cell: body.cell,
      body: body.body,
      mentions: mentionedIds(body.body, await store.workspaces.members(workspace.id)),
      authorId: actor.user.id,
    });
    if (!comment) throw notFound(`map ${params.map}`);
    return c.json(await loadThread(store, map, comment.id), 201);
  });

  app.openapi(routes.reply, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
    const actor = requireUser(c);
    const map = await mapOf(store, workspace.id, params.map);
    const thread = await threadOf(store, map.id, params.comment);
    const { body } = c.req.valid('json');
    const reply = await store.comments.add({
      mapId: map.id,
      cell: thread.cell,
      body,
      mentions: mentionedIds(body, await store.workspaces.members(workspace.id)),
      authorId: actor.user.id,
      parentId: thread.id,
    });
    if (!reply) throw notFound(`comment ${params.comment}`);
    return c.json(commentView(reply, await peopleOf(store, [reply])), 201);
  });

  for (const [route, resolve] of [
    [routes.resolve, true],
    [routes.reopen, false],
  ] as const) {
    app.openapi(route, async (c) => {
      const params = c.req.valid('param');
      const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
      const actor = requireUser(c);
      const map = await mapOf(store, workspace.id, params.map);
      const thread = await threadOf(store, map.id, params.comment);
      await store.comments.setResolved(map.id, thread.id, resolve ? actor.user.id : null);
      return c.json(await loadThread(store, map, thread.id), 200);
    });
  }

  app.openapi(routes.edit, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
    const actor = requireUser(c);
    const map = await mapOf(store, workspace.id, params.map);
    const comment = await commentOf(store, map.id, params.comment);
    if (comment.authorId !== actor.user.id) {
      throw new HttpError(403, 'forbidden', 'only its author can change a comment');
    }
    const { body } = c.req.valid('json');
    const edited = await store.comments.edit(map.id, comment.id, {
      body,
      mentions: mentionedIds(body, await store.workspaces.members(workspace.id)),
    });
    if (!edited) throw notFound(`comment ${params.comment}`);
    return c.json(commentView(edited, await peopleOf(store, [edited])), 200);
  });

  app.openapi(routes.delete, async (c) => {
    const params = c.req.valid('param');
    const { workspace, role } = await workspaceAccess(c, store, params.workspace, 'write');
    const actor = requireUser(c);
    const map = await mapOf(store, workspace.id, params.map);
    const comment = await commentOf(store, map.id, params.comment);
    if (comment.authorId !== actor.user.id && role !== 'owner') {
      throw new HttpError(403, 'forbidden', "only its author or an owner can delete someone's comment");
    }
    await store.comments.delete(map.id, comment.id);
    return c.body(null, 204);
  });

  app.openapi(routes.mentions, async (c) => {
    const actor = requireUser(c);
    const query = c.req.valid('query');
    let workspaceId: string | undefined;
    if (query.workspace !== undefined) {
      workspaceId = (await workspaceAccess(c, store, query.workspace, 'read')).workspace.id;
    }
    const found = await store.comments.mentioning(actor.user.id, {
      workspaceId,
      resolved: query.resolved === undefined ? undefined : query.resolved === 'true',
      before: query.before === undefined ? undefined : Number(query.before),
      limit: query.limit,
    });
    const people = await peopleOf(
      store,
      found.map((m) => m.comment),
    );
    const last = found.at(-1);
    return c.json(
      {
        items: found.map((m: Mentioning) => ({
          workspace: { slug: m.workspace.slug, name: m.workspace.name },
          map: m.map,
          threadResolved: m.threadResolvedAt !== null,
          comment: commentView(m.comment, people),
        })),
        next: last && found.length === query.limit ? String(last.cursor) : null,
      },
      200,
    );
  });

  return app;
}

interface MapInWorkspace {
  id: string;
  version: number;
  document: JourneyMap;
}

async function mapOf(store: ServiceStore, workspaceId: string, mapId: string): Promise<MapInWorkspace> {
  const map = await store.maps.get(workspaceId, mapId);
  if (!map) throw notFound(`map ${mapId}`);
  return map;
}

async function commentOf(store: ServiceStore, mapId: string, commentId: string): Promise<Comment> {
  const comment = await store.comments.byId(mapId, commentId);
  if (!comment) throw notFound(`comment ${commentId}`);
  return comment;
}

/** The first comment of the thread a comment of the map belongs to. */
async function threadOf(store: ServiceStore, mapId: string, commentId: string): Promise<Comment> {
  const comment = await commentOf(store, mapId, commentId);
  return comment.parentId === null ? comment : commentOf(store, mapId, comment.parentId);
}

async function loadThread(store: ServiceStore, map: MapInWorkspace, threadId: string): Promise<ThreadView> {
  const comments = await store.comments.ofMap(map.id);
  const thread = comments.find((comment) => comment.id === threadId);
  if (!thread) throw notFound(`comment ${threadId}`);
  const inThread = comments.filter((comment) => comment.id === threadId || comment.parentId === threadId);
  return threadView(thread, repliesByThread(inThread), await peopleOf(store, inThread), map.document);
}

/** Names of everyone the comments name: authors, mentioned people, who resolved. */
async function peopleOf(store: ServiceStore, comments: readonly Comment[]): Promise<Map<string, User>> {
  const ids = comments.flatMap((comment) => [
    comment.authorId,
    ...comment.mentions,
    ...(comment.resolvedBy === null ? [] : [comment.resolvedBy]),
  ]);
  const users = await store.accounts.usersByIds(ids);
  return new Map(users.map((user) => [user.id, user]));
}

function personRef(people: ReadonlyMap<string, User>, id: string) {
  return { id, name: people.get(id)?.name ?? 'someone no longer known' };
}

function commentView(comment: Comment, people: ReadonlyMap<string, User>): CommentView {
  return {
    id: comment.id,
    threadId: comment.parentId ?? comment.id,
    cell: comment.cell,
    body: comment.body,
    author: personRef(people, comment.authorId),
    mentions: comment.mentions.map((id) => personRef(people, id)),
    createdAt: comment.createdAt,
    editedAt: comment.editedAt,
  };
}

/** The replies of each thread, by the thread's id, in the order written. */
function repliesByThread(comments: readonly Comment[]): Map<string, Comment[]> {
  const replies = new Map<string, Comment[]>();
  for (const comment of comments) {
    if (comment.parentId === null) continue;
    const thread = replies.get(comment.parentId);
    if (thread) thread.push(comment);
    else replies.set(comment.parentId, [comment]);
  }
  return replies;
}

function threadView(
  thread: Comment,
  replies: ReadonlyMap<string, readonly Comment[]>,
  people: ReadonlyMap<string, User>,
  document: JourneyMap,
): ThreadView {
  const cell = parseCell(thread.cell);
  return {
    ...commentView(thread, people),
    resolved: thread.resolvedAt !== null,
    resolvedAt: thread.resolvedAt,
    resolvedBy: thread.resolvedBy === null ? null : personRef(people, thread.resolvedBy),
    cellInMap: cell.ok && locateCell(document, cell.cell).found,
    replies: (replies.get(thread.id) ?? []).map((comment) => commentView(comment, people)),
  };
}
