/**
 * `/w/<workspace>/keys`: the workspace's API keys (owners). A new key is shown once, with a copy
 * button; an ingest key comes with the snippet to paste into the site's pages.
 */
import { useId, useState } from 'react';
import type { ApiKey, ApiKeyScope, WorkspaceWithRole } from '../api/types.ts';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { useI18n, useTitle } from '../i18n/i18n.tsx';
import { may, useApi } from '../session/session.tsx';
import { CopyField } from '../ui/copy-field.tsx';
import { ErrorNotice } from '../ui/errors.tsx';
import { formText, submitWith, TextField, useAction } from '../ui/forms.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { PageHeader, Shell } from '../ui/shell.tsx';
import { useResource } from '../ui/use-resource.ts';

const SCOPES: readonly ApiKeyScope[] = ['ingest', 'read'];

/** The tag a site pastes into its pages to send events with an ingest key. */
export function snippetTag(origin: string, key: string): string {
  return `<script async src="${origin}/touchline.js" data-key="${key}"></script>`;
}

export function KeysPage({ workspace }: { workspace: WorkspaceWithRole }) {
  const { t } = useI18n();
  useTitle(`${t.keys.title} · ${workspace.name}`);
  return (
    <Shell workspace={workspace} section="keys">
      <PageHeader title={t.keys.title} />
      <p className="lead">{t.keys.intro}</p>
      {may(workspace.role, 'manage') ? (
        <Keys workspace={workspace.slug} />
      ) : (
        <p className="notice">{t.keys.ownersOnly}</p>
      )}
    </Shell>
  );
}

function Keys({ workspace }: { workspace: string }) {
  const { t } = useI18n();
  const api = useApi();
  const listId = useId();
  const keys = useResource(`keys/${workspace}`, (signal) => api.keys(workspace, signal));
  const revoke = useAction(async (key: ApiKey) => {
    await api.revokeKey(workspace, key.id);
    keys.reload();
  });
  return (
    <div className="stack-large">
      <CreateKey workspace={workspace} onCreated={keys.reload} />
      <section aria-labelledby={listId} className="panel">
        <h2 id={listId}>{t.keys.listTitle}</h2>
        <ErrorNotice error={revoke.error} />
        <Loaded resource={keys}>
          {(list) =>
            list.length === 0 ? (
              <p className="muted">{t.keys.none}</p>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t.keys.name}</th>
                      <th scope="col">{t.keys.scope}</th>
                      <th scope="col">{t.keys.startsWith}</th>
                      <th scope="col">{t.keys.created}</th>
                      <th scope="col">{t.keys.lastUsed}</th>
                      <th scope="col">{t.keys.status}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t.people.actions}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((key) => (
                      <KeyRow key={key.id} apiKey={key} busy={revoke.busy} onRevoke={() => revoke.run(key)} />
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loaded>
      </section>
    </div>
  );
}

function KeyRow({ apiKey, busy, onRevoke }: { apiKey: ApiKey; busy: boolean; onRevoke: () => void }) {
  const { t, language } = useI18n();
  const revoked = apiKey.revokedAt !== null;
  return (
    <tr className={revoked ? 'row-inactive' : undefined}>
      <th scope="row">{apiKey.name}</th>
      <td>{t.keys.scopes[apiKey.scope]}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td title={formatDateTime(language, apiKey.createdAt)}>{formatDate(language, apiKey.createdAt)}</td>
      <td>{apiKey.lastUsedAt === null ? t.keys.never : formatDateTime(language, apiKey.lastUsedAt)}</td>
      <td>
        <span className="badge">{revoked ? t.keys.revoked : t.keys.active}</span>
      </td>
      <td>
        {!revoked && (
          <button
            type="button"
            className="button button-small button-danger"
            disabled={busy}
            onClick={onRevoke}
            aria-label={t.keys.revokeKey(apiKey.name)}
          >
            {t.keys.revoke}
          </button>
        )}
      </td>
    </tr>
  );
}

function CreateKey({ workspace, onCreated }: { workspace: string; onCreated: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const headingId = useId();
  const [created, setCreated] = useState<{ key: string; scope: ApiKeyScope }>();
  const create = useAction(async (form: FormData, element: HTMLFormElement) => {
    const scope = formText(form, 'scope') as ApiKeyScope;
    const { key } = await api.createKey(workspace, formText(form, 'name').trim(), scope);
    setCreated({ key, scope });
    element.reset();
    onCreated();
  });
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t.keys.createTitle}</h2>
      <form className="form" onSubmit={submitWith(create.run)}>
        <TextField
          label={t.keys.name}
          name="name"
          required
          maxLength={100}
          placeholder={t.keys.namePlaceholder}
        />
        <fieldset className="radio-group">
          <legend>{t.keys.scope}</legend>
          {SCOPES.map((scope) => (
            <ScopeOption key={scope} scope={scope} />
          ))}
        </fieldset>
        <ErrorNotice error={create.error} />
        <div>
          <button type="submit" className="button button-primary" disabled={create.busy}>
            {t.keys.create}
          </button>
        </div>
      </form>
      {created && (
        <div className="once">
          <p>{t.keys.shownOnce}</p>
          <CopyField label={t.keys.key} value={created.key} />
          {created.scope === 'ingest' && (
            <>
              <CopyField
                label={t.keys.snippet}
                value={snippetTag(window.location.origin, created.key)}
                multiline
              />
              <p className="field-hint">{t.keys.snippetHint}</p>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function ScopeOption({ scope }: { scope: ApiKeyScope }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="radio">
      <input
        type="radio"
        id={id}
        name="scope"
        value={scope}
        defaultChecked={scope === 'ingest'}
        aria-describedby={`${id}-hint`}
      />
      <label htmlFor={id}>{t.keys.scopes[scope]}</label>
      <p id={`${id}-hint`} className="field-hint">
        {t.keys.scopeHints[scope]}
      </p>
    </div>
  );
}
