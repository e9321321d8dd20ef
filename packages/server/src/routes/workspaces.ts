/** Workspaces, their members and roles, and invitations to join them. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { slugify, uniqueSlug } from '@touchline/core';
import { requireActor, requireUser, workspaceAccess } from '../auth/access.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { AppEnv, ServerDeps } from '../env.ts';
import { HttpError, notFound } from '../errors.ts';
import {
  errors,
  json,
  RoleSchema,
  UserSchema,
  WorkspaceParams,
  WorkspaceSchema,
  WorkspaceWithRoleSchema,
} from '../schemas.ts';

const MemberSchema = UserSchema.extend({ role: RoleSchema, joinedAt: z.number() }).openapi('Member');
const InvitationSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    email: z.string(),
    role: RoleSchema,
    invitedBy: z.string(),
    createdAt: z.number(),
    expiresAt: z.number(),
    acceptedAt: z.number().nullable(),
    revokedAt: z.number().nullable(),
  })
  .openapi('Invitation');
const MemberParams = WorkspaceParams.extend({
  user: z.string().openapi({ param: { name: 'user', in: 'path' } }),
});
const InvitationParams = WorkspaceParams.extend({
  invitation: z.string().openapi({ param: { name: 'invitation', in: 'path' } }),
});

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/workspaces',
    tags: ['workspaces'],
    summary: 'The workspaces I belong to',
    responses: { 200: json(z.array(WorkspaceWithRoleSchema), 'Workspaces'), ...errors(401, 403) },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/workspaces',
    tags: ['workspaces'],
    summary: 'Create a workspace; its creator is its owner',
    request: {
      body: {
        content: {
          'application/json': {
            schema: z.object({
              name: z.string().trim().min(1).max(100),
              slug: z
                .string()
                .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and dashes')
                .max(60)
                .optional(),
            }),
          },
        },
      },
    },
    responses: { 201: json(WorkspaceWithRoleSchema, 'Created'), ...errors(400, 401, 403, 409) },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}',
    tags: ['workspaces'],
    summary: 'One workspace',
    request: { params: WorkspaceParams },
    responses: { 200: json(WorkspaceSchema, 'The workspace'), ...errors(401, 403, 404) },
  }),
  rename: createRoute({
    method: 'patch',
    path: '/api/workspaces/{workspace}',
    tags: ['workspaces'],
    summary: 'Rename a workspace (owners)',
    request: {
      params: WorkspaceParams,
      body: {
        content: { 'application/json': { schema: z.object({ name: z.string().trim().min(1).max(100) }) } },
      },
    },
    responses: { 200: json(WorkspaceSchema, 'Renamed'), ...errors(400, 401, 403, 404) },
  }),
  members: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/members',
    tags: ['workspaces'],
    summary: 'Who belongs to the workspace, with their roles',
    request: { params: WorkspaceParams },
    responses: { 200: json(z.array(MemberSchema), 'Members'), ...errors(401, 403, 404) },
  }),
  setRole: createRoute({
    method: 'put',
    path: '/api/workspaces/{workspace}/members/{user}',
    tags: ['workspaces'],
    summary: "Change a member's role (owners)",
    request: {
      params: MemberParams,
      body: { content: { 'application/json': { schema: z.object({ role: RoleSchema }) } } },
    },
    responses: { 200: json(MemberSchema, 'Changed'), ...errors(400, 401, 403, 404, 409) },
  }),
  removeMember: createRoute({
    method: 'delete',
    path: '/api/workspaces/{workspace}/members/{user}',
    tags: ['workspaces'],
    summary: 'Remove a member (owners), or leave the workspace yourself',
    request: { params: MemberParams },
    responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404, 409) },
  }),
  invite: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspace}/invitations',
    tags: ['workspaces'],
    summary: 'Invite someone by e-mail with a role (owners); the token is shown once',
    request: {
      params: WorkspaceParams,
      body: {
        content: {
          'application/json': { schema: z.object({ email: z.email().max(254), role: RoleSchema }) },
        },
      },
    },
    responses: {
      201: json(z.object({ invitation: InvitationSchema, token: z.string() }), 'Invited'),
      ...errors(400, 401, 403, 404),
    },
  }),
  invitations: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/invitations',
    tags: ['workspaces'],
    summary: 'Invitations of the workspace (owners)',
    request: { params: WorkspaceParams },
    responses: { 200: json(z.array(InvitationSchema), 'Invitations'), ...errors(401, 403, 404) },
  }),
  revokeInvitation: createRoute({
    method: 'delete',
    path: '/api/workspaces/{workspace}/invitations/{invitation}',
    tags: ['workspaces'],
    summary: 'Revoke an open invitation (owners)',
    request: { params: InvitationParams },
    responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404) },
  }),
  accept: createRoute({
    method: 'post',
    path: '/api/invitations/accept',
    tags: ['workspaces'],
    summary: 'Accept an invitation as the signed-in person it was sent to',
    request: {
      body: { content: { 'application/json': { schema: z.object({ token: z.string().min(1) }) } } },
    },
    responses: { 200: json(WorkspaceWithRoleSchema, 'Joined'), ...errors(400, 401, 403) },
  }),
};

export function workspaceRoutes(deps: ServerDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { store } = deps;

  app.openapi(routes.list, async (c) => c.json(await store.workspaces.ofUser(requireUser(c).user.id), 200));

  app.openapi(routes.create, async (c) => {
    const actor = requireUser(c);
    const body = c.req.valid('json');
    const taken = await store.workspaces.slugs();
    if (body.slug !== undefined && taken.has(body.slug)) {
      throw new HttpError(409, 'slug-taken', `a workspace ${body.slug} exists already`);
    }
    const slug = body.slug ?? uniqueSlug(slugify(body.name) || 'workspace', taken);
    const workspace = await store.workspaces.create({ slug, name: body.name });
    await store.workspaces.setMember(workspace.id, actor.user.id, 'owner');
    return c.json({ ...workspace, role: 'owner' as const }, 201);
  });

  app.openapi(routes.get, async (c) => {
    const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'read');
    return c.json(workspace, 200);
  });

  app.openapi(routes.rename, async (c) => {
    const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'manage');
    await store.workspaces.rename(workspace.id, c.req.valid('json').name);
    const renamed = await store.workspaces.byId(workspace.id);
    if (!renamed) throw notFound(`workspace ${workspace.slug}`);
    return c.json(renamed, 200);
  });

  app.openapi(routes.members, async (c) => {
    // The workspace first: a key of another workspace gets its 404, not a refusal of keys.
    const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'read');
    requireUser(c);
    return c.json(await store.workspaces.members(workspace.id), 200);
  });

  app.openapi(routes.setRole, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'manage');
    const current = await store.workspaces.role(workspace.id, params.user);
    if (!current) throw notFound(`member ${params.user}`);
    const { role } = c.req.valid('json');
    if (current === 'owner' && role !== 'owner' && (await store.workspaces.countOwners(workspace.id)) === 1) {
      throw new HttpError(
        409,
        'last-owner',
        'a workspace keeps at least one owner: make someone else owner first',
      );
    }
    await store.workspaces.setMember(workspace.id, params.user, role);
    const member = (await store.workspaces.members(workspace.id)).find((m) => m.id === params.user);
    if (!member) throw notFound(`member ${params.user}`);
    return c.json(member, 200);
  });

  app.openapi(routes.removeMember, async (c) => {
    const params = c.req.valid('param');
    const actor = requireActor(c);
    const leaving = actor.kind === 'user' && actor.user.id === params.user;
    const { workspace } = await workspaceAccess(c, store, params.workspace, leaving ? 'read' : 'manage');
    requireUser(c);
    const current = await store.workspaces.role(workspace.id, params.user);
    if (!current) throw notFound(`member ${params.user}`);
    if (current === 'owner' && (await store.workspaces.countOwners(workspace.id)) === 1) {
      throw new HttpError(
        409,
        'last-owner',
        'a workspace keeps at least one owner: make someone else owner first',
      );
    }
    await store.workspaces.removeMember(workspace.id, params.user);
    return c.body(null, 204);
  });

  app.openapi(routes.invite, async (c) => {
    const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'manage');
    const actor = requireUser(c);
    const body = c.req.valid('json');
    const token = newSecret('tl_inv_');
    const invitation = await store.workspaces.invite({
      workspaceId: workspace.id,
      email: body.email,
      role: body.role,
      tokenHash: hashSecret(token),
      invitedBy: actor.user.id,
      ttlMs: deps.config.invitationTtlMs,
    });
    return c.json({ invitation, token }, 201);
  });

  app.openapi(routes.invitations, async (c) => {
    const { workspace } = await workspaceAccess(c, store, c.req.valid('param').workspace, 'manage');
    return c.json(await store.workspaces.invitations(workspace.id), 200);
  });

  app.openapi(routes.revokeInvitation, async (c) => {
    const params = c.req.valid('param');
    const { workspace } = await workspaceAccess(c, store, params.workspace, 'manage');
    if (!(await store.workspaces.revokeInvitation(workspace.id, params.invitation))) {
      throw notFound(`open invitation ${params.invitation}`);
    }
    return c.body(null, 204);
  });

  app.openapi(routes.accept, async (c) => {
    const actor = requireUser(c);
    const invitation = await store.workspaces.openInvitation(hashSecret(c.req.valid('json').token));
    if (!invitation)
      throw new HttpError(400, 'invitation-invalid', 'the invitation is unknown, used, revoked or expired');
    if (invitation.email !== actor.user.email) {
      throw new HttpError(403, 'invitation-invalid', `the invitation is for ${invitation.email}`);
    }
    await store.workspaces.acceptInvitation(invitation.id, actor.user.id);
    const joined = (await store.workspaces.ofUser(actor.user.id)).find(
      (w) => w.id === invitation.workspaceId,
    );
    if (!joined) throw notFound('the workspace');
    return c.json(joined, 200);
  });

  return app;
}
