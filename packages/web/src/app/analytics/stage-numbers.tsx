/**
 * The numbers per stage of a map, as a strip of cards in stage order: customers reached, the
 * drop-off to the next stage, each KPI's actual against its target (coloured, and said in words,
 * by whether it is on target in the KPI's direction), and the touches before conversion on the
 * stage where the conversion happens. It takes the overlay as props, so the map editor can place
 * the same cards under its own stages.
 */
import { formatKpiValue, kpiDefinition } from '@touchline/core';
import { useI18n } from '../i18n/i18n.tsx';
import type { AnalyticsText } from './format.ts';
import type { MapOverlay, OverlayKpi, StageOverlay } from './transform/overlay.ts';
import './overlay.css';

export function StageNumbers({
  overlay,
  text,
  mapLanguage,
}: {
  overlay: MapOverlay;
  text: AnalyticsText;
  /** The map's language: stage names are the map's. */
  mapLanguage: string;
}) {
  return (
    <ol className="stage-numbers">
      {overlay.stages.map((stage) => (
        <StageCard key={stage.stage} stage={stage} text={text} mapLanguage={mapLanguage} />
      ))}
    </ol>
  );
}

function StageCard({
  stage,
  text,
  mapLanguage,
}: {
  stage: StageOverlay;
  text: AnalyticsText;
  mapLanguage: string;
}) {
  const { t } = useI18n();
  const o = t.analytics.overlay;
  return (
    <li className="stage-card" data-stage={stage.stage}>
      <h3 lang={mapLanguage}>{stage.name}</h3>
      <dl className="stage-figures">
        <div>
          <dt>{o.reached}</dt>
          <dd className="stage-reached">{text.count(stage.reached)}</dd>
        </div>
        <div>
          <dt>{o.dropOff}</dt>
          <dd>
            {stage.dropOff === null
              ? o.lastStage
              : `${text.count(stage.dropOff)}${stage.dropOffRate === null ? '' : ` (${text.percent(stage.dropOffRate)})`}`}
          </dd>
        </div>
        {stage.touchesBeforeConversion && (
          <div>
            <dt>{o.touches}</dt>
            <dd>
              {o.touchesValue(
                stage.touchesBeforeConversion.median === null
                  ? '–'
                  : text.count(stage.touchesBeforeConversion.median),
                stage.touchesBeforeConversion.mean === null
                  ? '–'
                  : text.count(stage.touchesBeforeConversion.mean),
              )}
            </dd>
          </div>
        )}
      </dl>
      <h4>{o.kpis}</h4>
      {stage.kpis.length === 0 ? (
        <p className="muted">{o.noKpis}</p>
      ) : (
        <ul className="stage-kpis">
          {stage.kpis.map((kpi) => (
            <KpiLine key={kpi.kpi} kpi={kpi} />
          ))}
        </ul>
      )}
    </li>
  );
}

function KpiLine({ kpi }: { kpi: OverlayKpi }) {
  const { t, language } = useI18n();
  const o = t.analytics.overlay;
  const definition = kpiDefinition(kpi.kpi);
  const value = (number: number) => formatKpiValue(kpi.kpi, number, language);
  const higher = kpi.direction === 'higher-is-better';
  return (
    <li className={`stage-kpi stage-kpi-${kpi.verdict}`} data-kpi={kpi.kpi} data-verdict={kpi.verdict}>
      <span className="stage-kpi-name" title={definition.name[language]}>
        {definition.label[language]}
      </span>
      <span className="stage-kpi-actual">{kpi.actual === null ? o.notMeasured : value(kpi.actual)}</span>
      <span className="stage-kpi-target">
        {kpi.target === null ? o.noTarget : o.target(value(kpi.target))}{' '}
        <span aria-hidden="true">{higher ? '↑' : '↓'}</span>
        <span className="visually-hidden">({higher ? o.higherIsBetter : o.lowerIsBetter})</span>
      </span>
      <span className="stage-kpi-verdict">{o.verdicts[kpi.verdict]}</span>
    </li>
  );
}
