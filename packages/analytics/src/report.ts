/**
 * The stage report of a map: per stage and step, the customers reached, conversion to what
 * follows, drop-off and time in stage; and every KPI of the map's stages computed from events
 * and ad spend through the KPI catalogue, with target against actual.
 *
 * Definitions:
 * - A customer reaches a step when one of their events counts as a touchpoint of the step (an
 *   event counts as the first touchpoint, in map order, whose rules it matches; a touchpoint
 *   used by several steps counts for each), and a stage when they reach any of its steps.
 * - Conversion to next (stage): customers who reached the stage and reached the next stage at or
 *   after their first event in it, over those who reached it; drop-off is the rest. For a step,
 *   the next steps are its designed successors. Median time in stage: over the customers who
 *   moved on, their first time in the next stage minus their first time in this one.
 * - KPI inputs: ad spend, impressions and clicks from the cost data of the period; sessions and
 *   bounced sessions (a session of one event; a new session when the session id changes or,
 *   without one, after 30 minutes) over all events; visitors = customers reaching the stage,
 *   conversions = those of them who convert (the conversion event) at or after reaching it;
 *   sales and revenue = all conversion events and their revenue; acquisitions = customers whose
 *   first conversion in the data falls in the period; ROAS revenue = revenue credited to
 *   channels with ad spend by last-touch attribution (30-day lookback); NPS from `value` 0-10 on
 *   the survey event; churn over the churn period ending at the last event: customers who
 *   converted before it began, and of them those with no event during it.
 */
import {
  computeKpi,
  isBetter,
  type JourneyMap,
  type KpiId,
  type KpiInputs,
  placedSteps,
  stepGraph,
} from '@touchline/core';
import { attribution } from './attribution.ts';
import { SESSION_GAP_MS } from './customers.ts';
import { touchpointClasses } from './paths.ts';
import type { EventStore } from './store.ts';

export interface ReportSpec {
  /** The conversion event (default `order_completed`). */
  conversion?: string;
  /** The survey event whose `value` is a 0-10 answer (default `survey_answer`). */
  survey?: string;
  /** Churn period in seconds (default 90 days). */
  churnPeriodSeconds?: number;
  from?: number;
  to?: number;
}

export interface ReportKpi {
  kpi: KpiId;
  target: number | null;
  actual: number | null;
  /** Whether the actual meets the target in the KPI's direction; null without both. */
  met: boolean | null;
}

export interface StepReport {
  step: string;
  name: string;
  reached: number;
  convertedToNext: number;
  conversionToNext: number | null;
  dropOff: number;
}

export interface StageReport {
  stage: string;
  name: string;
  reached: number;
  convertedToNext: number;
  conversionToNext: number | null;
  dropOff: number;
  dropOffRate: number | null;
  medianSecondsInStage: number | null;
  kpis: ReportKpi[];
  steps: StepReport[];
}

export interface MapReport {
  map: string;
  period: { from: number | null; to: number | null };
  customers: number;
  inputs: KpiInputs;
  stages: StageReport[];
}

const DEFAULT_CHURN_SECONDS = 90 * 86_400;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1
    ? (values[middle] ?? 0)
    : ((values[middle - 1] ?? 0) + (values[middle] ?? 0)) / 2;
}

