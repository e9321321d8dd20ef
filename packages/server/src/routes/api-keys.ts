/** API keys of a workspace (owners): `ingest` keys send events, `read` keys read maps and analytics. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser, workspaceAccess } from '../auth/access.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { AppEnv, ServerDeps } from '../env.ts';
import { notFound } from '../errors.ts';
import { errors, json, WorkspaceParams } from '../schemas.ts';

const ApiKeySchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    scope: z.enum(['ingest', 'read']),
    prefix: z.string().openapi({ description: 'the first characters of the key, to tell keys apart' }),
    createdBy: z.string(),
    createdAt: z.number(),
    lastUsedAt: z.number().nullable(),
    revokedAt: z.number().nullable(),
  })
  .openapi('ApiKey');

/** Random characters of a key kept after its `tl_<scope>_` start, to tell keys apart. */
const PREFIX_RANDOM_CHARACTERS = 6;

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/keys',
    tags: ['api keys'],
    summary: 'The API keys of the workspace (never the keys themselves)',
    request: { params: WorkspaceParams },
    responses: { 200: json(z.array(ApiKeySchema), 'API keys'), ...errors(401, 403, 404) },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspace}/keys',
    tags: ['api keys'],
    summary: 'Create an API key; the key is in this response only',
    request: {
      params: WorkspaceParams,
      body: {
        content: {
          'application/json': {
            schema: z.object({ name: z.string().trim().min(1).max(100), scope: z.enum(['ingest', 'read']) }),
          },
        },
      },
    },
    responses: {
      201: json(
        z.object({ apiKey: ApiKeySchema, key: z.string() }),
        'Created: keep the key, it is not shown again',
      ),
      ...errors(400, 401, 403, 404),
    },
  }),
  revoke: createRoute({
    method: 'delete',
    path: '/api/workspaces/{workspace}/keys/{key}',
    tags: ['api keys'],
    summary: 'Revoke an API key',
    request: {
      params: WorkspaceParams.extend({ key: z.string().openapi({ param: { name: 'key', in: 'path' } }) }),
    },
    responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404) },
  }),
};

export function apiKeyRoutes(deps: ServerDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { store } = deps;

  app.openapi(routes.list, async (c) => {
    const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'manage');
    return c.json(await store.apiKeys.list(workspace.id), 200);
  });

  app.openapi(routes.create, async (c) => {
    const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'manage');
    const actor = requireUser(c);
    const body = c.req.valid('json');
    const start = `tl_${body.scope}_`;
    const key = newSecret(start);
    const apiKey = await store.apiKeys.create({
      workspaceId: workspace.id,
      name: body.name,
      scope: body.scope,
      prefix: key.slice(0, start.length + PREFIX_RANDOM_CHARACTERS),
      keyHash: hashSecret(key),
      createdBy: actor.user.id,
    });
    return c.json({ apiKey, key }, 201);
  });

  app.openapi(routes.revoke, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'manage');
    if (!(await store.apiKeys.revoke(workspace.id, params.key))) throw notFound(`API key ${params.key}`);
    return c.body(null, 204);
  });

  return app;
}
