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
import { attributeJourneys, JourneyCollector } from './attribution.ts';
import { SESSION_GAP_MS } from './customers.ts';
import { medianInPlace } from './order-statistics.ts';
import { touchpointClasses } from './paths.ts';
import type { EventBatch, EventStore } from './store.ts';
import { grownFloat64 } from './typed-arrays.ts';

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

/** Numbers appended one at a time into a typed array that doubles as it fills. */
class NumberList {
  private values = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) this.values = grownFloat64(this.values, this.length + 1);
    this.values[this.length++] = value;
  }

  at(index: number): number {
    return this.values[index] ?? 0;
  }

  /** The numbers pushed, as a copy of their own. */
  toArray(): Float64Array {
    return this.values.slice(0, this.length);
  }
}

/** Lists of small integers per index, flattened: the items of index i are items[start[i]] to items[start[i + 1]]. */
function flatLists(lists: readonly (readonly number[])[]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => {
    start[i + 1] = (start[i] ?? 0) + list.length;
  });
  return { start, items: Int32Array.from(lists.flat()) };
}

/**
 * The report's pass over one customer at a time: reach and conversion per step and stage, time
 * in stage, and the KPI inputs that come from events. Scratch arrays are reused for every customer.
 */
class ReportPass {
  readonly stepReached: Float64Array;
  readonly stepConverted: Float64Array;
  readonly stageReached: Float64Array;
  readonly stageConverted: Float64Array;
  readonly stageVisitorsConverting: Float64Array;
  readonly timesInStage: NumberList[];
  readonly firstConversions = new NumberList();
  readonly lastEvents = new NumberList();
  sessions = 0;
  bounced = 0;
  sales = 0;
  revenue = 0;
  acquisitions = 0;
  promoters = 0;
  detractors = 0;
  responses = 0;
  customers = 0;
  lastEventAt = Number.NEGATIVE_INFINITY;

  private readonly stepCount: number;
  private readonly stageCount: number;
  private readonly stepsOfClass: { start: Int32Array; items: Int32Array };
  private readonly nextOfStep: { start: Int32Array; items: Int32Array };
  private readonly stageOfStep: Int32Array;
  private readonly firstStep: Float64Array;
  private readonly lastStep: Float64Array;
  private readonly firstStage: Float64Array;
  private readonly lastStage: Float64Array;
  /** Per stage, the customer's first time in the next stage at or after their first time in this one. */
  private readonly nextStageAt: Float64Array;
  /** The steps and stages the current customer reached, so only they are summed and reset. */
  private readonly touchedSteps: Int32Array;
  private readonly touchedStages: Int32Array;

  constructor(
    stepsOfClass: readonly number[][],
    nextOfStep: readonly number[][],
    stageOfStep: readonly number[],
    stageCount: number,
  ) {
    this.stepCount = stageOfStep.length;
    this.stageCount = stageCount;
    this.stepsOfClass = flatLists(stepsOfClass);
    this.nextOfStep = flatLists(nextOfStep);
    this.stageOfStep = Int32Array.from(stageOfStep);
    this.stepReached = new Float64Array(this.stepCount);
    this.stepConverted = new Float64Array(this.stepCount);
    this.stageReached = new Float64Array(stageCount);
    this.stageConverted = new Float64Array(stageCount);
    this.stageVisitorsConverting = new Float64Array(stageCount);
    this.timesInStage = Array.from({ length: stageCount }, () => new NumberList());
    this.firstStep = new Float64Array(this.stepCount).fill(Number.NaN);
    this.lastStep = new Float64Array(this.stepCount).fill(Number.NaN);
    this.firstStage = new Float64Array(stageCount).fill(Number.NaN);
    this.lastStage = new Float64Array(stageCount).fill(Number.NaN);
    this.nextStageAt = new Float64Array(stageCount).fill(Number.NaN);
    this.touchedSteps = new Int32Array(this.stepCount);
    this.touchedStages = new Int32Array(stageCount);
  }

