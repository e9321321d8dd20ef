/**
 * The frame of every page: a skip link, the header (the app's name, the workspace's navigation,
 * the language switch, who is signed in) and the main landmark. After a navigation inside the
 * app, focus moves to the main content, as a page load would put a screen reader there.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import type { WorkspaceWithRole } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LANGUAGE_NAMES, UI_LANGUAGES, type UiLanguage } from '../i18n/languages.ts';
import { paths } from '../paths.ts';
import { Link, useRouter } from '../router/router.tsx';
import { may, useSessionContext } from '../session/session.tsx';
import { useAction } from './forms.tsx';

export type WorkspaceSection = 'maps' | 'analytics' | 'people' | 'keys';

interface ShellProps {
  children: ReactNode;
  /** The workspace the page belongs to: its navigation is shown. */
  workspace?: WorkspaceWithRole;
  section?: WorkspaceSection;
  /** The main area takes the whole window (the map page) instead of a readable column. */
  wide?: boolean;
}

export function Shell({ children, workspace, section, wide = false }: ShellProps) {
  const { t } = useI18n();
  const { navigations } = useRouter();
  const main = useRef<HTMLElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the page first shows.
  useEffect(() => {
    if (navigations > 0) main.current?.focus({ preventScroll: true });
  }, []);

  return (
    <div className={wide ? 'shell shell-wide' : 'shell'}>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="app-header">
        <div className="app-header-row">
          <Link to={paths.home()} className="brand">
            <img src="/favicon.svg" alt="" width="24" height="24" />
            <span>{t.app.name}</span>
          </Link>
          {workspace && <WorkspaceNav workspace={workspace} section={section} />}
          <div className="app-header-end">
            <LanguageSwitch />
            <SignedIn />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={wide ? 'main main-wide' : 'main'}>
        {children}
      </main>
    </div>
  );
}

function WorkspaceNav({ workspace, section }: { workspace: WorkspaceWithRole; section?: WorkspaceSection }) {
  const { t } = useI18n();
  const items: { id: WorkspaceSection; label: string; to: string }[] = [
    { id: 'maps', label: t.nav.maps, to: paths.maps(workspace.slug) },
    { id: 'analytics', label: t.analytics.title, to: paths.analytics(workspace.slug, 'funnel') },
    { id: 'people', label: t.nav.people, to: paths.people(workspace.slug) },
  ];
  if (may(workspace.role, 'manage'))
    items.push({ id: 'keys', label: t.nav.keys, to: paths.keys(workspace.slug) });
  return (
    <nav aria-label={t.nav.label} className="workspace-nav">
      <Link to={paths.maps(workspace.slug)} className="workspace-name">
        {workspace.name}
      </Link>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <Link to={item.to} aria-current={item.id === section ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t.app.language}</span>
      <select value={language} onChange={(event) => setLanguage(event.target.value as UiLanguage)}>
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

function SignedIn() {
  const { t } = useI18n();
  const { state, signOut } = useSessionContext();
  const { navigate } = useRouter();
  const leave = useAction(async () => {
    await signOut();
    navigate(paths.signIn(), { replace: true });
  });
  if (state.status !== 'signed-in') return null;
  return (
    <div className="signed-in">
      <span className="signed-in-name" title={state.session.user.email}>
        <span className="visually-hidden">{t.app.signedInAs(state.session.user.name)}</span>
        <span aria-hidden="true">{state.session.user.name}</span>
      </span>
      <button type="button" className="button button-quiet" onClick={() => leave.run()} disabled={leave.busy}>
        {t.app.signOut}
      </button>
    </div>
  );
}

/** A page's heading row: the title and, beside it, its main actions. */
export function PageHeader({
  title,
  children,
  lang,
}: {
  title: string;
  children?: ReactNode;
  lang?: string;
}) {
  return (
    <div className="page-header">
      <h1 lang={lang}>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </div>
  );
}

/** Shown while a page's data loads: a polite status, not an alert. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t.app.loading}
    </p>
  );
}
