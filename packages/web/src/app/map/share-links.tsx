/** A map's share links (editors and owners): made with an expiry, copied once, revoked. */
import { useId, useState } from 'react';
import type { ShareLink } from '../api/types.ts';
import { formatDate, formatRelative } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { absoluteUrl, paths } from '../paths.ts';
import { useApi } from '../session/session.tsx';
import { CopyField } from '../ui/copy-field.tsx';
import { ErrorNotice } from '../ui/errors.tsx';
import { formText, SelectField, submitWith, useAction } from '../ui/forms.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { useResource } from '../ui/use-resource.ts';

const EXPIRIES = ['1', '7', '30', '90', 'never'] as const;

export function ShareLinks({ workspace, mapId }: { workspace: string; mapId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const headingId = useId();
  const links = useResource(`share-links/${workspace}/${mapId}`, (signal) =>
    api.shareLinks(workspace, mapId, signal),
  );
  const [made, setMade] = useState<string>();
  const create = useAction(async (form: FormData) => {
    const expiry = formText(form, 'expiry');
    const created = await api.createShareLink(
      workspace,
      mapId,
      expiry === 'never' ? {} : { expiresInDays: Number(expiry) },
    );
    setMade(absoluteUrl(paths.shared(created.token)));
    links.reload();
  });
  const revoke = useAction(async (link: string) => {
    await api.revokeShareLink(workspace, mapId, link);
    links.reload();
  });
  return (
    <section aria-labelledby={headingId} className="share-links">
      <h3 id={headingId}>{t.share.title}</h3>
      <p className="muted">{t.share.intro}</p>
      <form className="form form-inline" onSubmit={submitWith(create.run)}>
        <SelectField label={t.share.expiry} name="expiry" defaultValue="30">
          {EXPIRIES.map((expiry) => (
            <option key={expiry} value={expiry}>
              {t.share.expiries[expiry]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={create.busy}>
          {t.share.create}
        </button>
      </form>
      <ErrorNotice error={create.error} />
      {made && (
        <div className="once">
          <p>{t.share.created}</p>
          <CopyField label={t.share.link} value={made} />
        </div>
      )}
      <ErrorNotice error={revoke.error} />
      <Loaded resource={links}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t.share.none}</p>
          ) : (
            <ul className="share-link-list">
              {list.map((link) => (
                <ShareLinkItem
                  key={link.id}
                  link={link}
                  onRevoke={() => revoke.run(link.id)}
                  busy={revoke.busy}
                />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function ShareLinkItem({ link, onRevoke, busy }: { link: ShareLink; onRevoke: () => void; busy: boolean }) {
  const { t, language } = useI18n();
  const made = formatRelative(language, link.createdAt, Date.now());
  const status = link.revokedAt !== null ? t.share.revoked : link.active ? t.share.active : t.share.expired;
  return (
    <li className={link.active ? 'share-link' : 'share-link share-link-inactive'}>
      <span>
        {t.share.made(made)} ·{' '}
        {link.expiresAt === null
          ? t.share.neverExpires
          : t.share.expires(formatDate(language, link.expiresAt))}
      </span>
      <span className="badge">{status}</span>
      {link.active && (
        <button
          type="button"
          className="button button-small button-danger"
          onClick={onRevoke}
          disabled={busy}
          aria-label={t.share.revokeLink(made)}
        >
          {t.share.revoke}
        </button>
      )}
    </li>
  );
}
