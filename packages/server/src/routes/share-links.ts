/**
 * Share links: a read-only view of a map for people without an account. Owners and editors make
 * them (the token is in the response once, only its hash is stored), list and revoke them; the
 * public routes answer 404 for a revoked or expired link, or a deleted map, alike.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser, workspaceAccess } from '../auth/access.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { AppEnv, ServerDeps } from '../env.ts';
import { HttpError, notFound } from '../errors.ts';
import { resolveMapForWorkspace } from '../library-resolution.ts';
import { downloadHeaders, exportStoredMap, SHARED_EXPORT_FORMATS } from '../map-export.ts';
import { errors, json } from '../schemas.ts';
import { exportResponse, JourneyMapSchema, MapParams, toBody } from './maps.ts';

const DAY_MS = 86_400_000;
/** The longest a link may be given to live: ten years. */
const MAX_LIFETIME_DAYS = 3650;

const ShareLinkSchema = z
  .object({
    id: z.string(),
    mapId: z.string(),
    createdBy: z.string(),
    createdAt: z.number(),
    expiresAt: z.number().nullable(),
    revokedAt: z.number().nullable(),
    active: z.boolean().openapi({ description: 'neither revoked nor expired' }),
  })
  .openapi('ShareLink');

const SharedMapSchema = z
  .object({
    title: z.string(),
    version: z.number().int(),
    updatedAt: z.number(),
    document: JourneyMapSchema,
  })
  .openapi('SharedMap');

const TokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' } }),
});

const routes = {
  create: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspace}/maps/{map}/share-links',
    tags: ['share links'],
    summary: 'Make a read-only link to a map (owners and editors); the token is in this response only',
    request: {
      params: MapParams,
      body: {
        content: {
          'application/json': {
            schema: z.object({
              expiresInDays: z.number().positive().max(MAX_LIFETIME_DAYS).optional(),
              expiresAt: z
                .number()
                .int()
                .positive()
                .optional()
                .openapi({ description: 'epoch milliseconds' }),
            }),
          },
        },
      },
    },
    responses: {
      201: json(
        z.object({
          link: ShareLinkSchema,
          token: z.string(),
          path: z.string().openapi({ example: '/shared/tl_share_...' }),
        }),
        'Created: keep the token, it is not shown again',
      ),
      ...errors(400, 401, 403, 404),
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/maps/{map}/share-links',
    tags: ['share links'],
    summary: "A map's share links, the newest first (owners and editors; never the tokens)",
    request: { params: MapParams },
    responses: { 200: json(z.array(ShareLinkSchema), 'Share links'), ...errors(401, 403, 404) },
  }),
  revoke: createRoute({
    method: 'delete',
    path: '/api/workspaces/{workspace}/maps/{map}/share-links/{link}',
    tags: ['share links'],
    summary: 'Revoke a share link (owners and editors)',
    request: {
      params: MapParams.extend({ link: z.string().openapi({ param: { name: 'link', in: 'path' } }) }),
    },
    responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404) },
  }),
  shared: createRoute({
    method: 'get',
    path: '/api/shared/{token}',
    tags: ['share links'],
    summary: 'The map a share link opens, read only; no sign-in',
    request: { params: TokenParams },
    responses: { 200: json(SharedMapSchema, 'The shared map'), ...errors(404) },
  }),
  sharedExport: createRoute({
    method: 'get',
    path: '/api/shared/{token}/export',
    tags: ['share links'],
    summary: 'Download the shared map as SVG, PNG, PDF, Markdown or CSV; no sign-in',
    request: { params: TokenParams, query: z.object({ format: z.enum(SHARED_EXPORT_FORMATS) }) },
    responses: { 200: exportResponse(), ...errors(400, 404) },
  }),
};

export function shareLinkRoutes(deps: ServerDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { store } = deps;

  /** The live map behind a token; one 404 for unknown, revoked, expired and deleted alike. */
  async function sharedMap(token: string) {
    const map = await store.maps.shared(hashSecret(token));
    if (!map) throw new HttpError(404, 'not-found', 'this link does not exist, was revoked or has expired');
    return { ...map, document: await resolveMapForWorkspace(deps, map.workspaceId, map.document) };
  }

  app.openapi(routes.create, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
    const actor = requireUser(c);
    const body = c.req.valid('json');
    const now = deps.now();
    if (body.expiresInDays !== undefined && body.expiresAt !== undefined)
      throw new HttpError(400, 'invalid-input', 'give expiresInDays or expiresAt, not both');
    if (body.expiresAt !== undefined && body.expiresAt <= now)
      throw new HttpError(400, 'invalid-input', 'expiresAt is in the past');
    if (body.expiresAt !== undefined && body.expiresAt > now + MAX_LIFETIME_DAYS * DAY_MS)
      throw new HttpError(400, 'invalid-input', `a link lives at most ${MAX_LIFETIME_DAYS} days`);
    const expiresAt =
      body.expiresAt ??
      (body.expiresInDays === undefined ? null : now + Math.round(body.expiresInDays * DAY_MS));
    const token = newSecret('tl_share_');
    const link = await store.maps.createShareLink({
      workspaceId: workspace.id,
      mapId: params.map,
      tokenHash: hashSecret(token),
      createdBy: actor.user.id,
      expiresAt,
    });
    if (!link) throw notFound(`map ${params.map}`);
    return c.json({ link: { ...link, active: true }, token, path: `/shared/${token}` }, 201);
  });

  app.openapi(routes.list, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
    requireUser(c);
    const links = await store.maps.shareLinks(workspace.id, params.map);
    if (!links) throw notFound(`map ${params.map}`);
    const now = deps.now();
    return c.json(
      links.map((link) => ({
        ...link,
        active: link.revokedAt === null && (link.expiresAt === null || link.expiresAt > now),
      })),
      200,
    );
  });

  app.openapi(routes.revoke, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'write');
    requireUser(c);
    if (!(await store.maps.revokeShareLink(workspace.id, params.map, params.link)))
      throw notFound(`open share link ${params.link}`);
    return c.body(null, 204);
  });

  app.openapi(routes.shared, async (c) => {
    const map = await sharedMap(c.req.valid('param').token);
    c.header('cache-control', 'no-store');
    c.header('x-robots-tag', 'noindex');
    return c.json(
      { title: map.title, version: map.version, updatedAt: map.updatedAt, document: map.document },
      200,
    );
  });

  app.openapi(routes.sharedExport, async (c) => {
    const map = await sharedMap(c.req.valid('param').token);
    const download = await exportStoredMap(map, c.req.valid('query').format);
    return c.body(toBody(download.data), 200, {
      ...downloadHeaders(download),
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
    });
  });

  return app;
}
