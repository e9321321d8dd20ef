/**
 * The typed client of the server's API. Requests go with the session cookie; writes carry the
 * session's CSRF token. An error answer `{error: {code, message, details}}` becomes an ApiError
 * whose message a person can read (pages show it through `ErrorNotice`).
 *
 * @example
 * const api = new ApiClient();
 * const session = await api.signIn('ann@example.com', 'correct horse battery');
 * const cards = await api.maps(session.workspaces[0].slug);
 */

import type {
  AttributionJson,
  AttributionModel,
  DiscoveredJourneyJson,
  EventStoreSummary,
  FunnelJson,
  MapReportJson,
  MeasureQuery,
  PathsJson,
  TouchesJson,
} from './analytics-types.ts';
import type {
  ApiKey,
  ApiKeyScope,
  ExportFormat,
  Invitation,
  Language,
  MapCard,
  MapProblem,
  MapTemplate,
  MapVersion,
  Member,
  Role,
  Session,
  SharedExportFormat,
  SharedMap,
  ShareLink,
  StoredMap,
  WorkspaceWithRole,
} from './types.ts';

/** An answer of the API that is not a success, or a request that never got one. */
export class ApiError extends Error {
  constructor(
    /** The HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The server's error code (`not-found`, `invalid-map`, `forbidden` ...), or `network`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApiError';
  }

  /** The problems of a map that was refused (code `invalid-map`), else none. */
  get problems(): MapProblem[] {
    return this.code === 'invalid-map' && Array.isArray(this.details) ? (this.details as MapProblem[]) : [];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const enc = encodeURIComponent;

interface RequestOptions {
  json?: unknown;
  signal?: AbortSignal;
}

export class ApiClient {
  private csrfToken: string | undefined;
  /** Called when a request finds no valid session (it expired, or someone signed out elsewhere). */
  onUnauthenticated: (() => void) | undefined;

  constructor(private readonly baseUrl = '') {}

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (!SAFE_METHODS.has(method) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw new ApiError(0, 'network', 'the server could not be reached', undefined, { cause });
    }
    if (!response.ok) throw await this.errorOf(response, path);
    if (response.status === 204) return undefined as T;
    const body = (await response.json()) as T;
    if (body && typeof body === 'object' && 'csrfToken' in body && typeof body.csrfToken === 'string') {
      this.csrfToken = body.csrfToken;
    }
    return body;
  }

  private async errorOf(response: Response, path: string): Promise<ApiError> {
    let error: ApiError;
    try {
      const body = (await response.json()) as {
        error?: { code?: string; message?: string; details?: unknown };
      };
      error = new ApiError(
        response.status,
        body.error?.code ?? 'http-error',
        body.error?.message ?? response.statusText,
        body.error?.details,
      );
    } catch {
      error = new ApiError(response.status, 'http-error', `${response.status} ${response.statusText}`.trim());
    }
    if (response.status === 401 && !path.startsWith('/api/auth/')) {
      this.csrfToken = undefined;
      this.onUnauthenticated?.();
    }
    return error;
  }

  // Signing up, in and out.

  /** The signed-in person, or undefined when nobody is. */
  async session(): Promise<Session | undefined> {
    try {
      return await this.request<Session>('GET', '/api/auth/session');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return undefined;
      throw error;
    }
  }

  signIn(email: string, password: string) {
    return this.request<Session>('POST', '/api/auth/signin', { json: { email, password } });
  }

  signUp(input: { email: string; name: string; password: string; invitation?: string }) {
    return this.request<Session>('POST', '/api/auth/signup', { json: input });
  }

  async signOut() {
    await this.request<void>('POST', '/api/auth/signout');
    this.csrfToken = undefined;
  }

  acceptInvitation(token: string) {
    return this.request<WorkspaceWithRole>('POST', '/api/invitations/accept', { json: { token } });
  }

  // Maps.

  maps(workspace: string, signal?: AbortSignal) {
    return this.request<MapCard[]>('GET', `/api/workspaces/${enc(workspace)}/maps`, signalOf(signal));
  }

  map(workspace: string, map: string, signal?: AbortSignal) {
    return this.request<StoredMap>(
      'GET',
      `/api/workspaces/${enc(workspace)}/maps/${enc(map)}`,
      signalOf(signal),
    );
  }

  mapVersions(workspace: string, map: string, signal?: AbortSignal) {
    return this.request<MapVersion[]>(
      'GET',
      `/api/workspaces/${enc(workspace)}/maps/${enc(map)}/versions`,
      signalOf(signal),
    );
  }

  createMap(workspace: string, input: { template: string; language: Language; title?: string }) {
    return this.request<StoredMap>('POST', `/api/workspaces/${enc(workspace)}/maps`, { json: input });
  }

  /** Creates a map from a YAML or JSON file's text; refused with its problems (`ApiError.problems`). */
  importMap(workspace: string, input: { text: string; fileName: string }) {
    return this.request<StoredMap>('POST', `/api/workspaces/${enc(workspace)}/maps/import`, { json: input });
  }

  /** Where a map version downloads in a format (a link the browser follows with the cookie). */
  exportUrl(workspace: string, map: string, format: ExportFormat, version?: number) {
    const at = version === undefined ? '' : `&version=${version}`;
    return `${this.baseUrl}/api/workspaces/${enc(workspace)}/maps/${enc(map)}/export?format=${format}${at}`;
  }

  templates(signal?: AbortSignal) {
    return this.request<MapTemplate[]>('GET', '/api/templates', signalOf(signal));
  }

  templatePreviewUrl(template: string, language: Language) {
    return `${this.baseUrl}/api/templates/${enc(template)}/preview.svg?language=${language}`;
  }

  // Share links.

  shareLinks(workspace: string, map: string, signal?: AbortSignal) {
    return this.request<ShareLink[]>(
      'GET',
      `/api/workspaces/${enc(workspace)}/maps/${enc(map)}/share-links`,
      signalOf(signal),
    );
  }

  createShareLink(workspace: string, map: string, input: { expiresInDays?: number }) {
    return this.request<{ link: ShareLink; token: string; path: string }>(
      'POST',
      `/api/workspaces/${enc(workspace)}/maps/${enc(map)}/share-links`,
      { json: input },
    );
  }

  revokeShareLink(workspace: string, map: string, link: string) {
    return this.request<void>(
      'DELETE',
      `/api/workspaces/${enc(workspace)}/maps/${enc(map)}/share-links/${enc(link)}`,
    );
  }

  shared(token: string, signal?: AbortSignal) {
    return this.request<SharedMap>('GET', `/api/shared/${enc(token)}`, signalOf(signal));
  }

  sharedExportUrl(token: string, format: SharedExportFormat) {
    return `${this.baseUrl}/api/shared/${enc(token)}/export?format=${format}`;
  }

  // People.

  members(workspace: string, signal?: AbortSignal) {
    return this.request<Member[]>('GET', `/api/workspaces/${enc(workspace)}/members`, signalOf(signal));
  }

  setRole(workspace: string, user: string, role: Role) {
    return this.request<Member>('PUT', `/api/workspaces/${enc(workspace)}/members/${enc(user)}`, {
      json: { role },
    });
  }

  removeMember(workspace: string, user: string) {
    return this.request<void>('DELETE', `/api/workspaces/${enc(workspace)}/members/${enc(user)}`);
  }

  invitations(workspace: string, signal?: AbortSignal) {
    return this.request<Invitation[]>(
      'GET',
      `/api/workspaces/${enc(workspace)}/invitations`,
      signalOf(signal),
    );
  }

  /** Invites someone; the token (for the link /invite/<token>) is in this answer only. */
  invite(workspace: string, email: string, role: Role) {
    return this.request<{ invitation: Invitation; token: string }>(
      'POST',
      `/api/workspaces/${enc(workspace)}/invitations`,
      { json: { email, role } },
    );
  }

  revokeInvitation(workspace: string, invitation: string) {
    return this.request<void>('DELETE', `/api/workspaces/${enc(workspace)}/invitations/${enc(invitation)}`);
  }

  // API keys.

  keys(workspace: string, signal?: AbortSignal) {
    return this.request<ApiKey[]>('GET', `/api/workspaces/${enc(workspace)}/keys`, signalOf(signal));
  }

  /** Creates a key; the key itself is in this answer only. */
  createKey(workspace: string, name: string, scope: ApiKeyScope) {
    return this.request<{ apiKey: ApiKey; key: string }>('POST', `/api/workspaces/${enc(workspace)}/keys`, {
      json: { name, scope },
    });
  }

  revokeKey(workspace: string, key: string) {
    return this.request<void>('DELETE', `/api/workspaces/${enc(workspace)}/keys/${enc(key)}`);
  }

  // Analytics: each answer is what `touchline <measure> --json` prints for the same options.

  private measure<T>(workspace: string, measure: string, query: MeasureQuery, signal?: AbortSignal) {
    return this.request<T>(
      'GET',
      `/api/workspaces/${enc(workspace)}/analytics/${measure}${queryString(query)}`,
      signalOf(signal),
    );
  }

  /** `steps` (required), `window`, `by`, `map`, `from`, `to`. */
  funnel(workspace: string, query: MeasureQuery, signal?: AbortSignal) {
    return this.measure<FunnelJson>(workspace, 'funnel', query, signal);
  }

  /** `map`, `over`, `per`, `collapse-repeats`, `max-steps`, `top`, `start`, `end`, `from`, `to`. */
  paths(workspace: string, query: MeasureQuery, signal?: AbortSignal) {
    return this.measure<PathsJson>(workspace, 'paths', query, signal);
  }

  /** `map` (required), `from`, `to`. */
  discover(workspace: string, query: MeasureQuery, signal?: AbortSignal) {
    return this.measure<DiscoveredJourneyJson>(workspace, 'discover', query, signal);
  }

  /** `conversion` (required), `lookback`, `from`, `to`. */
  touches(workspace: string, query: MeasureQuery, signal?: AbortSignal) {
    return this.measure<TouchesJson>(workspace, 'touches', query, signal);
  }

  /** `conversion` (required), `lookback`, `half-life`, `from`, `to`; one model per request. */
  attribution(workspace: string, model: AttributionModel, query: MeasureQuery, signal?: AbortSignal) {
    return this.measure<AttributionJson>(workspace, 'attribution', { ...query, model }, signal);
  }

  /** `map` (required), `conversion`, `survey`, `churn-period`, `from`, `to`. */
  report(workspace: string, query: MeasureQuery, signal?: AbortSignal) {
    return this.measure<MapReportJson>(workspace, 'report', query, signal);
  }

  analyticsSummary(workspace: string, signal?: AbortSignal) {
    return this.request<EventStoreSummary>(
      'GET',
      `/api/workspaces/${enc(workspace)}/analytics/summary`,
      signalOf(signal),
    );
  }
}

/** `?a=1&b=2` of the parameters that have a value (an empty string is a present flag), or ''. */
export function queryString(query: MeasureQuery): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, value);
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function signalOf(signal: AbortSignal | undefined): RequestOptions {
  return signal ? { signal } : {};
}
