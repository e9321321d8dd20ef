/** `/shared/<token>`: a map shared by link, read only, for anyone who has the link. */
import type { SharedExportFormat } from '../api/types.ts';
import { formatDateTime, formatRelative } from '../i18n/format.ts';
import { useI18n, useTitle } from '../i18n/i18n.tsx';
import { DownloadLinks, MapFrame } from '../map/map-frame.tsx';
import { MapView } from '../map/map-view.tsx';
import { useApi } from '../session/session.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { Shell } from '../ui/shell.tsx';
import { useResource } from '../ui/use-resource.ts';
import { MapFacts } from './map.tsx';

const SHARED_FORMATS = ['pdf', 'png', 'svg', 'md', 'csv'] as const satisfies readonly SharedExportFormat[];

export function SharedMapPage({ token }: { token: string }) {
  const { t, language } = useI18n();
  const api = useApi();
  const shared = useResource(`shared/${token}`, (signal) => api.shared(token, signal));
  useTitle(shared.status === 'ready' ? shared.data.title : t.mapPage.sharedTitle);
  return (
    <Shell wide>
      <Loaded resource={shared}>
        {(map) => (
          <MapFrame
            title={map.title}
            lang={map.document.language}
            meta={
              <>
                {t.mapPage.sharedTitle} · {t.mapPage.version(map.version)} ·{' '}
                <time title={formatDateTime(language, map.updatedAt)}>
                  {formatRelative(language, map.updatedAt, Date.now())}
                </time>
              </>
            }
            toolbar={
              <DownloadLinks
                formats={SHARED_FORMATS}
                hrefOf={(format) => api.sharedExportUrl(token, format)}
              />
            }
            panelLabel={t.mapPage.panel}
            panel={
              <>
                <p className="muted">{t.mapPage.sharedNotice}</p>
                <MapFacts document={map.document} />
              </>
            }
          >
            <MapView src={api.sharedExportUrl(token, 'svg')} title={map.title} />
          </MapFrame>
        )}
      </Loaded>
    </Shell>
  );
}
