/** What the app is built from, and what a request carries through its middleware. */
import type { ApiKey, Role, ServiceStore, User, Workspace } from '@touchline/storage';
import type { RateLimit } from './rate-limit.ts';
import type { WebApp } from './web-app.ts';
import type { WorkspaceEvents } from './workspace-events.ts';

export interface ServerConfig {
  /** Anyone may sign up and get a workspace of their own; otherwise only the first owner and people invited. */
  openSignup: boolean;
  /** Mark cookies `Secure` (behind HTTPS). */
  secureCookies: boolean;
  sessionTtlMs: number;
  invitationTtlMs: number;
  limits: {
    /** Sign-in attempts, per IP and per e-mail. */
    signIn: RateLimit;
    /** Collect requests per ingest key and per IP. */
    collectPerKey: RateLimit;
    collectPerIp: RateLimit;
  };
}

export const DEFAULT_CONFIG: ServerConfig = {
  openSignup: false,
  secureCookies: false,
  sessionTtlMs: 30 * 86_400_000,
  invitationTtlMs: 14 * 86_400_000,
  limits: {
    signIn: { rate: 10 / 60, burst: 10 },
    collectPerKey: { rate: 2_000, burst: 4_000 },
    collectPerIp: { rate: 2_000, burst: 4_000 },
  },
};

export interface ServerDeps {
  store: ServiceStore;
  events: WorkspaceEvents;
  config: ServerConfig;
  /** Epoch milliseconds; injected so tests control time. */
  now: () => number;
  /** The built web app to serve at every address outside /api/; without it, the server is the API only. */
  web?: WebApp;
}

/** Who is asking: a signed-in person (cookie session) or a program with an API key. */
export type Actor =
  | { kind: 'user'; user: User; csrfToken: string; tokenHash: string }
  | { kind: 'key'; key: ApiKey };

/** A request's access to one workspace, once checked. */
export interface WorkspaceAccess {
  workspace: Workspace;
  actor: Actor;
  /** The person's role; undefined for API keys. */
  role?: Role;
}

export interface AppEnv {
  Variables: {
    actor?: Actor;
  };
}
