/** Who may see a page: signed-in people, people not signed in, members of a workspace. */
import type { ReactNode } from 'react';
import type { WorkspaceWithRole } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { NotFoundPage } from '../pages/not-found.tsx';
import { paths } from '../paths.ts';
import { safeNext } from '../router/match.ts';
import { Redirect, useRouter, useSearchParam } from '../router/router.tsx';
import { ErrorNotice } from '../ui/errors.tsx';
import { Loading, Shell } from '../ui/shell.tsx';
import { useSessionContext } from './session.tsx';

/** Signed-in people see `children`; others go to sign in, and come back here after. */
export function RequireUser({ children }: { children: ReactNode }) {
  const { state, refresh } = useSessionContext();
  const { location } = useRouter();
  if (state.status === 'loading')
    return (
      <Shell>
        <Loading />
      </Shell>
    );
  if (state.status === 'failed')
    return (
      <Shell>
        <ErrorNotice error={state.error} onRetry={refresh} />
      </Shell>
    );
  if (state.status === 'signed-out')
    return <Redirect to={paths.signIn(location.pathname + location.search)} />;
  return <>{children}</>;
}

/** Sign-in and sign-up: someone signed in goes on to where they were going (`?next=`), or home. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { state } = useSessionContext();
  const next = safeNext(useSearchParam('next'));
  if (state.status === 'loading')
    return (
      <Shell>
        <Loading />
      </Shell>
    );
  if (state.status === 'signed-in') return <Redirect to={next} />;
  return <>{children}</>;
}

/** A page of a workspace the signed-in person is a member of; others see that it is not there. */
export function InWorkspace({
  slug,
  children,
}: {
  slug: string;
  children: (workspace: WorkspaceWithRole) => ReactNode;
}) {
  return (
    <RequireUser>
      <MemberOf slug={slug}>{children}</MemberOf>
    </RequireUser>
  );
}

function MemberOf({
  slug,
  children,
}: {
  slug: string;
  children: (workspace: WorkspaceWithRole) => ReactNode;
}) {
  const { t } = useI18n();
  const { state } = useSessionContext();
  const workspace =
    state.status === 'signed-in' ? state.session.workspaces.find((w) => w.slug === slug) : undefined;
  if (!workspace) return <NotFoundPage text={t.workspaces.notFound} />;
  return <>{children(workspace)}</>;
}
