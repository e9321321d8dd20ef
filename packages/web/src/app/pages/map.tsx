/**
 * `/w/<workspace>/maps/<map>`: a map, drawn read-only and zoomable, with its title, version, who
 * saved it, its downloads and, for editors and owners, its share links. The editor will take the
 * canvas of the same frame.
 */

import { MapAnalyticsLink, MapNumbers, MapNumbersToggle } from '../analytics/map-numbers.tsx';
import type { ExportFormat, JourneyMap, MapVersion, StoredMap, WorkspaceWithRole } from '../api/types.ts';
import { formatDateTime, formatRelative } from '../i18n/format.ts';
import { useI18n, useTitle } from '../i18n/i18n.tsx';
import { LANGUAGE_NAMES, type UiLanguage } from '../i18n/languages.ts';
import { DownloadLinks, MapFrame } from '../map/map-frame.tsx';
import { MapView } from '../map/map-view.tsx';
import { ShareLinks } from '../map/share-links.tsx';
import { paths } from '../paths.ts';
import { Link, useRouter, useSearchParam } from '../router/router.tsx';
import { may, useApi } from '../session/session.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { Shell } from '../ui/shell.tsx';
import { useResource } from '../ui/use-resource.ts';

/** The downloads offered on a map's page, in this order. */
export const PAGE_EXPORT_FORMATS = [
  'pdf',
  'png',
  'svg',
  'md',
  'csv',
  'yaml',
] as const satisfies readonly ExportFormat[];

export function MapPage({ workspace, mapId }: { workspace: WorkspaceWithRole; mapId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const loaded = useResource(`map/${workspace.slug}/${mapId}`, async (signal) => {
    const [map, versions] = await Promise.all([
      api.map(workspace.slug, mapId, signal),
      api.mapVersions(workspace.slug, mapId, signal),
    ]);
    return { map, versions };
  });
  useTitle(loaded.status === 'ready' ? loaded.data.map.title : t.mapPage.title);
  return (
    <Shell workspace={workspace} section="maps" wide>
      <Loaded resource={loaded}>
        {(data) => <MapPageFrame workspace={workspace} map={data.map} versions={data.versions} />}
      </Loaded>
    </Shell>
  );
}

function MapPageFrame({
  workspace,
  map,
  versions,
}: {
  workspace: WorkspaceWithRole;
  map: StoredMap;
  versions: MapVersion[];
}) {
  const { t, language } = useI18n();
  const api = useApi();
  const { location, navigate } = useRouter();
  // Shown numbers are in the address (`?numbers=on`), so a link can open the map with them.
  const numbersShown = useSearchParam('numbers') === 'on';
  const current = versions.find((version) => version.version === map.version);
  const when = formatRelative(language, map.updatedAt, Date.now());
  const author = current?.author?.name;
  return (
    <MapFrame
      back={<Link to={paths.maps(workspace.slug)}>{t.app.backTo(t.maps.title.toLowerCase())}</Link>}
      title={map.title}
      lang={map.document.language}
      meta={
        <>
          {t.mapPage.version(map.version)} ·{' '}
          <time
            dateTime={new Date(map.updatedAt).toISOString()}
            title={formatDateTime(language, map.updatedAt)}
          >
            {author ? t.mapPage.savedBy(author, when) : t.mapPage.savedByTouchline(when)}
          </time>
        </>
      }
      toolbar={
        <>
          <DownloadLinks
            formats={PAGE_EXPORT_FORMATS}
            hrefOf={(format) => api.exportUrl(workspace.slug, map.id, format, map.version)}
          />
          <div className="map-analytics">
            <MapNumbersToggle
              shown={numbersShown}
              onToggle={() =>
                navigate(`${location.pathname}${numbersShown ? '' : '?numbers=on'}`, { replace: true })
              }
            />
            <MapAnalyticsLink workspace={workspace.slug} mapId={map.id} />
          </div>
        </>
      }
      panelLabel={t.mapPage.panel}
      panel={
        <>
          <MapFacts document={map.document} createdAt={map.createdAt} />
          {may(workspace.role, 'write') && <ShareLinks workspace={workspace.slug} mapId={map.id} />}
        </>
      }
    >
      <MapView src={api.exportUrl(workspace.slug, map.id, 'svg', map.version)} title={map.title} />
      {numbersShown && <MapNumbers workspace={workspace.slug} mapId={map.id} document={map.document} />}
    </MapFrame>
  );
}

/** What the map is: its language, style and size. */
export function MapFacts({ document, createdAt }: { document: JourneyMap; createdAt?: number }) {
  const { t, language } = useI18n();
  const steps = document.stages.reduce((sum, stage) => sum + stage.steps.length, 0);
  const styles = t.mapPage.styles as Partial<Record<string, string>>;
  return (
    <dl className="facts">
      <dt>{t.mapPage.language}</dt>
      <dd>{LANGUAGE_NAMES[document.language as UiLanguage] ?? document.language}</dd>
      <dt>{t.mapPage.style}</dt>
      <dd>{styles[document.style] ?? document.style}</dd>
      <dt>{t.mapPage.stages}</dt>
      <dd>{document.stages.length}</dd>
      <dt>{t.mapPage.steps}</dt>
      <dd>{steps}</dd>
      {createdAt !== undefined && (
        <>
          <dt>{t.mapPage.created}</dt>
          <dd>{formatDateTime(language, createdAt)}</dd>
        </>
      )}
    </dl>
  );
}
