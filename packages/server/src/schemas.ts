/** Shapes shared by several routes, registered once in the OpenAPI document. */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not-found' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const RoleSchema = z.enum(['owner', 'editor', 'viewer']).openapi('Role');

export const UserSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), createdAt: z.number() })
  .openapi('User');

export const WorkspaceSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), createdAt: z.number() })
  .openapi('Workspace');

export const WorkspaceWithRoleSchema = WorkspaceSchema.extend({ role: RoleSchema }).openapi(
  'WorkspaceWithRole',
);

export const WorkspaceParams = z.object({
  workspace: z.string().openapi({ param: { name: 'workspace', in: 'path' }, example: 'demo' }),
});

export const MapParams = WorkspaceParams.extend({
  map: z.string().openapi({ param: { name: 'map', in: 'path' } }),
});

/** A person as other people see them: id and name. */
export const PersonRefSchema = z.object({ id: z.string(), name: z.string() }).openapi('PersonRef');

/** Error responses, for the routes' `responses`. */
export function errors(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 429)[]) {
  const described: Record<number, string> = {
    400: 'Invalid input',
    401: 'Not signed in, or an unknown API key',
    403: 'Not allowed',
    404: 'Not found',
    409: 'Conflict',
    413: 'Too large',
    415: 'Unsupported media type',
    429: 'Too many requests',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: described[status] as string, content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  ) as Record<
    (typeof statuses)[number],
    { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }
  >;
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
