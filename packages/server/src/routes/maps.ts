/**
 * Maps of a workspace: cards, create (from a template, a document or imported YAML/JSON text),
 * read any version, save optimistically, delete, history with diffs and restore, and exports.
 * Every save is a new version; a save based on an old version is refused with what changed since.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { diffMaps, formatDiff, type JourneyMap, type MapDiff, templateById } from '@touchline/core';
import type { Context } from 'hono';
import { requireUser, workspaceAccess } from '../auth/access.ts';
import type { AppEnv, ServerDeps } from '../env.ts';
import { HttpError, notFound } from '../errors.ts';
import { downloadHeaders, exportStoredMap, MAP_EXPORT_FORMATS } from '../map-export.ts';
import { ProblemSchema, readMapDocument, readMapText } from '../map-input.ts';
import { type MapVersionRead, type MapVersions, mapBody, versionOfEtag } from '../map-versions.ts';
import { errors, json, WorkspaceParams } from '../schemas.ts';

export const JourneyMapSchema = z
  .record(z.string(), z.unknown())
  .openapi('JourneyMap', { description: 'A journey map; its schema is packages/core/map.schema.json.' });

export const MapSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    version: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.number(),
    updatedBy: z.string().nullable().openapi({ description: 'who saved this version' }),
    updatedAt: z.number().openapi({ description: 'when this version was saved' }),
    document: JourneyMapSchema,
  })
  .openapi('Map');

const MapCardSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    version: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.number(),
    updatedBy: z.string().nullable(),
    updatedByName: z.string().nullable(),
    updatedAt: z.number(),
    language: z.string(),
    style: z.string(),
    stageCount: z.number().int(),
    stepCount: z.number().int(),
  })
  .openapi('MapCard');

const MapVersionSchema = z
  .object({
    version: z.number().int(),
    author: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
    createdAt: z.number(),
    note: z.string().nullable(),
  })
  .openapi('MapVersion');

export const MapChangeSchema = z
  .object({
    kind: z.enum(['added', 'removed', 'changed', 'moved']),
    entity: z.enum(['map', 'stage', 'step', 'touchpoint', 'department', 'persona', 'lane-item']),
    id: z.string(),
    path: z.array(z.union([z.string(), z.number()])),
    field: z.string().optional(),
    item: z.string().optional(),
    stage: z.string().optional(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .openapi('MapChange');

const MapDiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(MapChangeSchema),
    text: z.string().openapi({ description: 'the changes as `touchline diff` prints them, a line each' }),
  })
  .openapi('MapDiff');

export const MapParams = WorkspaceParams.extend({
  map: z.string().openapi({ param: { name: 'map', in: 'path' } }),
});
const VersionQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ description: 'a version; default the current' }),
});
const IfMatchHeaders = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ description: 'the version the change is based on, as its ETag ("3"); or baseVersion' }),
});
const BaseVersion = z.number().int().min(1).openapi({ description: 'the version the change is based on' });

const CreateBody = z.union([
  z.object({
    template: z.enum(['shoes', 'retail-b2c', 'five-stage', 'ecommerce']),
    language: z.enum(['en', 'nl']),
    title: z.string().trim().min(1).max(200).optional(),
  }),
  z.object({ document: JourneyMapSchema, title: z.string().trim().min(1).max(200).optional() }),
]);

/** Media types the import route reads as the map's text. */
const IMPORT_MEDIA_TYPES = ['text/yaml', 'application/yaml', 'application/json', 'text/plain'] as const;
const ImportWrapper = z
  .object({
    text: z.string().min(1),
    fileName: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: 'names the format (.json is JSON, else YAML) and the problems' }),
  })
  .strict();

const invalidMapResponse = {
  description: 'Not a valid map: `invalid-map` with every problem (line, column, field)',
  content: {
    'application/json': {
      schema: z.object({
        error: z.object({ code: z.string(), message: z.string(), details: z.array(ProblemSchema) }),
      }),
    },
  },
};

const conflictResponse = {
  description:
    'Someone saved since the base version: `version-conflict`, details {currentVersion, yourBase, changes, text} with what they changed',
  content: {
    'application/json': {
      schema: z.object({
        error: z.object({
          code: z.string(),
          message: z.string(),
          details: z.object({
            currentVersion: z.number().int(),
            yourBase: z.number().int(),
            changes: z.array(MapChangeSchema),
            text: z.string(),
          }),
        }),
      }),
    },
  },
};