/** The stage report of `map` over the events and costs of `store`. */
export async function report(store: EventStore, map: JourneyMap, spec: ReportSpec = {}): Promise<MapReport> {
  const conversion = spec.conversion ?? 'order_completed';
  const survey = spec.survey ?? 'survey_answer';
  const churnMs = (spec.churnPeriodSeconds ?? DEFAULT_CHURN_SECONDS) * 1000;
  const steps = placedSteps(map);
  const { ids: classIds, classes } = touchpointClasses(map);
  // Touchpoint class -> indexes of the steps that use it.
  const stepsOfClass = classIds.map((id) =>
    steps.flatMap((placed, index) => ((placed.step.touchpoints ?? []).includes(id) ? [index] : [])),
  );
  const graph = stepGraph(map);
  const stepIndex = new Map(steps.map((placed, index) => [placed.step.id, index]));
  const nextOfStep = steps.map((placed) =>
    (graph.get(placed.step.id) ?? []).map((id) => stepIndex.get(id) ?? -1).filter((i) => i >= 0),
  );
  const stageOfStep = steps.map((placed) => placed.stageIndex);
  const stageCount = map.stages.length;

  const scan = await store.scan({
    classes,
    markers: [[{ event: conversion }], [{ event: survey }]],
    columns: ['session', 'revenue', 'value'],
    ...(spec.from !== undefined ? { from: spec.from } : {}),
    ...(spec.to !== undefined ? { to: spec.to } : {}),
  });

  const stepReached = new Float64Array(steps.length);
  const stepConverted = new Float64Array(steps.length);
  const stageReached = new Float64Array(stageCount);
  const stageConverted = new Float64Array(stageCount);
  const stageVisitorsConverting = new Float64Array(stageCount);
  const timesInStage: number[][] = Array.from({ length: stageCount }, () => []);
  const firstStep = new Float64Array(steps.length);
  const lastStep = new Float64Array(steps.length);
  const firstStage = new Float64Array(stageCount);
  const lastStage = new Float64Array(stageCount);
  let sessions = 0;
  let bounced = 0;
  let sales = 0;
  let revenue = 0;
  let acquisitions = 0;
  let promoters = 0;
  let detractors = 0;
  let responses = 0;
  let customers = 0;
  const firstConversions: number[] = [];
  const lastEvents: number[] = [];
  let lastEventAt = Number.NEGATIVE_INFINITY;

  for await (const batch of scan.batches) {
    const { length, customer, time, marks, cls } = batch;
    let row = 0;
    while (row < length) {
      const code = customer[row];
      let end = row + 1;
      while (end < length && customer[end] === code) end++;
      customers++;
      firstStep.fill(Number.NaN);
      lastStep.fill(Number.NaN);
      firstStage.fill(Number.NaN);
      lastStage.fill(Number.NaN);
      let lastConversion = Number.NaN;
      let firstConversion = Number.NaN;
      let sessionEvents = 0;
      for (let i = row; i < end; i++) {
        const at = time[i] ?? 0;
        const session = batch.session?.[i] ?? -1;
        const previousSession = i > row ? (batch.session?.[i - 1] ?? -1) : -1;
        const newSession =
          i === row ||
          (session !== -1 || previousSession !== -1
            ? session !== previousSession
            : at - (time[i - 1] ?? 0) > SESSION_GAP_MS);
        if (newSession) {
          if (sessionEvents === 1) bounced++;
          sessions++;
          sessionEvents = 0;
        }
        sessionEvents++;
        const touchpoint = cls[i] ?? -1;
        if (touchpoint >= 0) {
          for (const s of stepsOfClass[touchpoint] ?? []) {
            if (Number.isNaN(firstStep[s] ?? 0)) firstStep[s] = at;
            lastStep[s] = at;
            const stage = stageOfStep[s] ?? 0;
            if (Number.isNaN(firstStage[stage] ?? 0)) firstStage[stage] = at;
            lastStage[stage] = at;
          }
        }
        const mark = marks[i] ?? 0;
        if ((mark & 1) !== 0) {
          sales++;
          const amount = batch.revenue?.[i] ?? Number.NaN;
          if (!Number.isNaN(amount)) revenue += amount;
          lastConversion = at;
          if (Number.isNaN(firstConversion)) firstConversion = at;
        }
        if ((mark & 2) !== 0) {
          const answer = batch.value?.[i] ?? Number.NaN;
          if (!Number.isNaN(answer)) {
            responses++;
            if (answer >= 9) promoters++;
            else if (answer <= 6) detractors++;
          }
        }
      }
      if (sessionEvents === 1) bounced++;
      const lastAt = time[end - 1] ?? 0;
      if (lastAt > lastEventAt) lastEventAt = lastAt;
      if (!Number.isNaN(firstConversion)) {
        acquisitions++;
        firstConversions.push(firstConversion);
        lastEvents.push(lastAt);
      }
      for (let s = 0; s < steps.length; s++) {
        const first = firstStep[s] ?? Number.NaN;
        if (Number.isNaN(first)) continue;
        stepReached[s] = (stepReached[s] ?? 0) + 1;
        // A following step reached at or after this one's first time: its last time tells.
        if ((nextOfStep[s] ?? []).some((n) => (lastStep[n] ?? Number.NaN) >= first)) {
          stepConverted[s] = (stepConverted[s] ?? 0) + 1;
        }
      }
      for (let stage = 0; stage < stageCount; stage++) {
        const first = firstStage[stage] ?? Number.NaN;
        if (Number.isNaN(first)) continue;
        stageReached[stage] = (stageReached[stage] ?? 0) + 1;
        if (!Number.isNaN(lastConversion) && lastConversion >= first) {
          stageVisitorsConverting[stage] = (stageVisitorsConverting[stage] ?? 0) + 1;
        }
        if (stage + 1 < stageCount) {
          const next = firstStageReachAtOrAfter(
            time,
            cls,
            row,
            end,
            stage + 1,
            first,
            stepsOfClass,
            stageOfStep,
          );
          if (next !== null) {
            stageConverted[stage] = (stageConverted[stage] ?? 0) + 1;
            timesInStage[stage]?.push((next - first) / 1000);
          }
        }
      }
      row = end;
    }
  }

  // Churn: customers who converted before the period began; lost when silent all through it.
  const churnStart = lastEventAt - churnMs;
  let customersAtStart = 0;
  let customersLost = 0;
  firstConversions.forEach((first, i) => {
    if (first >= churnStart) return;
    customersAtStart++;
    if ((lastEvents[i] ?? 0) < churnStart) customersLost++;
  });

  const costRows = await store.costs({
    ...(spec.from !== undefined ? { from: spec.from } : {}),
    ...(spec.to !== undefined ? { to: spec.to } : {}),
  });
  const paidChannels = new Set(costRows.filter((row) => row.cost > 0).map((row) => row.channel));
  const sum = (pick: (row: (typeof costRows)[number]) => number) =>
    costRows.reduce((total, row) => total + pick(row), 0);
  const lastTouch = await attribution(store, {
    conversion,
    model: 'last',
    ...(spec.from !== undefined ? { from: spec.from } : {}),
    ...(spec.to !== undefined ? { to: spec.to } : {}),
  });
  const adRevenue = lastTouch.channels
    .filter((row) => paidChannels.has(row.channel))
    .reduce((total, row) => total + row.revenue, 0);

  const common: KpiInputs = {
    cost: sum((row) => row.cost),
    impressions: sum((row) => row.impressions),
    viewableImpressions: sum((row) => row.viewableImpressions),
    audibleImpressions: sum((row) => row.audibleImpressions),
    clicks: sum((row) => row.clicks),
    sessions,
    bouncedSessions: bounced,
    sales,
    acquisitions,
    revenue,
    promoters,
    detractors,
    responses,
    customersAtStart,
    customersLost,
  };

  const stages: StageReport[] = map.stages.map((stage, index) => {
    const reached = stageReached[index] ?? 0;
    const converted = index + 1 < stageCount ? (stageConverted[index] ?? 0) : 0;
    const inputs: KpiInputs = {
      ...common,
      visitors: reached,
      conversions: stageVisitorsConverting[index] ?? 0,
    };
    return {
      stage: stage.id,
      name: stage.name,
      reached,
      convertedToNext: converted,
      conversionToNext: index + 1 < stageCount && reached > 0 ? converted / reached : null,
      dropOff: index + 1 < stageCount ? reached - converted : 0,
      dropOffRate: index + 1 < stageCount && reached > 0 ? (reached - converted) / reached : null,
      medianSecondsInStage: median(timesInStage[index] ?? []),
      kpis: (stage.kpis ?? []).map((entry) => {
        const actual = computeKpi(
          entry.kpi,
          entry.kpi === 'roas' ? { ...inputs, revenue: adRevenue } : inputs,
        );
        const target = entry.target ?? null;
        return {
          kpi: entry.kpi,
          target,
          actual,
          met: actual === null || target === null ? null : isBetter(entry.kpi, actual, target),
        };
      }),
      steps: steps
        .map((placed, s) => ({ placed, s }))
        .filter(({ placed }) => placed.stageIndex === index)
        .map(({ placed, s }) => {
          const stepReachedCount = stepReached[s] ?? 0;
          const hasNext = (nextOfStep[s] ?? []).length > 0;
          const stepConvertedCount = hasNext ? (stepConverted[s] ?? 0) : 0;
          return {
            step: placed.step.id,
            name: placed.step.name,
            reached: stepReachedCount,
            convertedToNext: stepConvertedCount,
            conversionToNext: hasNext && stepReachedCount > 0 ? stepConvertedCount / stepReachedCount : null,
            dropOff: hasNext ? stepReachedCount - stepConvertedCount : 0,
          };
        }),
    };
  });
  return {
    map: map.id,
    period: { from: spec.from ?? null, to: spec.to ?? null },
    customers,
    inputs: { ...common },
    stages,
  };
}