  /** Adds one customer's rows [start, end) of a batch with the report's classes, markers and columns. */
  addCustomer(batch: EventBatch, start: number, end: number): void {
    const { time, marks, cls, session } = batch;
    const { firstStep, lastStep, firstStage, lastStage, nextStageAt, stageOfStep, stageCount } = this;
    const { touchedSteps, touchedStages } = this;
    const { start: classStart, items: classSteps } = this.stepsOfClass;
    this.customers++;
    let steps = 0;
    let stages = 0;
    let lastConversion = Number.NaN;
    let firstConversion = Number.NaN;
    let sessionEvents = 0;
    for (let i = start; i < end; i++) {
      const at = time[i] ?? 0;
      const currentSession = session?.[i] ?? -1;
      const previousSession = i > start ? (session?.[i - 1] ?? -1) : -1;
      const newSession =
        i === start ||
        (currentSession !== -1 || previousSession !== -1
          ? currentSession !== previousSession
          : at - (time[i - 1] ?? 0) > SESSION_GAP_MS);
      if (newSession) {
        if (sessionEvents === 1) this.bounced++;
        this.sessions++;
        sessionEvents = 0;
      }
      sessionEvents++;
      const touchpoint = cls[i] ?? -1;
      if (touchpoint >= 0) {
        const from = classStart[touchpoint] ?? 0;
        const to = classStart[touchpoint + 1] ?? 0;
        for (let k = from; k < to; k++) {
          const step = classSteps[k] ?? 0;
          if (Number.isNaN(firstStep[step] ?? 0)) {
            firstStep[step] = at;
            touchedSteps[steps++] = step;
          }
          lastStep[step] = at;
          const stage = stageOfStep[step] ?? 0;
          if (Number.isNaN(firstStage[stage] ?? 0)) {
            firstStage[stage] = at;
            touchedStages[stages++] = stage;
          }
          lastStage[stage] = at;
        }
        // Moving on: this event reaches a stage whose previous stage was first reached at or
        // before it; or it first reaches a stage whose next stage was reached at this very time.
        for (let k = from; k < to; k++) {
          const stage = stageOfStep[classSteps[k] ?? 0] ?? 0;
          if (
            stage > 0 &&
            !Number.isNaN(firstStage[stage - 1] ?? 0) &&
            Number.isNaN(nextStageAt[stage - 1] ?? 0)
          )
            nextStageAt[stage - 1] = at;
          if (stage + 1 < stageCount && firstStage[stage] === at && lastStage[stage + 1] === at)
            if (Number.isNaN(nextStageAt[stage] ?? 0)) nextStageAt[stage] = at;
        }
      }
      const mark = marks[i] ?? 0;
      if ((mark & 1) !== 0) {
        this.sales++;
        const amount = batch.revenue?.[i] ?? Number.NaN;
        if (!Number.isNaN(amount)) this.revenue += amount;
        lastConversion = at;
        if (Number.isNaN(firstConversion)) firstConversion = at;
      }
      if ((mark & 2) !== 0) {
        const answer = batch.value?.[i] ?? Number.NaN;
        if (!Number.isNaN(answer)) {
          this.responses++;
          if (answer >= 9) this.promoters++;
          else if (answer <= 6) this.detractors++;
        }
      }
    }
    if (sessionEvents === 1) this.bounced++;
    const lastAt = time[end - 1] ?? 0;
    if (lastAt > this.lastEventAt) this.lastEventAt = lastAt;
    if (!Number.isNaN(firstConversion)) {
      this.acquisitions++;
      this.firstConversions.push(firstConversion);
      this.lastEvents.push(lastAt);
    }
    const { start: nextStart, items: nextSteps } = this.nextOfStep;
    for (let t = 0; t < steps; t++) {
      const step = touchedSteps[t] ?? 0;
      const first = firstStep[step] ?? Number.NaN;
      this.stepReached[step] = (this.stepReached[step] ?? 0) + 1;
      // A following step reached at or after this one's first time: its last time tells.
      for (let k = nextStart[step] ?? 0; k < (nextStart[step + 1] ?? 0); k++) {
        if ((lastStep[nextSteps[k] ?? 0] ?? Number.NaN) >= first) {
          this.stepConverted[step] = (this.stepConverted[step] ?? 0) + 1;
          break;
        }
      }
    }
    for (let t = 0; t < stages; t++) {
      const stage = touchedStages[t] ?? 0;
      const first = firstStage[stage] ?? Number.NaN;
      this.stageReached[stage] = (this.stageReached[stage] ?? 0) + 1;
      if (!Number.isNaN(lastConversion) && lastConversion >= first)
        this.stageVisitorsConverting[stage] = (this.stageVisitorsConverting[stage] ?? 0) + 1;
      const next = nextStageAt[stage] ?? Number.NaN;
      if (stage + 1 < stageCount && !Number.isNaN(next)) {
        this.stageConverted[stage] = (this.stageConverted[stage] ?? 0) + 1;
        this.timesInStage[stage]?.push((next - first) / 1000);
      }
    }
    // Back to unreached for the next customer.
    for (let t = 0; t < steps; t++) {
      const step = touchedSteps[t] ?? 0;
      firstStep[step] = Number.NaN;
      lastStep[step] = Number.NaN;
    }
    for (let t = 0; t < stages; t++) {
      const stage = touchedStages[t] ?? 0;
      firstStage[stage] = Number.NaN;
      lastStage[stage] = Number.NaN;
      nextStageAt[stage] = Number.NaN;
    }
  }
}