const mapResponse = (description: string) => ({
  ...json(MapSchema, description),
  headers: {
    ETag: {
      schema: { type: 'string' as const },
      description:
        'the version, quoted ("3"), with the library revision once the workspace library changed ("3-2")',
    },
  },
});

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/maps',
    tags: ['maps'],
    summary: 'The maps of the workspace as cards, the most recently saved first',
    request: { params: WorkspaceParams },
    responses: { 200: json(z.array(MapCardSchema), 'Map cards'), ...errors(401, 403, 404) },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspace}/maps',
    tags: ['maps'],
    summary: 'Create a map from a template or from a document (editors)',
    request: {
      params: WorkspaceParams,
      body: { content: { 'application/json': { schema: CreateBody } }, required: true },
    },
    responses: {
      201: mapResponse('Created at version 1'),
      ...errors(401, 403, 404),
      400: invalidMapResponse,
    },
  }),
  import: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspace}/maps/import',
    tags: ['maps'],
    summary: 'Create a map from the text of a YAML or JSON map file (editors)',
    description:
      'The body is the file itself (text/yaml, application/yaml, application/json or text/plain), or JSON {text, fileName?}. Problems name the line and column in that text.',
    request: {
      params: WorkspaceParams,
      body: {
        content: {
          'text/yaml': { schema: { type: 'string' } },
          'application/yaml': { schema: { type: 'string' } },
          'text/plain': { schema: { type: 'string' } },
          'application/json': {
            schema: {
              oneOf: [
                { type: 'object', description: 'the map file as JSON' },
                {
                  type: 'object',
                  properties: { text: { type: 'string' }, fileName: { type: 'string' } },
                  required: ['text'],
                },
              ],
            },
          },
        },
      },
    },
    responses: {
      201: mapResponse('Created at version 1'),
      ...errors(401, 403, 404, 415),
      400: invalidMapResponse,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/maps/{map}',
    tags: ['maps'],
    summary: 'A map at its current version, or at ?version=N',
    request: { params: MapParams, query: VersionQuery },
    responses: {
      200: mapResponse('The map'),
      304: { description: 'Not modified (If-None-Match named this version)' },
      ...errors(400, 401, 403, 404),
    },
  }),
  update: createRoute({
    method: 'put',
    path: '/api/workspaces/{workspace}/maps/{map}',
    tags: ['maps'],
    summary: 'Save a new version based on baseVersion (or If-Match) (editors)',
    request: {
      params: MapParams,
      headers: IfMatchHeaders,
      body: {
        content: {
          'application/json': {
            schema: z.object({
              baseVersion: BaseVersion.optional(),
              document: JourneyMapSchema,
              note: z.string().trim().max(500).optional(),
            }),
          },
        },
        required: true,
      },
    },
    responses: {
      200: mapResponse('Saved as a new version'),
      ...errors(401, 403, 404),
      400: invalidMapResponse,
      409: conflictResponse,
    },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/api/workspaces/{workspace}/maps/{map}',
    tags: ['maps'],
    summary: 'Delete a map (editors); its versions are kept but no longer shown',
    request: { params: MapParams },
    responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
  }),
  versions: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/maps/{map}/versions',
    tags: ['maps'],
    summary: 'Every version of a map, the newest first: who saved it, when and why',
    request: { params: MapParams },
    responses: { 200: json(z.array(MapVersionSchema), 'Versions'), ...errors(401, 403, 404) },
  }),
  diff: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/maps/{map}/diff',
    tags: ['maps'],
    summary: 'What changed from version `from` to version `to` (default the current)',
    request: {
      params: MapParams,
      query: z.object({
        from: z.coerce.number().int().min(1),
        to: z.coerce.number().int().min(1).optional(),
      }),
    },
    responses: { 200: json(MapDiffSchema, 'The changes'), ...errors(400, 401, 403, 404) },
  }),
  restore: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspace}/maps/{map}/versions/{version}/restore',
    tags: ['maps'],
    summary: 'Save a new version equal to an old one (editors), based on baseVersion (or If-Match)',
    request: {
      params: MapParams.extend({
        version: z.coerce
          .number()
          .int()
          .min(1)
          .openapi({ param: { name: 'version', in: 'path' } }),
      }),
      headers: IfMatchHeaders,
      body: {
        content: { 'application/json': { schema: z.object({ baseVersion: BaseVersion.optional() }) } },
      },
    },
    responses: {
      200: mapResponse('Restored as a new version'),
      ...errors(400, 401, 403, 404),
      409: conflictResponse,
    },
  }),
  export: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/maps/{map}/export',
    tags: ['maps'],
    summary:
      'Download a map version as a file: YAML, JSON, SVG, PNG, PDF, Markdown, CSV, Mermaid or the matrix',
    request: {
      params: MapParams,
      query: VersionQuery.extend({ format: z.enum(MAP_EXPORT_FORMATS) }),
    },
    responses: { 200: exportResponse(), ...errors(400, 401, 403, 404) },
  }),
};

