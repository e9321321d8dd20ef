/**
 * The measures over a workspace's events: funnel, paths, the discovered journey, touches,
 * attribution and the stage report. Query parameters are the CLI's options with the same names
 * and meanings, read by the same functions (`@touchline/analytics` options); each answer is what
 * `touchline <measure> --json` prints for the same events and options, byte for byte. A map is
 * named by its id in the workspace where the CLI takes a map file. Problems with parameters name
 * the parameter the query string's way (`window=7x: ...`).
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import {
  attribution,
  attributionSpecFromParameters,
  attributionToJson,
  discoverJourney,
  discoverySpecFromParameters,
  funnel,
  funnelSpecFromParameters,
  funnelStepRules,
  funnelToJson,
  jsonText,
  OptionError,
  paths,
  pathsSpecFromParameters,
  QUERY_NAMING,
  report,
  reportSpecFromParameters,
  touches,
  touchesSpecFromParameters,
  touchesToJson,
} from '@touchline/analytics';
import type { JourneyMap } from '@touchline/core';
import type { DuckDbEventStore, Workspace } from '@touchline/storage';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { workspaceAccess } from '../auth/access.ts';
import type { AppEnv, ServerDeps } from '../env.ts';
import { HttpError, notFound } from '../errors.ts';
import { errors, json, WorkspaceParams } from '../schemas.ts';
import {
  AttributionJson,
  AttributionQuery,
  DiscoveredJourneyJson,
  DiscoverQuery,
  FunnelJson,
  FunnelQuery,
  MapReportJson,
  PathsJson,
  PathsQuery,
  ReportQuery,
  StoreSummaryJson,
  TouchesJson,
  TouchesQuery,
} from './analytics-schemas.ts';

/** The answers of a measure: its JSON, or an error. */
function measured<R extends z.ZodType>(measure: string, result: R) {
  return {
    200: json(result, `What \`touchline ${measure} --json\` prints for the same events and options`),
    ...errors(400, 401, 403, 404),
  };
}

const routes = {
  funnel: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/analytics/funnel',
    tags: ['analytics'],
    summary: 'Customers through a series of steps in order within a window',
    request: { params: WorkspaceParams, query: FunnelQuery },
    responses: measured('funnel', FunnelJson),
  }),
  paths: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/analytics/paths',
    tags: ['analytics'],
    summary: 'The top full paths of sessions or customers, with the Sankey nodes and edges',
    request: { params: WorkspaceParams, query: PathsQuery },
    responses: measured('paths', PathsJson),
  }),
  discover: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/analytics/discover',
    tags: ['analytics'],
    summary: "What customers did on the map's steps against its designed flow",
    request: { params: WorkspaceParams, query: DiscoverQuery },
    responses: measured('discover', DiscoveredJourneyJson),
  }),
  touches: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/analytics/touches',
    tags: ['analytics'],
    summary: 'Touches, and distinct channels among them, before each conversion',
    request: { params: WorkspaceParams, query: TouchesQuery },
    responses: measured('touches', TouchesJson),
  }),
  attribution: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/analytics/attribution',
    tags: ['analytics'],
    summary: 'Conversions and revenue credited to channels by one attribution model',
    request: { params: WorkspaceParams, query: AttributionQuery },
    responses: measured('attribution', AttributionJson),
  }),
  report: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/analytics/report',
    tags: ['analytics'],
    summary:
      "The map's stage report: reach, conversion, drop-off, time in stage and every KPI against target",
    request: { params: WorkspaceParams, query: ReportQuery },
    responses: measured('report', MapReportJson),
  }),
  summary: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspace}/analytics/summary',
    tags: ['analytics'],
    summary: "The workspace's event store: events, customers, first and last event, event names, cost rows",
    request: { params: WorkspaceParams },
    responses: { 200: json(StoreSummaryJson, 'The summary'), ...errors(401, 403, 404) },
  }),
};

/** Reads query parameters into a spec; parameters that describe none are a 400 naming them. */
function fromQuery<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof OptionError) {
      throw new HttpError(
        400,
        'invalid-input',
        error.problems.map((problem) => problem.message).join('; '),
        error.problems.map((problem) => ({ path: problem.option, message: problem.message })),
      );
    }
    throw error;
  }
}

/**
 * The result as the CLI prints it with `--json`, byte for byte (`c.json` would send it without
 * the indentation), typed as the route's JSON response.
 */
