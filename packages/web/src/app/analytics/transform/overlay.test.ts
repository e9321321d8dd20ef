import { buildShoesMap, type KpiId } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import type { MapReportJson, TouchesJson } from '../../api/analytics-types.ts';
import { kpiVerdict, mapOverlay } from './overlay.ts';

const shoes = buildShoesMap('en');

type ReportStage = MapReportJson['stages'][number];
function stage(
  id: string,
  reached: number,
  convertedToNext: number,
  kpis: ReportStage['kpis'] = [],
): ReportStage {
  return {
    stage: id,
    name: id[0]?.toUpperCase() + id.slice(1),
    reached,
    convertedToNext,
    conversionToNext: reached === 0 ? null : convertedToNext / reached,
    dropOff: reached - convertedToNext,
    dropOffRate: reached === 0 ? null : (reached - convertedToNext) / reached,
    medianSecondsInStage: 60,
    kpis,
    steps: [],
  };
}

const REPORT: MapReportJson = {
  map: 'shoes',
  period: { from: null, to: null },
  customers: 10_000,
  inputs: {},
  stages: [
    stage('awareness', 6528, 3766, [
      { kpi: 'cpm', target: 6, actual: 8.02, met: false },
      { kpi: 'ctr', target: 0.02, actual: 0.0079, met: false },
      { kpi: 'audibility', target: 0.5, actual: null, met: null },
    ]),
    stage('consideration', 7426, 1682, [
      { kpi: 'cpa', target: 25, actual: 15.37, met: true },
      { kpi: 'roas', target: 4, actual: 4.85, met: true },
    ]),
    stage('purchase', 1682, 1327, [{ kpi: 'roas', target: 5, actual: 4.85, met: false }]),
    stage('service', 4690, 4472),
    stage('loyalty', 4751, 0, [{ kpi: 'churn-rate', target: 0.25, actual: null, met: null }]),
  ],
};

const TOUCHES: TouchesJson = {
  conversion_event: 'order_completed',
  lookback_seconds: 2_592_000,
  total_conversions: 349,
  touches: { mean: 1.67, median: 1, distribution: [] },
  distinct_channels: { mean: 1.26, median: 1, distribution: [] },
};

describe('kpiVerdict', () => {
  it.each([
    ['cpm', 5, 6, 'better'], // lower is better
    ['cpm', 6, 6, 'better'], // meeting the target counts
    ['cpm', 8, 6, 'worse'],
    ['ctr', 0.03, 0.02, 'better'], // higher is better
    ['ctr', 0.01, 0.02, 'worse'],
    ['bounce-rate', 0.5, 0.4, 'worse'],
    ['churn-rate', 0.1, 0.25, 'better'],
    ['nps', 30.6, 30, 'better'],
    ['roas', 4.85, 5, 'worse'],
    ['nps', null, 30, 'unknown'],
    ['cps', 12, null, 'unknown'],
  ] as [KpiId, number | null, number | null, string][])(
    '%s actual %s, target %s: %s',
    (kpi, actual, target, verdict) => {
      expect(kpiVerdict(kpi, actual, target)).toBe(verdict);
    },
  );
});

describe('mapOverlay', () => {
  const overlay = mapOverlay(REPORT, TOUCHES, shoes);

  it('has each stage of the report with its customers reached', () => {
    expect(overlay.stages.map((s) => [s.stage, s.reached])).toEqual(
      REPORT.stages.map((s) => [s.stage, s.reached]),
    );
    expect(overlay.customers).toBe(10_000);
  });

  it('gives the drop-off to the next stage as reached less converted, none for the last stage', () => {
    expect(overlay.stages.map((s) => s.dropOff)).toEqual([2762, 5744, 355, 218, null]);
    expect(overlay.stages.map((s) => s.dropOffRate)).toEqual([
      2762 / 6528,
      5744 / 7426,
      355 / 1682,
      218 / 4690,
      null,
    ]);
  });

  it('judges each KPI by its direction in the catalogue, agreeing with the report where it judged', () => {
    const kpis = overlay.stages.flatMap((s) => s.kpis);
    expect(kpis.map((k) => [k.kpi, k.direction, k.verdict])).toEqual([
      ['cpm', 'lower-is-better', 'worse'],
      ['ctr', 'higher-is-better', 'worse'],
      ['audibility', 'higher-is-better', 'unknown'],
      ['cpa', 'lower-is-better', 'better'],
      ['roas', 'higher-is-better', 'better'],
      ['roas', 'higher-is-better', 'worse'],
      ['churn-rate', 'lower-is-better', 'unknown'],
    ]);
    const reported = REPORT.stages.flatMap((s) => s.kpis);
    kpis.forEach((kpi, i) => {
      const met = reported[i]?.met;
      expect(kpi.verdict).toBe(met === null ? 'unknown' : met ? 'better' : 'worse');
    });
    expect(overlay.verdicts).toEqual({ better: 2, worse: 3, unknown: 2 });
  });

  it('puts the touches before conversion on the stage where the conversion happens', () => {
    expect(overlay.stages.map((s) => s.touchesBeforeConversion?.median ?? null)).toEqual([
      null,
      null,
      1,
      null,
      null,
    ]);
    expect(overlay.touches).toEqual({
      conversionEvent: 'order_completed',
      conversions: 349,
      mean: 1.67,
      median: 1,
    });
    // Without the map no stage is known to convert; the touches are still there as a whole.
    expect(mapOverlay(REPORT, TOUCHES).stages.every((s) => s.touchesBeforeConversion === null)).toBe(true);
  });
});