/** The 200 of an export: one media type per format. */
export function exportResponse() {
  const text = { schema: { type: 'string' as const } };
  const binary = { schema: { type: 'string' as const, format: 'binary' } };
  return {
    description: 'The file, with a Content-Disposition file name',
    content: {
      'application/yaml': text,
      'application/json': text,
      'image/svg+xml': text,
      'image/png': binary,
      'application/pdf': binary,
      'text/markdown': text,
      'text/csv': text,
      'text/vnd.mermaid': text,
    },
  };
}

export function mapRoutes(deps: ServerDeps, versions: MapVersions) {
  const app = new OpenAPIHono<AppEnv>();
  const { store } = deps;

  /** The map at a version, or 404. */
  async function readVersion(workspaceId: string, mapId: string, version?: number): Promise<MapVersionRead> {
    const read = await versions.read(workspaceId, mapId, version);
    if (read) return read;
    if (version !== undefined && (await store.maps.head(workspaceId, mapId)))
      throw notFound(`version ${version} of map ${mapId}`);
    throw notFound(`map ${mapId}`);
  }

  /**
   * Saves `document` as the version after `baseVersion`. When someone saved first, 409 with
   * what they changed since the base, so the client can show it and apply its change again.
   */
  async function saveVersion(input: {
    workspaceId: string;
    mapId: string;
    baseVersion: number;
    document: JourneyMap;
    authorId: string;
    note?: string;
  }): Promise<MapVersionRead> {
    const head = await store.maps.head(input.workspaceId, input.mapId);
    if (!head) throw notFound(`map ${input.mapId}`);
    if (input.baseVersion > head.version) {
      throw new HttpError(
        400,
        'unknown-version',
        `version ${input.baseVersion} does not exist; the map is at version ${head.version}`,
      );
    }
    const saved = await store.maps.save(input);
    if (!saved) throw notFound(`map ${input.mapId}`);
    if (saved.ok) return versions.remember(saved.map);
    const base = await readVersion(input.workspaceId, input.mapId, input.baseVersion);
    const diff = diffMaps(base.map.document, saved.current.document);
    throw new HttpError(
      409,
      'version-conflict',
      `the map was saved as version ${saved.current.version} after version ${input.baseVersion} you started from; load it, then make your change again`,
      {
        currentVersion: saved.current.version,
        yourBase: input.baseVersion,
        changes: plainChanges(diff),
        text: formatDiff(diff),
      },
    );
  }

  app.openapi(routes.list, async (c) => {
    const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'read');
    const cards = await store.maps.cards(workspace.id);
    return c.json(
      cards.map(({ workspaceId: _, ...card }) => card),
      200,
    );
  });

  app.openapi(routes.create, async (c) => {
    const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'write');
    const actor = requireUser(c);
    const body = c.req.valid('json');
    let document: JourneyMap;
    if ('template' in body) {
      const template = templateById(body.template);
      if (!template) throw new HttpError(400, 'invalid-input', `unknown template ${body.template}`);
      document = template.build(body.language);
    } else {
      document = readMapDocument(body.document);
    }
    if (body.title !== undefined) document = { ...document, title: body.title };
    const created = await store.maps.create({ workspaceId: workspace.id, document, authorId: actor.user.id });
    const read = await versions.remember(created);
    return c.json(mapBody(read.map), 201, { etag: read.etag });
  });

  app.openapi(routes.import, async (c) => {
    const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'write');
    const actor = requireUser(c);
    const { text, fileName } = await importedText(c);
    const file = readMapText(text, fileName);
    const created = await store.maps.create({
      workspaceId: workspace.id,
      document: file.map,
      authorId: actor.user.id,
      note: `imported from ${fileName}`,
      // Kept so a YAML export writes the map back into the text, comments and all.
      ...(file.format === 'yaml' && file.source !== undefined ? { sourceText: file.source } : {}),
    });
    const read = await versions.remember(created);
    return c.json(mapBody(read.map), 201, { etag: read.etag });
  });

  app.openapi(routes.get, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'read');
    const read = await readVersion(workspace.id, params.map, c.req.valid('query').version);
    const unchanged = c.req.header('if-none-match');
    if (unchanged !== undefined && unchanged.replace(/^W\//, '').trim() === read.etag) {
      return c.body(null, 304, { etag: read.etag });
    }
    return sendMap(c, read);
  });

  app.openapi(routes.update, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
    const actor = requireUser(c);
    const body = c.req.valid('json');
    const saved = await saveVersion({
      workspaceId: workspace.id,
      mapId: params.map,
      baseVersion: baseVersionOf(body.baseVersion, c.req.valid('header')['if-match']),
      document: readMapDocument(body.document),
      authorId: actor.user.id,
      ...(body.note ? { note: body.note } : {}),
    });
    return c.json(mapBody(saved.map), 200, { etag: saved.etag });
  });

  app.openapi(routes.delete, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
    requireUser(c);
    if (!(await store.maps.delete(workspace.id, params.map))) throw notFound(`map ${params.map}`);
    return c.body(null, 204);
  });

  app.openapi(routes.versions, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'read');
    const list = await store.maps.versions(workspace.id, params.map);
    if (!list) throw notFound(`map ${params.map}`);
    return c.json(
      list.map((v) => ({
        version: v.version,
        author: v.authorId === null ? null : { id: v.authorId, name: v.authorName },
        createdAt: v.createdAt,
        note: v.note,
      })),
      200,
    );
  });

  app.openapi(routes.diff, async (c) => {
    const params = c.req.valid('param');
    const query = c.req.valid('query');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'read');
    const to = await readVersion(workspace.id, params.map, query.to);
    const from = await readVersion(workspace.id, params.map, query.from);
    const diff = diffMaps(from.map.document, to.map.document);
    return c.json(
      { from: from.map.version, to: to.map.version, changes: plainChanges(diff), text: formatDiff(diff) },
      200,
    );
  });

  app.openapi(routes.restore, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
    const actor = requireUser(c);
    const old = await readVersion(workspace.id, params.map, params.version);
    const body = c.req.valid('json');
    const saved = await saveVersion({
      workspaceId: workspace.id,
      mapId: params.map,
      baseVersion: baseVersionOf(body.baseVersion, c.req.valid('header')['if-match']),
      document: old.map.document,
      authorId: actor.user.id,
      note: `restored version ${params.version}`,
    });
    return c.json(mapBody(saved.map), 200, { etag: saved.etag });
  });

  app.openapi(routes.export, async (c) => {
    const params = c.req.valid('param');
    const query = c.req.valid('query');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'read');
    const read = await readVersion(workspace.id, params.map, query.version);
    const source =
      query.format === 'yaml'
        ? await store.maps.sourceText(workspace.id, params.map, read.map.version)
        : undefined;
    const download = await exportStoredMap(read.map, query.format, source?.text);
    return c.body(toBody(download.data), 200, downloadHeaders(download));
  });

  return app;
}

