/**
 * The workspace library: personas, touchpoints and departments its maps share (see
 * library-resolution.ts for how maps take them up). Everyone in the workspace reads it; editors
 * and owners change it.
 *
 * The library keeps its own references whole: a touchpoint's department must be in the library
 * before the touchpoint is, and a department that library touchpoints belong to cannot be deleted.
 * A map that takes up a library touchpoint can then always take up its department too.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  departmentSchema,
  LIBRARY_KINDS,
  type LibraryItems,
  type LibraryKind,
  libraryLinks,
  mapLibraryItems,
  personaSchema,
  SLUG_PATTERN,
  touchpointSchema,
} from '@touchline/core';
import type { AnyLibraryItem, LibraryEntry, ServiceStore } from '@touchline/storage';
import { requireUser, workspaceAccess } from '../auth/access.ts';
import type { AppEnv, ServerDeps } from '../env.ts';
import { HttpError, notFound } from '../errors.ts';
import { mapLibraryLinks } from '../library-resolution.ts';
import { errors, json, MapParams, WorkspaceParams } from '../schemas.ts';

/**
 * How each kind is named in paths and in the OpenAPI document. The item schemas are core's, used
 * as they are: core builds them before this package extends zod with `.openapi()`, so they are
 * named through the entry schemas around them.
 */
const KINDS = {
  persona: { plural: 'personas', schema: personaSchema, entry: 'PersonaEntry' },
  touchpoint: { plural: 'touchpoints', schema: touchpointSchema, entry: 'TouchpointEntry' },
  department: { plural: 'departments', schema: departmentSchema, entry: 'DepartmentEntry' },
} as const;

const KindSchema = z.enum(LIBRARY_KINDS).openapi('LibraryKind');
const ItemParams = WorkspaceParams.extend({
  id: z
    .string()
    .regex(SLUG_PATTERN, 'must be a slug: lower-case letters, digits and single hyphens')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'newsletter' }),
});
const LinkStatusSchema = z.enum(['linked', 'differs', 'local']);

const LibraryLinkSchema = z
  .object({
    kind: KindSchema,
    id: z.string(),
    status: LinkStatusSchema.openapi({
      description:
        "linked: the library's item, unchanged; differs: the library holds it but the map's copy differs in `fields` (the library's shows); local: the map's own",
    }),
    fields: z.array(z.string()).optional(),
  })
  .openapi('LibraryLink');

const UsageSchema = z
  .object({
    kind: KindSchema,
    id: z.string(),
    name: z.string(),
    maps: z.array(
      z.object({ id: z.string(), title: z.string(), status: LinkStatusSchema.exclude(['local']) }),
    ),
  })
  .openapi('LibraryUsage');

const OutcomeSchema = z
  .object({ kind: KindSchema, id: z.string(), outcome: z.enum(['added', 'replaced', 'kept']) })
  .openapi('LibraryPutOutcome');

const sharedRoutes = {
  usage: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/library/usage',
    tags: ['library'],
    summary: 'Every library item with the maps that have it',
    request: { params: WorkspaceParams },
    responses: { 200: json(z.array(UsageSchema), 'Items and their maps'), ...errors(401, 403, 404) },
  }),
  links: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/library/links/{map}',
    tags: ['library'],
    summary: 'How each persona, touchpoint and department of a map stands to the library',
    request: { params: MapParams },
    responses: { 200: json(z.array(LibraryLinkSchema), 'Links'), ...errors(401, 403, 404) },
  }),
  fromMap: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspace}/library/from-map/{map}',
    tags: ['library'],
    summary: "Copy a map's personas, touchpoints and departments into the library (editors)",
    request: {
      params: MapParams,
      query: z.object({
        replace: z
          .enum(['true', 'false'])
          .optional()
          .openapi({ description: 'true: replace items the library holds already; otherwise they are kept' }),
      }),
    },
    responses: {
      200: json(z.object({ items: z.array(OutcomeSchema) }), 'What became of each item'),
      ...errors(400, 401, 403, 404),
    },
  }),
};

