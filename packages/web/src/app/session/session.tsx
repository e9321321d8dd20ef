/**
 * Who is signed in: the session (person, CSRF token, workspaces with roles) loaded once when the
 * app starts, kept in React state, and updated by signing in, up or out and by joining a
 * workspace. The API client is created here and shared through `useApi()`.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiClient } from '../api/client.ts';
import type { Role, Session, WorkspaceWithRole } from '../api/types.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: Session };

interface SessionValue {
  api: ApiClient;
  state: SessionState;
  /** Takes a session an API call returned (sign-in, sign-up). */
  signedIn(session: Session): void;
  signOut(): Promise<void>;
  /** Loads the session again (after joining a workspace, or to retry). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

export function SessionProvider({ children, api }: { children: ReactNode; api?: ApiClient }) {
  const [client] = useState(() => api ?? new ApiClient());
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const session = await client.session();
      setState(session ? { status: 'signed-in', session } : { status: 'signed-out' });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [client]);

  useEffect(() => {
    client.onUnauthenticated = () => setState({ status: 'signed-out' });
    void refresh();
    return () => {
      client.onUnauthenticated = undefined;
    };
  }, [client, refresh]);

  const value = useMemo<SessionValue>(
    () => ({
      api: client,
      state,
      signedIn: (session) => setState({ status: 'signed-in', session }),
      async signOut() {
        await client.signOut();
        setState({ status: 'signed-out' });
      },
      refresh,
    }),
    [client, state, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionContext needs a SessionProvider above it');
  return value;
}

export function useApi(): ApiClient {
  return useSessionContext().api;
}

/** The signed-in person's session; for pages behind `RequireUser` only. */
export function useSession(): Session {
  const { state } = useSessionContext();
  if (state.status !== 'signed-in') throw new Error('useSession is for pages of signed-in people');
  return state.session;
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** What a role allows, as the server decides it: editors write maps, owners manage people and keys. */
export function may(role: Role, need: 'write' | 'manage'): boolean {
  return RANK[role] >= (need === 'write' ? RANK.editor : RANK.owner);
}

export type { WorkspaceWithRole };