/** Sends a map version as read (the JSON made once per version) with its ETag. */
function sendMap(c: Context<AppEnv>, read: MapVersionRead) {
  return c.body(read.json, 200, { 'content-type': 'application/json', etag: read.etag });
}

/** Core's changes with their paths as plain arrays, as the response schema has them. */
function plainChanges(diff: MapDiff) {
  return diff.changes.map((change) => ({ ...change, path: [...change.path] }));
}

/** A download's bytes as a body (Node's Buffer is a view on a larger pool; send just its bytes). */
export function toBody(data: Buffer | string): string | Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return data;
  const bytes = new Uint8Array(data.byteLength);
  bytes.set(data);
  return bytes;
}

/** The base version from the body or `If-Match`; one of them is needed, and they must agree. */
function baseVersionOf(fromBody: number | undefined, ifMatch: string | undefined): number {
  const fromHeader = ifMatch === undefined ? undefined : versionOfEtag(ifMatch);
  if (ifMatch !== undefined && fromHeader === undefined)
    throw new HttpError(400, 'invalid-input', `If-Match must name a version, such as "3"; got ${ifMatch}`);
  if (fromBody !== undefined && fromHeader !== undefined && fromBody !== fromHeader)
    throw new HttpError(
      400,
      'invalid-input',
      `baseVersion ${fromBody} and If-Match ${ifMatch} name different versions`,
    );
  const base = fromBody ?? fromHeader;
  if (base === undefined)
    throw new HttpError(
      400,
      'base-version-required',
      'name the version your change is based on: baseVersion in the body, or If-Match',
    );
  return base;
}

/** The map file's text and name from an import request (the file itself, or {text, fileName}). */
async function importedText(c: Context<AppEnv>): Promise<{ text: string; fileName: string }> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(IMPORT_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    throw new HttpError(
      415,
      'unsupported-media-type',
      `send the map file as ${IMPORT_MEDIA_TYPES.join(', ')}, or JSON {text, fileName}`,
    );
  }
  const text = await c.req.text();
  if (mediaType === 'application/json') {
    const wrapper = ImportWrapper.safeParse(parseJson(text));
    if (wrapper.success) {
      const fileName = wrapper.data.fileName ?? fileNameFor(wrapper.data.text);
      return { text: wrapper.data.text, fileName };
    }
    return { text, fileName: 'map.json' };
  }
  return { text, fileName: mediaType === 'text/plain' ? fileNameFor(text) : 'map.yaml' };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A name for text that came without one: JSON when it starts as an object, YAML otherwise. */
function fileNameFor(text: string): string {
  return text.trimStart().startsWith('{') ? 'map.json' : 'map.yaml';
}
