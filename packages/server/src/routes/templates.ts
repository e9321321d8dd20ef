/** The map templates a new map can start from, with an SVG preview of each in each language. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type Language, TEMPLATES, templateById } from '@touchline/core';
import { exportMap } from '@touchline/render';
import type { AppEnv } from '../env.ts';
import { notFound } from '../errors.ts';
import { errors, json } from '../schemas.ts';

const LanguageSchema = z.enum(['en', 'nl']);
const Localised = z.object({ en: z.string(), nl: z.string() });

const TemplateSchema = z
  .object({
    id: z.string().openapi({ example: 'shoes' }),
    stages: z.number().int(),
    name: Localised,
    description: Localised,
    preview: Localised.openapi({ description: 'the path of the SVG preview in each language' }),
  })
  .openapi('MapTemplate');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/templates',
    tags: ['maps'],
    summary: 'The templates a map can be created from, in English and Dutch',
    responses: { 200: json(z.array(TemplateSchema), 'Templates') },
  }),
  preview: createRoute({
    method: 'get',
    path: '/api/templates/{id}/preview.svg',
    tags: ['maps'],
    summary: "A template's map drawn as SVG",
    request: {
      params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
      query: z.object({ language: LanguageSchema.default('en') }),
    },
    responses: {
      200: { description: 'The drawing', content: { 'image/svg+xml': { schema: { type: 'string' } } } },
      ...errors(400, 404),
    },
  }),
};

export function templateRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  // Templates never change while the server runs: each preview is drawn once.
  const previews = new Map<string, Promise<string>>();

  function preview(id: string, language: Language): Promise<string> | undefined {
    const template = templateById(id);
    if (!template) return undefined;
    const key = `${id}/${language}`;
    let svg = previews.get(key);
    if (!svg) {
      svg = exportMap(template.build(language), 'svg').then((result) => String(result.data));
      previews.set(key, svg);
    }
    return svg;
  }

  app.openapi(routes.list, (c) =>
    c.json(
      TEMPLATES.map((template) => ({
        id: template.id,
        stages: template.stages,
        name: { ...template.name },
        description: { ...template.description },
        preview: {
          en: `/api/templates/${template.id}/preview.svg?language=en`,
          nl: `/api/templates/${template.id}/preview.svg?language=nl`,
        },
      })),
      200,
    ),
  );

  app.openapi(routes.preview, async (c) => {
    const { id } = c.req.valid('param');
    const svg = await preview(id, c.req.valid('query').language);
    if (svg === undefined) throw notFound(`template ${id}`);
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=3600',
    });
  });

  return app;
}
