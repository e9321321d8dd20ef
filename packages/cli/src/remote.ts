/**
 * Where an analytics command measures: over the local event store, or, with `--server`, on a
 * Touchline server (which holds its stores locked while it runs), through its analytics API with
 * an API key from `TOUCHLINE_API_KEY`. The server answers with the JSON the command prints with
 * `--json`, so the command shows either the same way.
 */
import { jsonText } from '@touchline/analytics';
import type { DuckDbEventStore } from '@touchline/storage';
import { CliError, type CliIo, EXIT_INVALID, EXIT_USAGE } from './io.ts';
import { type DataOptions, withEventStore } from './store.ts';

export const SERVER_OPTION_FLAGS = '--server <url>';
export const SERVER_OPTION_HELP =
  'measure on the Touchline server at this URL instead of the local store (API key from TOUCHLINE_API_KEY; the map is then the id of a map of the workspace)';
export const WORKSPACE_OPTION_FLAGS = '--workspace <slug>';
export const WORKSPACE_OPTION_HELP = 'the workspace on the server (with --server)';

/** The environment variable holding the API key (scope `read`) for `--server`. */
export const API_KEY_VARIABLE = 'TOUCHLINE_API_KEY';

export interface WhereOptions extends DataOptions {
  server?: string;
  workspace?: string;
}

/** A measure's result in its JSON shape, and the JSON text `--json` prints. */
export interface Measured<T> {
  value: T;
  json: string;
}

/** Query parameters as the CLI's options: absent and false are left out, true is `true`. */
export type MeasureParameters = Record<string, string | boolean | undefined>;

/** A measure computed over the local store, with its JSON text. */
export async function measureHere<T>(
  io: CliIo,
  options: WhereOptions,
  run: (store: DuckDbEventStore) => Promise<T>,
): Promise<Measured<T>> {
  if (options.workspace !== undefined) throw new CliError('--workspace goes with --server <url>', EXIT_USAGE);
  const value = await withEventStore(io, options, run);
  return { value, json: jsonText(value) };
}

/**
 * A measure asked of the server at `server` with `parameters` (named as the command line names
 * its options). The server answers with this command's own `--json`, which is printed as it came.
 */
export async function measureOnServer<T>(
  io: CliIo,
  server: string,
  options: WhereOptions,
  measure: string,
  parameters: MeasureParameters,
): Promise<Measured<T>> {
  if (options.data !== undefined)
    throw new CliError(
      '--data and --server: the events are either in a local store or on a server',
      EXIT_USAGE,
    );
  if (options.workspace === undefined)
    throw new CliError(
      '--server needs --workspace <slug>: the workspace whose events to measure',
      EXIT_USAGE,
    );
  const key = io.env?.[API_KEY_VARIABLE];
  if (!key)
    throw new CliError(
      `--server needs an API key of the workspace with scope read in ${API_KEY_VARIABLE}`,
      EXIT_USAGE,
    );
  const url = measureUrl(server, options.workspace, measure, parameters);
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${key}`, accept: 'application/json' } });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause : error).message : '';
    throw new CliError(`${server}: the server cannot be reached${reason ? ` (${reason})` : ''}`);
  }
  const json = await response.text();
  if (!response.ok) {
    // Parameters the server refuses are bad usage, as they are locally; anything else is not.
    const code = response.status === 400 ? EXIT_USAGE : EXIT_INVALID;
    throw new CliError(
      `${server} answered ${response.status}: ${errorMessage(json) ?? response.statusText}`,
      code,
    );
  }
  return { value: JSON.parse(json) as T, json };
}

/** The analytics API's URL of a measure, with the parameters in its query string. */
export function measureUrl(
  server: string,
  workspace: string,
  measure: string,
  parameters: MeasureParameters,
): URL {
  let base: URL;
  try {
    base = new URL(server.endsWith('/') ? server : `${server}/`);
  } catch {
    throw new CliError(`--server ${server}: give the server's URL, e.g. http://127.0.0.1:4400`, EXIT_USAGE);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new CliError(`--server ${server}: give an http or https URL`, EXIT_USAGE);
  const url = new URL(`api/workspaces/${encodeURIComponent(workspace)}/analytics/${measure}`, base);
  for (const [name, value] of Object.entries(parameters)) {
    if (value === undefined || value === false) continue;
    url.searchParams.set(name, value === true ? 'true' : value);
  }
  return url;
}

/** The message of the server's `{error: {message}}` body, if it is one. */
function errorMessage(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      const { error } = parsed as { error: unknown };
      if (
        typeof error === 'object' &&
        error !== null &&
        'message' in error &&
        typeof error.message === 'string'
      )
        return error.message;
    }
  } catch {
    // Not JSON: the status says it.
  }
  return undefined;
}
