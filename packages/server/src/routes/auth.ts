/**
 * Signing up, in and out. The first person to sign up on a new server becomes the owner of the
 * workspaces nobody owns yet (the demo workspace), or of a new one; after that people join by
 * invitation, unless the server allows open sign-up (each newcomer then gets a workspace).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { slugify, uniqueSlug } from '@touchline/core';
import type { User } from '@touchline/storage';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { requireUser } from '../auth/access.ts';
import { SESSION_COOKIE } from '../auth/middleware.ts';
import { DECOY_PASSWORD_HASH, hashPassword, hashSecret, newSecret, verifyPassword } from '../auth/secrets.ts';
import { clientIp } from '../client-ip.ts';
import type { AppEnv, ServerDeps } from '../env.ts';
import { HttpError } from '../errors.ts';
import { RateLimiter } from '../rate-limit.ts';
import { errors, json, UserSchema, WorkspaceWithRoleSchema } from '../schemas.ts';

const SessionSchema = z
  .object({ user: UserSchema, csrfToken: z.string(), workspaces: z.array(WorkspaceWithRoleSchema) })
  .openapi('Session');

const Email = z.email().max(254);
const Password = z.string().min(8, 'a password has at least 8 characters').max(200);

const signUp = createRoute({
  method: 'post',
  path: '/api/auth/signup',
  tags: ['auth'],
  summary: 'Sign up: the first owner, someone invited, or anyone when sign-up is open',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            email: Email,
            name: z.string().trim().min(1).max(100),
            password: Password,
            invitation: z.string().optional().openapi({ description: 'the token of an invitation' }),
          }),
        },
      },
    },
  },
  responses: { 201: json(SessionSchema, 'Signed up and signed in'), ...errors(400, 403, 409, 429) },
});

const signIn = createRoute({
  method: 'post',
  path: '/api/auth/signin',
  tags: ['auth'],
  summary: 'Sign in with e-mail and password; sets the session cookie',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ email: Email, password: z.string().max(200) }) } },
    },
  },
  responses: { 200: json(SessionSchema, 'Signed in'), ...errors(400, 401, 429) },
});

const signOut = createRoute({
  method: 'post',
  path: '/api/auth/signout',
  tags: ['auth'],
  summary: 'Sign out: ends the session',
  responses: { 204: { description: 'Signed out' } },
});

const session = createRoute({
  method: 'get',
  path: '/api/auth/session',
  tags: ['auth'],
  summary: 'The signed-in person, the CSRF token for writes, and their workspaces',
  responses: { 200: json(SessionSchema, 'The session'), ...errors(401, 403) },
});

export function authRoutes(deps: ServerDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const limiter = new RateLimiter(deps.config.limits.signIn, deps.now);
  const limit = (c: Context<AppEnv>, email?: string) => {
    const wait = Math.max(limiter.take(`ip:${clientIp(c)}`), email ? limiter.take(`email:${email}`) : 0);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait)));
      throw new HttpError(429, 'rate-limited', `too many attempts; try again in ${Math.ceil(wait)} s`);
    }
  };

  async function sessionBody(user: User, csrfToken: string) {
    return { user, csrfToken, workspaces: await deps.store.workspaces.ofUser(user.id) };
  }

  async function startSession(c: Context<AppEnv>, user: User) {
    const token = newSecret();
    const csrfToken = newSecret();
    await deps.store.accounts.createSession({
      tokenHash: hashSecret(token),
      userId: user.id,
      csrfToken,
      ttlMs: deps.config.sessionTtlMs,
    });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.config.secureCookies,
      path: '/',
      maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
    });
    return sessionBody(user, csrfToken);
  }

  async function newWorkspaceFor(user: User) {
    const name = `${user.name}'s workspace`;
    const slug = uniqueSlug(slugify(user.name) || 'workspace', await deps.store.workspaces.slugs());
    const workspace = await deps.store.workspaces.create({ slug, name });
    await deps.store.workspaces.setMember(workspace.id, user.id, 'owner');
  }

  app.openapi(signUp, async (c) => {
    const body = c.req.valid('json');
    limit(c);
    if (await deps.store.accounts.userByEmail(body.email)) {
      throw new HttpError(409, 'email-taken', `${body.email} already has an account; sign in instead`);
    }
    const first = (await deps.store.accounts.countUsers()) === 0;
    const invitation =
      body.invitation === undefined
        ? undefined
        : await deps.store.workspaces.openInvitation(hashSecret(body.invitation));
    if (body.invitation !== undefined) {
      if (!invitation)
        throw new HttpError(400, 'invitation-invalid', 'the invitation is unknown, used, revoked or expired');
      if (invitation.email !== body.email.trim().toLowerCase()) {
        throw new HttpError(400, 'invitation-invalid', `the invitation is for ${invitation.email}`);
      }
    }
    if (!first && !invitation && !deps.config.openSignup) {
      throw new HttpError(
        403,
        'signup-closed',
        'sign-up is by invitation: ask an owner of a workspace to invite you',
      );
    }
    const user = await deps.store.accounts.createUser({
      email: body.email,
      name: body.name,
      passwordHash: await hashPassword(body.password),
    });
    if (invitation) {
      await deps.store.workspaces.acceptInvitation(invitation.id, user.id);
    } else if (first) {
      const unowned = await deps.store.workspaces.withoutMembers();
      for (const workspace of unowned) await deps.store.workspaces.setMember(workspace.id, user.id, 'owner');
      if (unowned.length === 0) await newWorkspaceFor(user);
    } else {
      await newWorkspaceFor(user);
    }
    return c.json(await startSession(c, user), 201);
  });

  app.openapi(signIn, async (c) => {
    const body = c.req.valid('json');
    limit(c, body.email.trim().toLowerCase());
    const found = await deps.store.accounts.userByEmail(body.email);
    const ok = await verifyPassword(body.password, found?.passwordHash ?? DECOY_PASSWORD_HASH);
    if (!found || !ok) throw new HttpError(401, 'wrong-credentials', 'the e-mail or password is wrong');
    const { passwordHash: _, ...user } = found;
    return c.json(await startSession(c, user), 200);
  });

  app.openapi(signOut, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token !== undefined) await deps.store.accounts.deleteSession(hashSecret(token));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.openapi(session, async (c) => {
    const actor = requireUser(c);
    return c.json(await sessionBody(actor.user, actor.csrfToken), 200);
  });

  return app;
}
