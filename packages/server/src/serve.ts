/**
 * Starts the service on a data directory: the service database (`touchline.sqlite`), the event
 * stores of the workspaces, and the HTTP server on `host:port` (127.0.0.1:4400 by default).
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { SERVICE_DATABASE_FILE, ServiceStore } from '@touchline/storage';
import { createApp } from './app.ts';
import { ensureDemoWorkspace } from './demo.ts';
import { DEFAULT_CONFIG, type ServerConfig, type ServerDeps } from './env.ts';
import { DEFAULT_WEB_DIR, WebApp } from './web-app.ts';
import { DirectoryWorkspaceEvents } from './workspace-events.ts';

export interface StartOptions {
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  config?: Partial<ServerConfig>;
  now?: () => number;
  /** Create the demo workspace when the server has no workspace yet (default true). */
  demo?: boolean;
  /** Customers of the demo shop (10,000 by default; tests use fewer). */
  demoCustomers?: number;
  log?: (line: string) => void;
  /** The built web app's folder (packages/web/dist by default); false serves the API only. */
  webDir?: string | false;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: ServerDeps;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4400;

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const store = ServiceStore.open(join(options.dataDir, SERVICE_DATABASE_FILE), { now });
  const events = new DirectoryWorkspaceEvents(options.dataDir);
  const webDir = options.webDir ?? DEFAULT_WEB_DIR;
  const deps: ServerDeps = {
    store,
    events,
    config: { ...DEFAULT_CONFIG, ...options.config },
    now,
    ...(webDir === false ? {} : { web: new WebApp(webDir) }),
  };
  if (options.demo ?? true) {
    await ensureDemoWorkspace(deps, {
      ...(options.demoCustomers === undefined ? {} : { customers: options.demoCustomers }),
      ...(options.log ? { log: options.log } : {}),
    });
  }
  const app = createApp(deps);
  const host = options.host ?? DEFAULT_HOST;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT }, () =>
      resolve(started),
    );
    started.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    deps,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await events.close();
      store.close();
    },
  };
}
