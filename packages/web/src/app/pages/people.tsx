/**
 * `/w/<workspace>/people`: who belongs to the workspace. Owners change roles, remove members,
 * invite people (the invitation link is shown once) and revoke open invitations.
 */
import { useId, useState } from 'react';
import type { Invitation, Member, Role, WorkspaceWithRole } from '../api/types.ts';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { useI18n, useTitle } from '../i18n/i18n.tsx';
import { absoluteUrl, paths } from '../paths.ts';
import { may, useApi, useSession } from '../session/session.tsx';
import { CopyField } from '../ui/copy-field.tsx';
import { ErrorNotice } from '../ui/errors.tsx';
import { type Action, formText, SelectField, submitWith, TextField, useAction } from '../ui/forms.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { PageHeader, Shell } from '../ui/shell.tsx';
import { useResource } from '../ui/use-resource.ts';

const ROLES: readonly Role[] = ['viewer', 'editor', 'owner'];

export function PeoplePage({ workspace }: { workspace: WorkspaceWithRole }) {
  const { t } = useI18n();
  useTitle(`${t.people.title} · ${workspace.name}`);
  const owner = may(workspace.role, 'manage');
  const [invitationsVersion, setInvitationsVersion] = useState(0);
  return (
    <Shell workspace={workspace} section="people">
      <PageHeader title={t.people.title} />
      <div className="stack-large">
        <Members workspace={workspace.slug} owner={owner} />
        {owner && (
          <>
            <InviteForm workspace={workspace.slug} onInvited={() => setInvitationsVersion((n) => n + 1)} />
            <Invitations workspace={workspace.slug} version={invitationsVersion} />
          </>
        )}
      </div>
    </Shell>
  );
}

function Members({ workspace, owner }: { workspace: string; owner: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const me = useSession().user;
  const headingId = useId();
  const members = useResource(`members/${workspace}`, (signal) => api.members(workspace, signal));
  const [status, setStatus] = useState('');
  const change = useAction(async (member: Member, role: Role) => {
    setStatus('');
    await api.setRole(workspace, member.id, role);
    setStatus(t.people.roleChanged(member.name, t.roles[role]));
    members.reload();
  });
  const remove = useAction(async (member: Member) => {
    setStatus('');
    await api.removeMember(workspace, member.id);
    setStatus(t.people.removed(member.name));
    members.reload();
  });
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t.people.members}</h2>
      <p role="status" className="status-line">
        {status}
      </p>
      <ErrorNotice error={change.error ?? remove.error} />
      <Loaded resource={members}>
        {(list) => (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.people.name}</th>
                  <th scope="col">{t.people.email}</th>
                  <th scope="col">{t.people.role}</th>
                  <th scope="col">{t.people.joined}</th>
                  {owner && (
                    <th scope="col">
                      <span className="visually-hidden">{t.people.actions}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">
                      {member.name} {member.id === me.id && <span className="muted">{t.people.you}</span>}
                    </th>
                    <td>{member.email}</td>
                    <td>
                      {owner ? (
                        <select
                          aria-label={t.people.roleOf(member.name)}
                          value={member.role}
                          disabled={change.busy}
                          onChange={(event) => change.run(member, event.target.value as Role)}
                        >
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {t.roles[role]}
                            </option>
                          ))}
                        </select>
                      ) : (
                        t.roles[member.role]
                      )}
                    </td>
                    <td>
                      <DateCell at={member.joinedAt} />
                    </td>
                    {owner && (
                      <td>
                        {member.id !== me.id && (
                          <button
                            type="button"
                            className="button button-small button-danger"
                            disabled={remove.busy}
                            onClick={() => remove.run(member)}
                            aria-label={t.people.removeMember(member.name)}
                          >
                            {t.people.remove}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
    </section>
  );
}

function DateCell({ at }: { at: number }) {
  const { language } = useI18n();
  return (
    <time dateTime={new Date(at).toISOString()} title={formatDateTime(language, at)}>
      {formatDate(language, at)}
    </time>
  );
}

function InviteForm({ workspace, onInvited }: { workspace: string; onInvited: () => void }) {
  const { t, language } = useI18n();
  const api = useApi();
  const headingId = useId();
  const [invited, setInvited] = useState<{ email: string; link: string; expiresAt: number }>();
  const invite = useAction(async (form: FormData, element: HTMLFormElement) => {
    const { invitation, token } = await api.invite(
      workspace,
      formText(form, 'email'),
      formText(form, 'role') as Role,
    );
    setInvited({
      email: invitation.email,
      link: absoluteUrl(paths.invite(token)),
      expiresAt: invitation.expiresAt,
    });
    element.reset();
    onInvited();
  });
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t.people.inviteTitle}</h2>
      <p className="muted">{t.people.inviteIntro}</p>
      <form className="form form-inline" onSubmit={submitWith(invite.run)}>
        <TextField
          label={t.people.email}
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="off"
        />
        <SelectField label={t.people.role} name="role" defaultValue="editor">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t.roles[role]} – {t.roleHints[role]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-primary" disabled={invite.busy}>
          {t.people.invite}
        </button>
      </form>
      <ErrorNotice error={invite.error} />
      {invited && (
        <div className="once">
          <p>{t.people.invited(invited.email, formatDate(language, invited.expiresAt))}</p>
          <CopyField label={t.people.invitationLink} value={invited.link} />
        </div>
      )}
    </section>
  );
}

function Invitations({ workspace, version }: { workspace: string; version: number }) {
  const { t } = useI18n();
  const api = useApi();
  const headingId = useId();
  const invitations = useResource(`invitations/${workspace}/${version}`, (signal) =>
    api.invitations(workspace, signal),
  );
  const revoke = useAction(async (invitation: Invitation) => {
    await api.revokeInvitation(workspace, invitation.id);
    invitations.reload();
  });
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t.people.invitations}</h2>
      <ErrorNotice error={revoke.error} />
      <Loaded resource={invitations}>
        {(list) => <OpenInvitations invitations={list} revoke={revoke} />}
      </Loaded>
    </section>
  );
}

/** The invitations nobody accepted yet, that were not revoked and have not expired. */
function OpenInvitations({
  invitations,
  revoke,
}: {
  invitations: Invitation[];
  revoke: Action<[Invitation]>;
}) {
  const { t, language } = useI18n();
  const now = Date.now();
  const open = invitations.filter((i) => i.acceptedAt === null && i.revokedAt === null && i.expiresAt > now);
  return open.length === 0 ? (
    <p className="muted">{t.people.noInvitations}</p>
  ) : (
    <ul className="invitation-list">
      {open.map((invitation) => (
        <li key={invitation.id}>
          <span>
            {invitation.email} · {t.roles[invitation.role]} ·{' '}
            {t.people.expires(formatDate(language, invitation.expiresAt))}
          </span>
          <button
            type="button"
            className="button button-small button-danger"
            disabled={revoke.busy}
            onClick={() => revoke.run(invitation)}
            aria-label={t.people.revokeInvitation(invitation.email)}
          >
            {t.people.revoke}
          </button>
        </li>
      ))}
    </ul>
  );
}
