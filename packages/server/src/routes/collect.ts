/**
 * `POST /api/collect`: a batch of events from a site or a server, with an ingest key. The batch
 * is checked whole with the rules of file import (analytics' checkEvent) and refused whole, with
 * the reasons of each bad event, when any event is bad. Accepted means durable: the answer comes
 * only once the events are committed to the workspace's event store.
 *
 * The key comes as `Authorization: Bearer tl_ingest_...`, or as `key` in the body for
 * `navigator.sendBeacon`, which cannot set headers (and sends text/plain, so no CORS preflight).
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { checkEvent, type TrackedEvent } from '@touchline/analytics';
import { MAX_EVENTS_PER_REQUEST as MAX_BATCH_EVENTS } from '@touchline/snippet';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { hashSecret } from '../auth/secrets.ts';
import { clientIp } from '../client-ip.ts';
import type { AppEnv, ServerDeps } from '../env.ts';
import { errorBody, HttpError } from '../errors.ts';
import { RateLimiter } from '../rate-limit.ts';
import { ErrorSchema } from '../schemas.ts';

export const MAX_BATCH_BYTES = 1024 * 1024;
/** Bad events described in a refusal; the count says how many there were in all. */
const MAX_REPORTED_EVENTS = 100;

const EventSchema = z
  .object({
    event_id: z.string().optional().openapi({ description: 'sending the same id again is a no-op' }),
    user_id: z.string().openapi({ description: 'the customer, or an anonymous visitor' }),
    timestamp: z
      .union([z.string(), z.number()])
      .openapi({ description: 'ISO 8601 with a zone, or epoch ms' }),
    event: z.string(),
    session_id: z.string().optional(),
    channel: z.string().optional(),
    campaign: z.string().optional(),
    url: z.string().optional(),
    revenue: z.number().optional(),
    value: z.number().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('Event');

const BatchSchema = z
  .object({
    key: z
      .string()
      .optional()
      .openapi({ description: 'the ingest key, when it cannot go in the Authorization header' }),
    events: z.array(EventSchema).max(MAX_BATCH_EVENTS),
  })
  .openapi('EventBatch');

export interface EventSink {
  /** Commits the events to the workspace's store; resolves once they are durable. */
  append(workspaceId: string, events: readonly TrackedEvent[]): Promise<void>;
}

function refuse(status: 400 | 413, code: string, message: string, details?: unknown): never {
  throw new HttpError(status, code, message, details);
}

/** The batch as sent: `{events: [...]}` (with an optional key) or a bare array. */
function parseBatch(text: string): { key?: string; events: unknown[] } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    refuse(
      400,
      'invalid-json',
      `the body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (Array.isArray(body)) return { events: body };
  if (typeof body === 'object' && body !== null && Array.isArray((body as { events?: unknown }).events)) {
    const { key, events } = body as { key?: unknown; events: unknown[] };
    return typeof key === 'string' ? { key, events } : { events };
  }
  return refuse(400, 'invalid-batch', 'send {"events": [...]} (or an array of events)');
}

export function collectRoutes(deps: ServerDeps, sink: EventSink) {
  const app = new OpenAPIHono<AppEnv>();
  const perKey = new RateLimiter(deps.config.limits.collectPerKey, deps.now);
  const perIp = new RateLimiter(deps.config.limits.collectPerIp, deps.now);
  const limit = (c: Context<AppEnv>, key: string) => {
    const wait = Math.max(perIp.take(clientIp(c)), perKey.take(key));
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait)));
      throw new HttpError(429, 'rate-limited', `too many batches; try again in ${Math.ceil(wait)} s`);
    }
  };

  app.use(
    '/api/collect',
    cors({
      origin: '*',
      allowMethods: ['POST'],
      allowHeaders: ['content-type', 'authorization'],
      maxAge: 86_400,
    }),
  );
  app.post(
    '/api/collect',
    bodyLimit({
      maxSize: MAX_BATCH_BYTES,
      onError: (c) =>
        c.json(errorBody('too-large', `a batch is at most ${MAX_BATCH_BYTES} bytes (1 MB)`), 413),
    }),
    async (c) => {
      const batch = parseBatch(await c.req.text());
      const actor = c.get('actor');
      let keyId: string | undefined;
      let workspaceId: string | undefined;
      if (actor?.kind === 'key') {
        keyId = actor.key.id;
        if (actor.key.scope !== 'ingest')
          throw new HttpError(403, 'forbidden', 'collecting events needs an ingest key');
        workspaceId = actor.key.workspaceId;
      } else if (batch.key !== undefined) {
        const key = await deps.store.apiKeys.use(hashSecret(batch.key));
        if (!key) throw new HttpError(401, 'unauthenticated', 'the ingest key is unknown or revoked');
        if (key.scope !== 'ingest')
          throw new HttpError(403, 'forbidden', 'collecting events needs an ingest key');
        keyId = key.id;
        workspaceId = key.workspaceId;
      }
      if (keyId === undefined || workspaceId === undefined) {
        throw new HttpError(
          401,
          'unauthenticated',
          'send an ingest key: Authorization: Bearer tl_ingest_..., or "key" in the body',
        );
      }
      limit(c, keyId);
      if (batch.events.length > MAX_BATCH_EVENTS) {
        refuse(
          413,
          'too-many-events',
          `a batch holds at most ${MAX_BATCH_EVENTS} events, not ${batch.events.length}`,
        );
      }
      const events: TrackedEvent[] = [];
      const bad: { index: number; problems: string[] }[] = [];
      let badCount = 0;
      batch.events.forEach((raw, index) => {
        const check = checkEvent(raw);
        if (check.ok) events.push(check.event);
        else {
          badCount++;
          if (bad.length < MAX_REPORTED_EVENTS) bad.push({ index, problems: check.problems });
        }
      });
      if (badCount > 0) {
        refuse(
          400,
          'invalid-events',
          `${badCount} of ${batch.events.length} events are invalid; nothing was stored. ${bad
            .slice(0, 3)
            .map((b) => `event ${b.index}: ${b.problems.join('; ')}`)
            .join('. ')}`,
          { invalidEvents: badCount, events: bad },
        );
      }
      if (events.length > 0) await sink.append(workspaceId, events);
      return c.json({ accepted: events.length }, 200);
    },
  );

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/collect',
    tags: ['collect'],
    summary: `Send up to ${MAX_BATCH_EVENTS} events (1 MB) with an ingest key; answered once they are stored`,
    request: {
      body: {
        content: { 'application/json': { schema: BatchSchema }, 'text/plain': { schema: BatchSchema } },
      },
    },
    responses: {
      200: {
        description: 'Every event is stored',
        content: { 'application/json': { schema: z.object({ accepted: z.number() }) } },
      },
      ...Object.fromEntries(
        [
          [
            400,
            'The batch is not JSON, or some events are invalid (each with its reasons); nothing was stored',
          ],
          [401, 'No ingest key, or an unknown one'],
          [403, 'The key is not an ingest key'],
          [413, 'More than 1,000 events or 1 MB'],
          [429, 'Too many batches from this key or address'],
        ].map(([status, description]) => [
          status,
          { description: description as string, content: { 'application/json': { schema: ErrorSchema } } },
        ]),
      ),
    },
  });
  return app;
}
