/**
 * The analytics pages keep their filters in the address's query, so a view can be shared:
 * `?map=…&from=2026-08-01&to=2026-08-31&steps=landing-page,cart&by=channel&segment=email`.
 * These functions read the query into the measures' parameters (the CLI's options, as the API
 * takes them) and write changes back, leaving defaults out.
 */
import type { MeasureQuery } from '../api/analytics-types.ts';
import { DEFAULT_CONVERSION } from './transform/names.ts';

export type Params = Readonly<Record<string, string>>;

/** The parameters every analytics page shares, kept when moving between them. */
export const SHARED_PARAMS = ['map', 'from', 'to'] as const;

/** The order parameters are written in, so the same view has the same address. */
const ORDER = [
  'map',
  'from',
  'to',
  'steps',
  'window',
  'by',
  'segment',
  'per',
  'repeats',
  'depth',
  'columns',
  'conversion',
  'lookback',
  'half-life',
  'measure',
];

export const PATH_DEFAULTS = { per: 'session', depth: 5, columns: 6 } as const;
export const BREAKDOWNS = ['channel', 'campaign'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The query's parameters; empty ones are left out. */
export function paramsOf(search: string): Params {
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(search)) if (value !== '') params[name] = value;
  return params;
}

/** `?…` of the parameters in a fixed order, or '' when there are none. */
export function searchOf(params: Params): string {
  const names = Object.keys(params).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const search = new URLSearchParams();
  for (const name of names) search.set(name, params[name] as string);
  const text = search.toString().replaceAll('%2C', ',');
  return text === '' ? '' : `?${text}`;
}

function rank(name: string): number {
  const index = ORDER.indexOf(name);
  return index === -1 ? ORDER.length : index;
}

/** The parameters with some changed; undefined, null or '' removes one. */
export function withChanges(params: Params, changes: Record<string, string | undefined | null>): Params {
  const next: Record<string, string> = { ...params };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '') delete next[name];
    else next[name] = value;
  }
  return next;
}

/** Only the shared parameters: what a link to another analytics page carries. */
export function sharedOf(params: Params): Params {
  const shared: Record<string, string> = {};
  for (const name of SHARED_PARAMS) if (params[name] !== undefined) shared[name] = params[name];
  return shared;
}

/** A date of the range, when it is one (`2026-08-01`); other text is left out rather than refused. */
function dateOf(value: string | undefined): string | undefined {
  return value !== undefined && DATE.test(value) ? value : undefined;
}

function range(params: Params): MeasureQuery {
  return { from: dateOf(params.from), to: dateOf(params.to) };
}

/** A whole number of at least 1 from the query, else the default. */
export function countOf(value: string | undefined, fallback: number, max = 50): number {
  const count = value === undefined ? Number.NaN : Number(value);
  return Number.isSafeInteger(count) && count >= 1 ? Math.min(count, max) : fallback;
}

/** The funnel's steps: those of the query, else the defaults (the map's). */
export function funnelSteps(params: Params, defaults: readonly string[]): string[] {
  const given = (params.steps ?? '')
    .split(',')
    .map((step) => step.trim())
    .filter((step) => step !== '');
  return given.length > 0 ? given : [...defaults];
}

/** The funnel's parameters; null without any step to measure. */
export function funnelQuery(params: Params, defaultSteps: readonly string[]): MeasureQuery | null {
  const steps = funnelSteps(params, defaultSteps);
  if (steps.length === 0) return null;
  return { steps: steps.join(','), window: params.window, by: params.by, map: params.map, ...range(params) };
}

export function pathsQuery(params: Params): MeasureQuery {
  return {
    map: params.map,
    per: params.per === 'customer' ? 'customer' : undefined,
    // Repeats of a touchpoint (a second product page) are merged unless asked to keep them.
    'collapse-repeats': params.repeats === 'keep' ? undefined : 'true',
    'max-steps': String(countOf(params.depth, PATH_DEFAULTS.depth, 10)),
    // The top paths' table; the Sankey takes its nodes and edges from every path.
    top: '10',
    ...range(params),
  };
}

export function conversionOf(params: Params): string {
  return params.conversion ?? DEFAULT_CONVERSION;
}

export function attributionQuery(params: Params): MeasureQuery {
  return {
    conversion: conversionOf(params),
    lookback: params.lookback,
    'half-life': params['half-life'],
    ...range(params),
  };
}

export function touchesQuery(params: Params): MeasureQuery {
  return { conversion: conversionOf(params), lookback: params.lookback, ...range(params) };
}

/** The discovered journey's parameters; null without a map. */
export function discoverQuery(params: Params): MeasureQuery | null {
  return params.map === undefined ? null : { map: params.map, ...range(params) };
}

/** The stage report's parameters for a map (the overlay's). */
export function reportQuery(map: string, params: Params): MeasureQuery {
  return { map, conversion: params.conversion, ...range(params) };
}

/** The key a loaded measure is kept under: its name and parameters. */
export function measureKey(measure: string, query: MeasureQuery): string {
  return `${measure}${searchOf(withChanges({}, query))}`;
}
