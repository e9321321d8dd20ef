/** `GET /touchline.js`: the tracking snippet for sites to include (see @touchline/snippet). */
import { OpenAPIHono } from '@hono/zod-openapi';
import { buildSnippet } from '@touchline/snippet';
import type { AppEnv } from '../env.ts';

export function snippetRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.get('/touchline.js', async (c) => {
    c.header('content-type', 'application/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=3600');
    // Sites on other origins load it with <script src>: let them.
    c.header('cross-origin-resource-policy', 'cross-origin');
    return c.body(await buildSnippet(), 200);
  });
  return app;
}
