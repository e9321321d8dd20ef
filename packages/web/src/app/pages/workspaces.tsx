/** `/`: the workspaces the signed-in person belongs to, with their role in each. */
import { useI18n, useTitle } from '../i18n/i18n.tsx';
import { paths } from '../paths.ts';
import { Link } from '../router/router.tsx';
import { useSession } from '../session/session.tsx';
import { PageHeader, Shell } from '../ui/shell.tsx';

export function WorkspacesPage() {
  const { t } = useI18n();
  useTitle(t.workspaces.title);
  const { workspaces } = useSession();
  return (
    <Shell>
      <PageHeader title={t.workspaces.title} />
      <p className="lead">{t.workspaces.intro}</p>
      {workspaces.length === 0 ? (
        <p>{t.workspaces.none}</p>
      ) : (
        <ul className="workspace-list">
          {workspaces.map((workspace) => (
            <li key={workspace.id} className="card workspace-card">
              <h2>
                <Link to={paths.maps(workspace.slug)} className="card-link">
                  {workspace.name}
                </Link>
              </h2>
              <p className="muted">
                <span className="slug">{workspace.slug}</span> ·{' '}
                {t.workspaces.yourRole(t.roles[workspace.role].toLowerCase())}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Shell>
  );
}
