/** `/w/<workspace>`: the workspace's maps as cards, each with a small drawing of the map. */
import type { MapCard, WorkspaceWithRole } from '../api/types.ts';
import { formatRelative } from '../i18n/format.ts';
import { useI18n, useTitle } from '../i18n/i18n.tsx';
import { LANGUAGE_NAMES, type UiLanguage } from '../i18n/languages.ts';
import { paths } from '../paths.ts';
import { Link } from '../router/router.tsx';
import { may, useApi } from '../session/session.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { PageHeader, Shell } from '../ui/shell.tsx';
import { useResource } from '../ui/use-resource.ts';

export function MapsPage({ workspace }: { workspace: WorkspaceWithRole }) {
  const { t } = useI18n();
  useTitle(`${t.maps.title} · ${workspace.name}`);
  const api = useApi();
  const maps = useResource(`maps/${workspace.slug}`, (signal) => api.maps(workspace.slug, signal));
  const canWrite = may(workspace.role, 'write');
  return (
    <Shell workspace={workspace} section="maps">
      <PageHeader title={t.maps.title}>
        {canWrite && (
          <Link to={paths.newMap(workspace.slug)} className="button button-primary">
            {t.maps.newMap}
          </Link>
        )}
      </PageHeader>
      <Loaded resource={maps}>
        {(cards) =>
          cards.length === 0 ? (
            <p className="empty">{canWrite ? t.maps.emptyEditor : t.maps.empty}</p>
          ) : (
            <ul className="map-cards">
              {cards.map((card) => (
                <MapCardItem key={card.id} workspace={workspace.slug} card={card} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </Shell>
  );
}

function MapCardItem({ workspace, card }: { workspace: string; card: MapCard }) {
  const { t, language } = useI18n();
  const api = useApi();
  const when = formatRelative(language, card.updatedAt, Date.now());
  const mapLanguage = LANGUAGE_NAMES[card.language as UiLanguage] ?? card.language;
  return (
    <li className="card map-card">
      <div className="map-card-thumbnail">
        {/* The map's own drawing, scaled down; decorative: the title says what it is. */}
        <img
          src={api.exportUrl(workspace, card.id, 'svg', card.version)}
          alt=""
          loading="lazy"
          decoding="async"
        />
      </div>
      <div className="map-card-body">
        <h2 lang={card.language}>
          <Link to={paths.map(workspace, card.id)} className="card-link">
            {card.title}
          </Link>
        </h2>
        <p className="muted">
          {t.maps.version(card.version)} ·{' '}
          {card.updatedByName ? t.maps.savedBy(card.updatedByName, when) : t.maps.savedByTouchline(when)}
        </p>
        <p className="muted">
          {t.maps.size(card.stageCount, card.stepCount)} ·{' '}
          <abbr title={t.maps.mapLanguage(mapLanguage)}>{card.language.toUpperCase()}</abbr>
        </p>
      </div>
    </li>
  );
}
