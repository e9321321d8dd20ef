/**
 * The numbers a map's drawing shows per stage when its overlay is on: customers reached, the
 * drop-off to the next stage, each KPI's actual against its target with the verdict the KPI
 * catalogue gives (higher or lower is better per KPI), and the touches before conversion on the
 * stage where the conversion happens. Pure, so the map editor can place the same numbers on its
 * own grid.
 */
import { type JourneyMap, type KpiDirection, type KpiId, kpiDefinition } from '@touchline/core';
import type { MapReportJson, TouchesJson } from '../../api/analytics-types.ts';
import { conversionStages } from './names.ts';

/** better: meets or beats the target in the KPI's direction; worse: misses it; unknown: no actual or no target. */
export type KpiVerdict = 'better' | 'worse' | 'unknown';

export interface OverlayKpi {
  kpi: KpiId;
  direction: KpiDirection;
  target: number | null;
  actual: number | null;
  verdict: KpiVerdict;
}

export interface TouchesBeforeConversion {
  conversionEvent: string;
  conversions: number;
  mean: number | null;
  median: number | null;
}

export interface StageOverlay {
  stage: string;
  name: string;
  reached: number;
  /** Reached the next stage after this one; 0 for the last stage. */
  convertedToNext: number;
  /** reached - convertedToNext, for every stage but the last (which has no next). */
  dropOff: number | null;
  dropOffRate: number | null;
  medianSecondsInStage: number | null;
  kpis: OverlayKpi[];
  /** On the stage where the conversion happens; null elsewhere. */
  touchesBeforeConversion: TouchesBeforeConversion | null;
}

export interface MapOverlay {
  customers: number;
  period: { from: number | null; to: number | null };
  stages: StageOverlay[];
  touches: TouchesBeforeConversion;
  /** KPIs with a verdict, by verdict. */
  verdicts: Record<KpiVerdict, number>;
}

export function kpiVerdict(kpi: KpiId, actual: number | null, target: number | null): KpiVerdict {
  if (actual === null || target === null) return 'unknown';
  const higherIsBetter = kpiDefinition(kpi).direction === 'higher-is-better';
  return (higherIsBetter ? actual >= target : actual <= target) ? 'better' : 'worse';
}

/**
 * @param map the map the report is of: where its conversion happens (the stages whose touchpoints
 *   the conversion event makes) carries the touches; without it no stage does.
 * @example
 * const overlay = mapOverlay(await api.report(ws, { map }), await api.touches(ws, { conversion }), document);
 * overlay.stages[0].reached // customers who reached the first stage
 */
export function mapOverlay(report: MapReportJson, touches: TouchesJson, map?: JourneyMap): MapOverlay {
  const touchSummary: TouchesBeforeConversion = {
    conversionEvent: touches.conversion_event,
    conversions: touches.total_conversions,
    mean: touches.touches.mean,
    median: touches.touches.median,
  };
  const converting = new Set(map ? conversionStages(map, touches.conversion_event) : []);
  const verdicts: Record<KpiVerdict, number> = { better: 0, worse: 0, unknown: 0 };
  const stages = report.stages.map((stage, index) => {
    const last = index === report.stages.length - 1;
    const kpis = stage.kpis.map((entry) => {
      const verdict = kpiVerdict(entry.kpi, entry.actual, entry.target);
      verdicts[verdict]++;
      return {
        kpi: entry.kpi,
        direction: kpiDefinition(entry.kpi).direction,
        target: entry.target,
        actual: entry.actual,
        verdict,
      };
    });
    return {
      stage: stage.stage,
      name: stage.name,
      reached: stage.reached,
      convertedToNext: stage.convertedToNext,
      dropOff: last ? null : stage.reached - stage.convertedToNext,
      dropOffRate:
        last || stage.reached === 0 ? null : (stage.reached - stage.convertedToNext) / stage.reached,
      medianSecondsInStage: stage.medianSecondsInStage,
      kpis,
      touchesBeforeConversion: converting.has(stage.stage) ? touchSummary : null,
    };
  });
  return { customers: report.customers, period: report.period, stages, touches: touchSummary, verdicts };
}
