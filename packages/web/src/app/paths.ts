/** The app's addresses: each page's pattern, and the paths to link to it. */
import { pathOf } from './router/match.ts';

export const PATTERNS = {
  home: '/',
  signIn: '/signin',
  signUp: '/signup',
  invite: '/invite/:token',
  shared: '/shared/:token',
  maps: '/w/:workspace',
  newMap: '/w/:workspace/maps/new',
  map: '/w/:workspace/maps/:map',
  people: '/w/:workspace/people',
  keys: '/w/:workspace/keys',
  analyticsHome: '/w/:workspace/analytics',
  analytics: '/w/:workspace/analytics/:measure',
} as const;

export const paths = {
  home: () => PATTERNS.home,
  signIn: (next?: string) => (next && next !== '/' ? `/signin?next=${encodeURIComponent(next)}` : '/signin'),
  signUp: () => PATTERNS.signUp,
  invite: (token: string) => pathOf(PATTERNS.invite, { token }),
  shared: (token: string) => pathOf(PATTERNS.shared, { token }),
  maps: (workspace: string) => pathOf(PATTERNS.maps, { workspace }),
  newMap: (workspace: string) => pathOf(PATTERNS.newMap, { workspace }),
  map: (workspace: string, map: string) => pathOf(PATTERNS.map, { workspace, map }),
  people: (workspace: string) => pathOf(PATTERNS.people, { workspace }),
  keys: (workspace: string) => pathOf(PATTERNS.keys, { workspace }),
  /** An analytics page; `search` (`?map=…&from=…`) carries its filters. */
  analytics: (workspace: string, measure: string, search = '') =>
    `${pathOf(PATTERNS.analytics, { workspace, measure })}${search}`,
};

/** An absolute address of a path on this server, to copy and send (invitations, share links). */
export function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}