/** First time at or after `from` when the customer's events reach stage `stage`, or null. */
function firstStageReachAtOrAfter(
  time: Float64Array,
  cls: Int32Array,
  start: number,
  end: number,
  stage: number,
  from: number,
  stepsOfClass: readonly number[][],
  stageOfStep: readonly number[],
): number | null {
  for (let i = start; i < end; i++) {
    const at = time[i] ?? 0;
    if (at < from) continue;
    const touchpoint = cls[i] ?? -1;
    if (touchpoint >= 0 && (stepsOfClass[touchpoint] ?? []).some((s) => stageOfStep[s] === stage)) return at;
  }
  return null;
}

/** The map with each stage KPI's `actual` set from a report (KPIs the data cannot give keep theirs). */
export function applyReport(map: JourneyMap, result: MapReport): JourneyMap {
  return {
    ...map,
    stages: map.stages.map((stage) => {
      const measured = result.stages.find((s) => s.stage === stage.id);
      if (!stage.kpis || !measured) return stage;
      return {
        ...stage,
        kpis: stage.kpis.map((entry) => {
          const actual = measured.kpis.find((k) => k.kpi === entry.kpi)?.actual;
          return actual === null || actual === undefined
            ? entry
            : { ...entry, actual: Number(actual.toPrecision(4)) };
        }),
      };
    }),
  };
}
