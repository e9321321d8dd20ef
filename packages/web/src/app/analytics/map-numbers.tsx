/**
 * The map page's numbers: when shown, the stage report and the touches before conversion of the
 * map are fetched and drawn as a strip of cards under the drawing (`StageNumbers`).
 */
import type { JourneyMap } from '@touchline/core';
import { useId, useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { paths } from '../paths.ts';
import { Link } from '../router/router.tsx';
import { useApi } from '../session/session.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { useResource } from '../ui/use-resource.ts';
import { analyticsText } from './format.ts';
import { measureKey, reportQuery, searchOf, touchesQuery } from './query.ts';
import { StageNumbers } from './stage-numbers.tsx';
import { mapOverlay } from './transform/overlay.ts';

/** The button that shows or hides the numbers; pressed while they show. */
export function MapNumbersToggle({ shown, onToggle }: { shown: boolean; onToggle(): void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button" aria-pressed={shown} onClick={onToggle}>
      {t.analytics.overlay.show}
    </button>
  );
}

/** A link to the analytics pages with this map chosen. */
export function MapAnalyticsLink({ workspace, mapId }: { workspace: string; mapId: string }) {
  const { t } = useI18n();
  return (
    <Link to={paths.analytics(workspace, 'funnel', searchOf({ map: mapId }))} className="button">
      {t.analytics.openFromMap}
    </Link>
  );
}

export function MapNumbers({
  workspace,
  mapId,
  document,
}: {
  workspace: string;
  mapId: string;
  document: JourneyMap;
}) {
  const { t, language } = useI18n();
  const api = useApi();
  const id = useId();
  const report = reportQuery(mapId, {});
  const touches = touchesQuery({});
  const loaded = useResource(`${measureKey('report', report)}&${measureKey('touches', touches)}`, (signal) =>
    Promise.all([api.report(workspace, report, signal), api.touches(workspace, touches, signal)]),
  );
  const text = useMemo(() => analyticsText(language, t.analytics.durations), [language, t]);
  return (
    <section
      className="map-numbers"
      aria-labelledby={id}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus, to scroll by keys.
      tabIndex={0}
    >
      <div className="map-numbers-header">
        <h2 id={id}>{t.analytics.overlay.title}</h2>
        <Link to={paths.analytics(workspace, 'funnel', searchOf({ map: mapId }))}>
          {t.analytics.overlay.openAnalytics}
        </Link>
      </div>
      <Loaded resource={loaded}>
        {([reportJson, touchesJson]) => {
          const overlay = mapOverlay(reportJson, touchesJson, document);
          return (
            <>
              <p className="muted">{t.analytics.overlay.intro(text.count(overlay.customers))}</p>
              <StageNumbers overlay={overlay} text={text} mapLanguage={document.language} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