function cliJson<T>(c: Context<AppEnv>, value: T): TypedResponse<JSONParsed<T>, 200, 'json'> {
  const response = c.body(jsonText(value), 200, { 'content-type': 'application/json; charset=UTF-8' });
  return response as unknown as TypedResponse<JSONParsed<T>, 200, 'json'>;
}

export function analyticsRoutes(deps: ServerDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { store, events } = deps;

  async function mapOf(workspace: Workspace, id: string): Promise<JourneyMap> {
    const stored = await store.maps.get(workspace.id, id);
    if (!stored) throw notFound(`map ${id}`);
    return stored.document;
  }

  /** Authorises reading the workspace's analytics; the workspace and its queue of work on its events. */
  async function readable(c: Context<AppEnv>, slug: string) {
    const { workspace } = await workspaceAccess(c, store, slug, 'read');
    const measure = <T>(work: (eventStore: DuckDbEventStore) => Promise<T>) =>
      events.exclusive(workspace.id, work);
    return { workspace, measure };
  }

  app.openapi(routes.funnel, async (c) => {
    const { workspace, measure } = await readable(c, c.req.valid('param').workspace);
    const query = c.req.valid('query');
    const spec = fromQuery(() => funnelSpecFromParameters(query, QUERY_NAMING));
    const map = query.map === undefined ? undefined : await mapOf(workspace, query.map);
    try {
      funnelStepRules(spec.steps, map);
    } catch (error) {
      // A step of the map that no event can match: the measure's own words.
      if (!(error instanceof RangeError)) throw error;
      throw new HttpError(400, 'invalid-input', error.message, [{ path: 'steps', message: error.message }]);
    }
    return cliJson(c, funnelToJson(await measure((eventStore) => funnel(eventStore, spec, map))));
  });

  app.openapi(routes.paths, async (c) => {
    const { workspace, measure } = await readable(c, c.req.valid('param').workspace);
    const query = c.req.valid('query');
    const map = query.map === undefined ? undefined : await mapOf(workspace, query.map);
    const parameters = {
      over: query.over,
      per: query.per,
      collapseRepeats: query['collapse-repeats'] === '' || query['collapse-repeats'] === 'true',
      maxSteps: query['max-steps'],
      top: query.top,
      start: query.start,
      end: query.end,
      from: query.from,
      to: query.to,
    };
    const spec = fromQuery(() => pathsSpecFromParameters(parameters, map, QUERY_NAMING));
    return cliJson(c, await measure((eventStore) => paths(eventStore, spec, map)));
  });

  app.openapi(routes.discover, async (c) => {
    const { workspace, measure } = await readable(c, c.req.valid('param').workspace);
    const query = c.req.valid('query');
    const spec = fromQuery(() => discoverySpecFromParameters(query, QUERY_NAMING));
    const map = await mapOf(workspace, query.map);
    return cliJson(c, await measure((eventStore) => discoverJourney(eventStore, map, spec)));
  });

  app.openapi(routes.touches, async (c) => {
    const { measure } = await readable(c, c.req.valid('param').workspace);
    const spec = fromQuery(() => touchesSpecFromParameters(c.req.valid('query'), QUERY_NAMING));
    return cliJson(c, touchesToJson(await measure((eventStore) => touches(eventStore, spec))));
  });

  app.openapi(routes.attribution, async (c) => {
    const { measure } = await readable(c, c.req.valid('param').workspace);
    const query = c.req.valid('query');
    const parameters = {
      conversion: query.conversion,
      model: query.model,
      lookback: query.lookback,
      halfLife: query['half-life'],
      from: query.from,
      to: query.to,
    };
    const spec = fromQuery(() => attributionSpecFromParameters(parameters, QUERY_NAMING));
    return cliJson(c, attributionToJson(await measure((eventStore) => attribution(eventStore, spec))));
  });

  app.openapi(routes.report, async (c) => {
    const { workspace, measure } = await readable(c, c.req.valid('param').workspace);
    const query = c.req.valid('query');
    const parameters = {
      conversion: query.conversion,
      survey: query.survey,
      churnPeriod: query['churn-period'],
      from: query.from,
      to: query.to,
    };
    const spec = fromQuery(() => reportSpecFromParameters(parameters, QUERY_NAMING));
    const map = await mapOf(workspace, query.map);
    return cliJson(c, await measure((eventStore) => report(eventStore, map, spec)));
  });

  app.openapi(routes.summary, async (c) => {
    const { measure } = await readable(c, c.req.valid('param').workspace);
    return c.json(await measure((eventStore) => eventStore.summary()), 200);
  });

  return app;
}
