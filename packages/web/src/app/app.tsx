/**
 * The app: its providers (language, session, router) and the route table. Pages that are not
 * needed to sign in or see the maps load on first use, so the first page stays small; the map
 * page (later the editor) is one of them.
 */
import { lazy, Suspense } from 'react';
import { I18nProvider } from './i18n/i18n.tsx';
import { InvitePage, SignInPage, SignUpPage } from './pages/auth.tsx';
import { MapsPage } from './pages/maps.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { WorkspacesPage } from './pages/workspaces.tsx';
import { PATTERNS } from './paths.ts';
import { type Route, RouterProvider, Routes, route } from './router/router.tsx';
import { GuestOnly, InWorkspace, RequireUser } from './session/guards.tsx';
import { SessionProvider } from './session/session.tsx';
import { Loading, Shell } from './ui/shell.tsx';

const MapPage = lazy(() => import('./pages/map.tsx').then((module) => ({ default: module.MapPage })));
const SharedMapPage = lazy(() =>
  import('./pages/shared-map.tsx').then((module) => ({ default: module.SharedMapPage })),
);
const NewMapPage = lazy(() =>
  import('./pages/new-map.tsx').then((module) => ({ default: module.NewMapPage })),
);
const PeoplePage = lazy(() =>
  import('./pages/people.tsx').then((module) => ({ default: module.PeoplePage })),
);
const KeysPage = lazy(() => import('./pages/keys.tsx').then((module) => ({ default: module.KeysPage })));
// The charts (ECharts) load with the analytics pages only.
const AnalyticsPage = lazy(() =>
  import('./analytics/analytics-page.tsx').then((module) => ({ default: module.AnalyticsPage })),
);

export const ROUTES: readonly Route[] = [
  route(PATTERNS.signIn, () => (
    <GuestOnly>
      <SignInPage />
    </GuestOnly>
  )),
  route(PATTERNS.signUp, () => (
    <GuestOnly>
      <SignUpPage />
    </GuestOnly>
  )),
  route(PATTERNS.invite, ({ token }) => <InvitePage token={token} />),
  route(PATTERNS.shared, ({ token }) => <SharedMapPage token={token} />),
  route(PATTERNS.home, () => (
    <RequireUser>
      <WorkspacesPage />
    </RequireUser>
  )),
  route(PATTERNS.maps, ({ workspace }) => (
    <InWorkspace slug={workspace}>{(ws) => <MapsPage workspace={ws} />}</InWorkspace>
  )),
  // Before the map's pattern, which `new` would match too.
  route(PATTERNS.newMap, ({ workspace }) => (
    <InWorkspace slug={workspace}>{(ws) => <NewMapPage workspace={ws} />}</InWorkspace>
  )),
  route(PATTERNS.map, ({ workspace, map }) => (
    <InWorkspace slug={workspace}>{(ws) => <MapPage workspace={ws} mapId={map} />}</InWorkspace>
  )),
  route(PATTERNS.people, ({ workspace }) => (
    <InWorkspace slug={workspace}>{(ws) => <PeoplePage workspace={ws} />}</InWorkspace>
  )),
  route(PATTERNS.keys, ({ workspace }) => (
    <InWorkspace slug={workspace}>{(ws) => <KeysPage workspace={ws} />}</InWorkspace>
  )),
  route(PATTERNS.analyticsHome, ({ workspace }) => (
    <InWorkspace slug={workspace}>{(ws) => <AnalyticsPage workspace={ws} measure="funnel" />}</InWorkspace>
  )),
  route(PATTERNS.analytics, ({ workspace, measure }) => (
    <InWorkspace slug={workspace}>{(ws) => <AnalyticsPage workspace={ws} measure={measure} />}</InWorkspace>
  )),
];

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <RouterProvider>
          <Suspense
            fallback={
              <Shell>
                <Loading />
              </Shell>
            }
          >
            <Routes routes={ROUTES} fallback={<NotFoundPage />} />
          </Suspense>
        </RouterProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