export function libraryRoutes(deps: ServerDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { store } = deps;

  app.openapi(sharedRoutes.usage, async (c) => {
    const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'read');
    const library = await store.library.all(workspace.id);
    const usage = LIBRARY_KINDS.flatMap((kind) =>
      library[kind].map((item) => ({
        kind,
        id: item.id,
        name: item.name,
        maps: [] as { id: string; title: string; status: 'linked' | 'differs' }[],
      })),
    );
    const byKey = new Map(usage.map((entry) => [`${entry.kind}:${entry.id}`, entry]));
    for (const summary of await store.maps.list(workspace.id)) {
      const map = await store.maps.get(workspace.id, summary.id);
      if (!map) continue;
      for (const link of libraryLinks(map.document, library)) {
        if (link.status === 'local') continue;
        byKey
          .get(`${link.kind}:${link.id}`)
          ?.maps.push({ id: map.id, title: map.title, status: link.status });
      }
    }
    return c.json(usage, 200);
  });

  app.openapi(sharedRoutes.links, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'read');
    const map = await store.maps.get(workspace.id, params.map);
    if (!map) throw notFound(`map ${params.map}`);
    return c.json(await mapLibraryLinks(deps, workspace.id, map.document), 200);
  });

  app.openapi(sharedRoutes.fromMap, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
    const actor = requireUser(c);
    const map = await store.maps.get(workspace.id, params.map);
    if (!map) throw notFound(`map ${params.map}`);
    // Departments first, so the touchpoints that belong to them find them in the library.
    const items: AnyLibraryItem[] = [
      ...mapLibraryItems(map.document, 'department').map((item) => ({ kind: 'department' as const, item })),
      ...mapLibraryItems(map.document, 'touchpoint').map((item) => ({ kind: 'touchpoint' as const, item })),
      ...mapLibraryItems(map.document, 'persona').map((item) => ({ kind: 'persona' as const, item })),
    ];
    const outcomes = await store.library.putMany(workspace.id, items, actor.user.id, {
      replace: c.req.valid('query').replace === 'true',
    });
    return c.json({ items: outcomes }, 200);
  });

  itemRoutes(app, store, 'persona');
  itemRoutes(app, store, 'touchpoint');
  itemRoutes(app, store, 'department');
  return app;
}

/** List, read, put and delete the items of one kind, at `/library/<plural>`. */
function itemRoutes(app: OpenAPIHono<AppEnv>, store: ServiceStore, kind: LibraryKind) {
  const { plural, schema, entry } = KINDS[kind];
  // One schema per kind, typed as any library item, so the handlers below serve every kind.
  const itemSchema = schema as z.ZodType<LibraryItems[LibraryKind]>;
  const EntrySchema = z
    .object({
      kind: z.literal(kind),
      item: itemSchema,
      updatedBy: z.string().nullable(),
      updatedAt: z.number(),
    })
    .openapi(entry);
  const base = `/api/workspaces/{workspace}/library/${plural}`;
  const tags = ['library'];

  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: `The ${plural} of the workspace library`,
      request: { params: WorkspaceParams },
      responses: { 200: json(z.array(EntrySchema), plural), ...errors(401, 403, 404) },
    }),
    async (c) => {
      const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'read');
      return c.json(await store.library.list(workspace.id, kind), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: `One ${kind} of the library`,
      request: { params: ItemParams },
      responses: { 200: json(EntrySchema, kind), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const { workspace } = await workspaceAccess(c, store, params.workspace, 'read');
      return c.json(await entryOf(store, workspace.id, kind, params.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: `${base}/{id}`,
      tags,
      summary: `Add a ${kind} to the library, or replace the one with this id (editors)`,
      request: {
        params: ItemParams,
        body: { content: { 'application/json': { schema: itemSchema } } },
      },
      responses: {
        200: json(EntrySchema, 'Replaced'),
        201: json(EntrySchema, 'Added'),
        ...errors(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
      const actor = requireUser(c);
      const item = c.req.valid('json');
      if (item.id !== params.id) {
        throw new HttpError(
          400,
          'id-mismatch',
          `the ${kind} in the body is "${item.id}", the path names "${params.id}"`,
        );
      }
      const department = (item as Partial<LibraryItems['touchpoint']>).department;
      if (kind === 'touchpoint' && department !== undefined) {
        if (!(await store.library.get(workspace.id, 'department', department))) {
          throw new HttpError(
            400,
            'unknown-department',
            `the library has no department "${department}": add it to the library before its touchpoints`,
          );
        }
      }
      const existed = (await store.library.get(workspace.id, kind, params.id)) !== undefined;
      const entry = await store.library.put(workspace.id, kind, item, actor.user.id);
      return existed ? c.json(entry, 200) : c.json(entry, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${base}/{id}`,
      tags,
      summary: `Remove a ${kind} from the library (editors); maps keep their own copies`,
      request: { params: ItemParams },
      responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
      if (kind === 'department') {
        const owned = (await store.library.list(workspace.id, 'touchpoint')).filter(
          (entry) => entry.item.department === params.id,
        );
        if (owned.length > 0) {
          throw new HttpError(
            409,
            'in-use',
            `library touchpoints belong to department "${params.id}": ${owned.map((e) => e.item.id).join(', ')}`,
          );
        }
      }
      if (!(await store.library.delete(workspace.id, kind, params.id)))
        throw notFound(`${kind} ${params.id}`);
      return c.body(null, 204);
    },
  );
}

async function entryOf(
  store: ServiceStore,
  workspaceId: string,
  kind: LibraryKind,
  id: string,
): Promise<LibraryEntry> {
  const entry = await store.library.get(workspaceId, kind, id);
  if (!entry) throw notFound(`${kind} ${id} in the library`);
  return entry;
}
