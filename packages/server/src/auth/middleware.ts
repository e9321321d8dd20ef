/**
 * Who is asking. A session cookie names a signed-in person; `Authorization: Bearer tl_...`
 * names an API key. Writes made with a cookie must carry the session's CSRF token in the
 * `X-CSRF-Token` header: a page of another site can make the browser send the cookie, but it
 * cannot read the token.
 */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, ServerDeps } from '../env.ts';
import { HttpError } from '../errors.ts';
import { hashSecret } from './secrets.ts';

export const SESSION_COOKIE = 'tl_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Routes that ignore the session cookie: signing in or up starts a new session (an old cookie
 * neither helps nor blocks it), and collection takes ingest keys only (a beacon from a page on
 * the same origin carries the cookie along).
 */
const COOKIELESS_ROUTES = new Set(['/api/auth/signin', '/api/auth/signup', '/api/collect']);

export function authenticate(deps: ServerDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match?.[1])
        throw new HttpError(401, 'unauthenticated', 'Authorization must be "Bearer <API key>"');
      const key = await deps.store.apiKeys.use(hashSecret(match[1]));
      if (!key) throw new HttpError(401, 'unauthenticated', 'the API key is unknown or revoked');
      c.set('actor', { kind: 'key', key });
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token !== undefined && !COOKIELESS_ROUTES.has(c.req.path)) {
      const tokenHash = hashSecret(token);
      const session = await deps.store.accounts.session(tokenHash);
      if (session) {
        if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken) {
          throw new HttpError(
            403,
            'csrf',
            `a write with a session cookie needs the ${CSRF_HEADER} header of the session`,
          );
        }
        c.set('actor', { kind: 'user', user: session.user, csrfToken: session.csrfToken, tokenHash });
      }
    }
    return next();
  });
}