/** The stage report of `map` over the events and costs of `store`, in one scan of its events. */
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
  const stageCount = map.stages.length;
  const period = {
    ...(spec.from !== undefined ? { from: spec.from } : {}),
    ...(spec.to !== undefined ? { to: spec.to } : {}),
  };

  // The channel and revenue columns serve the last-touch journeys of ROAS too.
  const scan = await store.scan({
    classes,
    markers: [[{ event: conversion }], [{ event: survey }]],
    columns: ['session', 'channel', 'revenue', 'value'],
    ...period,
  });
  const pass = new ReportPass(
    stepsOfClass,
    nextOfStep,
    steps.map((placed) => placed.stageIndex),
    stageCount,
  );
  const journeys = new JourneyCollector({ model: 'last' });
  for await (const batch of scan.batches) {
    const { length, customer } = batch;
    let row = 0;
    while (row < length) {
      const code = customer[row];
      let end = row + 1;
      while (end < length && customer[end] === code) end++;
      pass.addCustomer(batch, row, end);
      journeys.addCustomer(batch, row, end);
      row = end;
    }
  }

  // Churn: customers who converted before the period began; lost when silent all through it.
  const churnStart = pass.lastEventAt - churnMs;
  let customersAtStart = 0;
  let customersLost = 0;
  for (let i = 0; i < pass.firstConversions.length; i++) {
    if (pass.firstConversions.at(i) >= churnStart) continue;
    customersAtStart++;
    if (pass.lastEvents.at(i) < churnStart) customersLost++;
  }

  const costRows = await store.costs(period);
  const paidChannels = new Set(costRows.filter((row) => row.cost > 0).map((row) => row.channel));
  const sum = (pick: (row: (typeof costRows)[number]) => number) =>
    costRows.reduce((total, row) => total + pick(row), 0);
  const lastTouch = attributeJourneys(journeys.finish(scan.dictionaries.channels), 'last');
  const adRevenue = lastTouch.channels
    .filter((row) => paidChannels.has(row.channel))
    .reduce((total, row) => total + row.revenue, 0);

  const common: KpiInputs = {
    cost: sum((row) => row.cost),
    impressions: sum((row) => row.impressions),
    viewableImpressions: sum((row) => row.viewableImpressions),
    audibleImpressions: sum((row) => row.audibleImpressions),
    clicks: sum((row) => row.clicks),
    sessions: pass.sessions,
    bouncedSessions: pass.bounced,
    sales: pass.sales,
    acquisitions: pass.acquisitions,
    revenue: pass.revenue,
    promoters: pass.promoters,
    detractors: pass.detractors,
    responses: pass.responses,
    customersAtStart,
    customersLost,
  };
  const { stageReached, stageConverted, stageVisitorsConverting, stepReached, stepConverted } = pass;

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
      medianSecondsInStage: medianInPlace(pass.timesInStage[index]?.toArray() ?? new Float64Array(0)),
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
    customers: pass.customers,
    inputs: { ...common },
    stages,
  };
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
