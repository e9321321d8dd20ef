/**
 * The HTTP app: `createApp(deps)` -> routes. Each route validates its input (zod, at the edge),
 * authorises, calls the domain and responds; every error leaves as `{error: {code, message,
 * details}}` with the right status. The OpenAPI document is generated from the route schemas.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { authenticate } from './auth/middleware.ts';
import type { AppEnv, ServerDeps } from './env.ts';
import { errorBody, HttpError } from './errors.ts';
import { MapVersions } from './map-versions.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { apiKeyRoutes } from './routes/api-keys.ts';
import { authRoutes } from './routes/auth.ts';
import { collectRoutes } from './routes/collect.ts';
import { commentRoutes } from './routes/comments.ts';
import { libraryRoutes } from './routes/library.ts';
import { mapRoutes } from './routes/maps.ts';
import { shareLinkRoutes } from './routes/share-links.ts';
import { snippetRoutes } from './routes/snippet.ts';
import { templateRoutes } from './routes/templates.ts';
import { workspaceRoutes } from './routes/workspaces.ts';

/** Largest request body outside event collection (maps with every lane filled stay far below). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function createApp(deps: ServerDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        }));
        return c.json(
          errorBody(
            'invalid-input',
            `invalid ${result.target}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
            issues,
          ),
          400,
        );
      }
    },
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        frameAncestors: ["'none'"],
      },
      crossOriginResourcePolicy: false,
    }),
  );
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody('too-large', `a request body is at most ${MAX_BODY_BYTES} bytes`), 413),
  });
  app.use('/api/*', async (c, next) => {
    // GET and HEAD carry no body; asking for one would build a whole fetch Request per read.
    if (c.req.path === '/api/collect' || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return limitBody(c, next);
  });
  app.use('/api/*', authenticate(deps));

  app.route('/', authRoutes(deps));
  app.route('/', workspaceRoutes(deps));
  app.route('/', apiKeyRoutes(deps));
  app.route('/', mapRoutes(deps, new MapVersions(deps.store)));
  app.route('/', shareLinkRoutes(deps));
  app.route('/', templateRoutes());
  app.route('/', snippetRoutes());
  app.route('/', collectRoutes(deps, deps.events));
  app.route('/', commentRoutes(deps));
  app.route('/', libraryRoutes(deps));
  app.route('/', analyticsRoutes(deps));

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Touchline',
      version: '0.1.0',
      description:
        'Customer journey maps with the real numbers on them: workspaces, maps, analytics and event collection.',
    },
  });

  const { web } = deps;
  if (web) app.get('/assets/:name', (c) => web.asset(c, c.req.param('name')));
  app.notFound((c) => {
    // Page addresses belong to the web app's router (deep links); the API's unknown paths stay JSON.
    const page = (c.req.method === 'GET' || c.req.method === 'HEAD') && !/^\/api(\/|$)/.test(c.req.path);
    if (web && page) return web.page(c);
    return c.json(errorBody('not-found', `no route for ${c.req.method} ${c.req.path}`), 404);
  });
  app.onError((error, c) => {
    if (error instanceof HttpError)
      return c.json(errorBody(error.code, error.message, error.details), error.status);
    if (error instanceof HTTPException) {
      return c.json(errorBody('http-error', error.message || 'request refused'), error.status);
    }
    console.error(error);
    return c.json(errorBody('internal', 'something went wrong on the server; it was logged'), 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
