/** A real server on a random loopback port over a fresh data directory, and a client that keeps its cookie. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerConfig } from '../env.ts';
import { type RunningServer, startServer } from '../serve.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  client(): TestClient;
}

/**
 * A server without the demo workspace unless asked (`demo: true`, with a small shop). It serves
 * the web app's build (packages/web/dist) unless given another `webDir`.
 */
export async function startTestServer(
  options: {
    config?: Partial<ServerConfig>;
    now?: () => number;
    demo?: boolean;
    demoCustomers?: number;
    webDir?: string | false;
  } = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'touchline-server-'));
  const running = await startServer({ dataDir, port: 0, demo: false, demoCustomers: 200, ...options });
  const server: TestServer = {
    ...running,
    dataDir,
    client: () => new TestClient(running.url),
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A person's browser, in short: the session cookie and the CSRF token it was given. */
export class TestClient {
  cookie?: string;
  csrfToken?: string;
  /** Sent as `Authorization: Bearer ...` instead of the cookie. */
  apiKey?: string;

  constructor(readonly url: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const sent: Record<string, string> = { ...headers };
    if (this.apiKey) sent.authorization = `Bearer ${this.apiKey}`;
    else if (this.cookie) {
      sent.cookie = this.cookie;
      if (this.csrfToken && method !== 'GET') sent['x-csrf-token'] ??= this.csrfToken;
    }
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      sent['content-type'] ??= typeof body === 'string' ? 'text/plain' : 'application/json';
    }
    const response = await fetch(`${this.url}${path}`, { method, headers: sent, body: payload });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('tl_session=')) {
      const value = setCookie.split(';')[0] as string;
      this.cookie = value === 'tl_session=' ? undefined : value;
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') && text ? (JSON.parse(text) as T) : (text as T);
    if (response.ok && parsed && typeof parsed === 'object' && 'csrfToken' in parsed) {
      this.csrfToken = (parsed as { csrfToken: string }).csrfToken;
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  /** A GET whose body is kept as bytes (PNG, PDF ...). */
  async download(path: string): Promise<Reply<Buffer>> {
    const headers: Record<string, string> = {};
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    else if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(`${this.url}${path}`, { headers });
    return {
      status: response.status,
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }

  /** Invites `email` into `workspace` with `role` (as this client, an owner) and signs them up. */
  async addMember(
    workspace: string,
    email: string,
    role: 'owner' | 'editor' | 'viewer',
    name = email.split('@')[0] ?? 'someone',
  ): Promise<TestClient> {
    const invited = await this.post<{ token: string }>(`/api/workspaces/${workspace}/invitations`, {
      email,
      role,
    });
    if (invited.status !== 201) throw new Error(`inviting ${email}: ${invited.status}`);
    const member = new TestClient(this.url);
    const joined = await member.post('/api/auth/signup', {
      email,
      name,
      password: 'long enough password',
      invitation: invited.body.token,
    });
    if (joined.status !== 201) throw new Error(`signing up ${email}: ${joined.status}`);
    return member;
  }

  async signUp(email: string, password = 'correct horse battery', name = email.split('@')[0] ?? 'someone') {
    return this.post<{ user: { id: string }; workspaces: { slug: string; role: string }[] }>(
      '/api/auth/signup',
      {
        email,
        name,
        password,
      },
    );
  }
}
