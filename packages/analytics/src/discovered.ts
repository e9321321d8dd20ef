/**
 * The discovered journey against the designed one: the directly-follows graph of what customers
 * did, mapped onto the map's steps, with the transitions the map does not have, the designed
 * steps customers skip, and how many customers follow the designed order.
 *
 * How events become steps, per customer over the whole history (not per session):
 * - An event is the first touchpoint, in map order, whose match rules it matches (as in paths);
 *   events matching none are left out, and so are events of a touchpoint no step uses
 *   (`events_off_map`).
 * - The touchpoint becomes a step that uses it. When several steps use it, the choice is, in
 *   order: the customer's current step if it uses it; else the first designed successor of the
 *   current step (in the order of its `next`) that uses it; else the first step after the current
 *   one in map order that uses it; else the first step in map order that uses it.
 * - Consecutive repeats of a step collapse into one visit.
 *
 * What is counted:
 * - Edges of the directly-follows graph: every transition a -> b between consecutive visits, plus
 *   start -> first step (`from: null`) and last step -> end (`to: null`), each with the customers
 *   who made it at least once and the times it was made. A step-to-step edge is `designed` when
 *   the map's flow (`stepGraph`) has it; a start edge when its step is a designed entry (no
 *   designed predecessor; the first step when every step has one); an end edge when its step has
 *   no designed successor.
 * - Undesigned transitions: the step-to-step edges the map does not have, most customers first.
 * - Skips: a customer skips step s when they go straight from p to n where the design has
 *   p -> s -> n, p and n are not s, and p -> n is not itself designed (taking a designed branch or
 *   shortcut skips nothing). One transition can skip several steps: b -> e skips both c and d when
 *   the design branches b -> c -> e and b -> d -> e.
 * - Conformance: among customers with two visits or more, those whose every step-to-step
 *   transition is designed (start and end edges do not count: customers leave anywhere).
 *   Customers with a single visit are counted apart.
 * - Per step: customers who reached it, visits, entries (first step), exits (last step), and
 *   customers who skipped it.
 *
 * Results are sorted by content (counts, then map order), so engines that order customers
 * differently give the same result.
 */
import { type JourneyMap, placedSteps, stepGraph } from '@touchline/core';
import { type CustomerRun, forEachCustomer } from './customers.ts';
import { PairIndex, touchpointClasses } from './paths.ts';
import type { EventStore, ScanRequest } from './store.ts';

export interface DiscoverySpec {
  /** Inclusive lower and exclusive upper bound on event time, epoch milliseconds. */
  from?: number;
  to?: number;
}

export interface DiscoveredStep {
  step: string;
  name: string;
  stage: string;
  /** Customers who reached the step at least once. */
  customers: number;
  /** Visits, consecutive repeats collapsed. */
  visits: number;
  /** Customers whose first step it is. */
  entries: number;
  /** Customers whose last step it is. */
  exits: number;
  /** Customers who skipped it at least once. */
  skipped_by: number;
}

export interface DiscoveredEdge {
  /** The step left; null for the start of a customer's journey. */
  from: string | null;
  /** The step reached; null for the end of a customer's journey. */
  to: string | null;
  customers: number;
  transitions: number;
  designed: boolean;
}

export interface UndesignedTransition {
  from: string;
  to: string;
  customers: number;
  transitions: number;
}

export interface SkippedStep {
  step: string;
  /** Customers who skipped it at least once. */
  customers: number;
  /** Transitions that skipped it. */
  transitions: number;
}

/** The result as `--json` prints it. */
export interface DiscoveredJourney {
  /** Customers with at least one visit of a step. */
  customers: number;
  single_step_customers: number;
  multi_step_customers: number;
  /** Customers with two visits or more whose every transition is designed. */
  conforming_customers: number;
  /** conforming / multi-step customers; null without multi-step customers. */
  conformance: number | null;
  /** Events placed on a step. */
  events: number;
  /** Events of a touchpoint that no step uses. */
  events_off_map: number;
  /** Every step in map order. */
  steps: DiscoveredStep[];
  /** Every edge customers made: start edges first, then by the map order of from and to. */
  edges: DiscoveredEdge[];
  /** Step-to-step edges the map does not have: customers, then transitions descending, then map order. */
  undesigned_transitions: UndesignedTransition[];
  /** Steps skipped at least once: customers, then transitions descending, then map order. */
  skipped_steps: SkippedStep[];
  /** Steps no customer reached, in map order. */
  unreached_steps: string[];
}

/** The map as the discovery pass needs it: steps by index, touchpoint classes, step choice. */
export interface DiscoveryPlan {
  stepIds: string[];
  stepNames: string[];
  stageIds: string[];
  /** Designed successors and predecessors per step index. */
  successors: number[][];
  predecessors: number[][];
  /** 1 for the steps a designed journey starts at. */
  designedEntry: Uint8Array;
  /** Touchpoint id per class index. */
  touchpointIds: string[];
  /**
   * The step an event of touchpoint class t becomes when the current step is c (-1: none):
   * `choice[(c + 1) * touchpointIds.length + t]`, -1 when no step uses the touchpoint.
   */
  choice: Int32Array;
  request: ScanRequest;
}

/** Resolves the map's flow, touchpoint classes and step choice table. */
export function planDiscovery(map: JourneyMap, spec: DiscoverySpec = {}): DiscoveryPlan {
  const placed = placedSteps(map);
  const stepIds = placed.map((p) => p.step.id);
  const indexOf = new Map(stepIds.map((id, i) => [id, i]));
  const graph = stepGraph(map);
  const successors = stepIds.map((id) =>
    (graph.get(id) ?? []).flatMap((next) => {
      const i = indexOf.get(next);
      return i === undefined ? [] : [i];
    }),
  );
  const predecessors: number[][] = stepIds.map(() => []);
  successors.forEach((nexts, from) => {
    for (const to of nexts) if (!predecessors[to]?.includes(from)) predecessors[to]?.push(from);
  });
  const designedEntry = new Uint8Array(stepIds.length);
  predecessors.forEach((preds, i) => {
    if (preds.length === 0) designedEntry[i] = 1;
  });
  if (stepIds.length > 0 && !designedEntry.includes(1)) designedEntry[0] = 1;

  const { ids: touchpointIds, classes } = touchpointClasses(map);
  const users = touchpointIds.map((id) =>
    placed.flatMap((p, i) => ((p.step.touchpoints ?? []).includes(id) ? [i] : [])),
  );
  const touchpoints = touchpointIds.length;
  const choice = new Int32Array((stepIds.length + 1) * touchpoints).fill(-1);
  for (let current = -1; current < stepIds.length; current++) {
    users.forEach((using, touchpoint) => {
      choice[(current + 1) * touchpoints + touchpoint] = pickStep(using, current, successors);
    });
  }

  const request: ScanRequest = { classes, matchedOnly: true };
  if (spec.from !== undefined) request.from = spec.from;
  if (spec.to !== undefined) request.to = spec.to;
  return {
    stepIds,
    stepNames: placed.map((p) => p.step.name),
    stageIds: placed.map((p) => p.stage.id),
    successors,
    predecessors,
    designedEntry,
    touchpointIds,
    choice,
    request,
  };
}

/** The step rule of the module comment: `using` are the step indexes using the touchpoint, in map order. */
function pickStep(using: readonly number[], current: number, successors: readonly number[][]): number {
  if (using.length === 0) return -1;
  if (current >= 0) {
    if (using.includes(current)) return current;
    for (const next of successors[current] ?? []) if (using.includes(next)) return next;
    for (const step of using) if (step > current) return step;
  }
  return using[0] ?? -1;
}

/** The step index an event of touchpoint class `touchpoint` becomes after step `current` (-1: none). */
export function chooseStep(plan: DiscoveryPlan, current: number, touchpoint: number): number {
  return plan.choice[(current + 1) * plan.touchpointIds.length + touchpoint] ?? -1;
}

function grownInt(array: Int32Array<ArrayBuffer>, size: number, fill: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const next = new Int32Array(Math.max(size, array.length * 2)).fill(fill);
  next.set(array);
  return next;
}

function grownFloat(array: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const next = new Float64Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/** The pass: walks customer runs classified with the plan's touchpoint classes. */
export class JourneyDiscoverer {
  /** Step codes 0..S-1; S stands for the start as `from` and for the end as `to`. */
  private readonly outside: number;
  private readonly edgeIndex = new PairIndex();
  private edgeTransitions = new Float64Array(64);
  private edgeCustomers = new Float64Array(64);
  private edgeStamp = new Int32Array(64).fill(-1);
  /** Per edge: 1 designed, 0 not. */
  private edgeDesigned = new Int32Array(64);
  /** Per edge: the steps it skips (empty for most). */
  private readonly edgeSkips: number[][] = [];
  private customerEdges = new Int32Array(64);
  private readonly stepCustomers: Float64Array;
  private readonly stepVisits: Float64Array;
  private readonly stepStamp: Int32Array;
  private readonly skipCustomers: Float64Array;
  private readonly skipStamp: Int32Array;
  private readonly touchpoints: number;
  private customer = 0;
  private customers = 0;
  private singleStep = 0;
  private multiStep = 0;
  private conforming = 0;
  private events = 0;
  private eventsOffMap = 0;

  constructor(private readonly plan: DiscoveryPlan) {
    const steps = plan.stepIds.length;
    this.outside = steps;
    this.touchpoints = plan.touchpointIds.length;
    this.stepCustomers = new Float64Array(steps);
    this.stepVisits = new Float64Array(steps);
    this.stepStamp = new Int32Array(steps).fill(-1);
    this.skipCustomers = new Float64Array(steps);
    this.skipStamp = new Int32Array(steps).fill(-1);
  }

  /** Adds one customer's events. */
  addCustomer(run: CustomerRun): void {
    const { batch, start, end } = run;
    const cls = batch.cls;
    const choice = this.plan.choice;
    const touchpoints = this.touchpoints;
    const customer = this.customer++;
    let current = -1;
    let visits = 0;
    let distinctEdges = 0;
    let conforming = true;
    for (let row = start; row < end; row++) {
      const touchpoint = cls[row] ?? -1;
      if (touchpoint < 0) continue;
      const step = choice[(current + 1) * touchpoints + touchpoint] ?? -1;
      if (step < 0) {
        this.eventsOffMap++;
        continue;
      }
      this.events++;
      if (step === current) continue;
      visits++;
      this.stepVisits[step] = (this.stepVisits[step] ?? 0) + 1;
      if (this.stepStamp[step] !== customer) {
        this.stepStamp[step] = customer;
        this.stepCustomers[step] = (this.stepCustomers[step] ?? 0) + 1;
      }
      const edge = this.edge(current < 0 ? this.outside : current, step);
      if (current >= 0 && this.edgeDesigned[edge] === 0) conforming = false;
      if (this.edgeStamp[edge] !== customer) {
        this.edgeStamp[edge] = customer;
        this.edgeCustomers[edge] = (this.edgeCustomers[edge] ?? 0) + 1;
        this.customerEdges = grownInt(this.customerEdges, distinctEdges + 1, 0);
        this.customerEdges[distinctEdges++] = edge;
      }
      current = step;
    }
    if (visits === 0) return;
    const last = this.edge(current, this.outside);
    this.edgeStamp[last] = customer;
    this.edgeCustomers[last] = (this.edgeCustomers[last] ?? 0) + 1;
    this.customers++;
    if (visits === 1) this.singleStep++;
    else {
      this.multiStep++;
      if (conforming) this.conforming++;
    }
    if (conforming) return;
    for (let i = 0; i < distinctEdges; i++) {
      for (const skipped of this.edgeSkips[this.customerEdges[i] ?? 0] ?? []) {
        if (this.skipStamp[skipped] === customer) continue;
        this.skipStamp[skipped] = customer;
        this.skipCustomers[skipped] = (this.skipCustomers[skipped] ?? 0) + 1;
      }
    }
  }

  /** The id of edge from -> to, counting one more transition; new edges get their design flags. */
  private edge(from: number, to: number): number {
    const before = this.edgeIndex.size;
    const edge = this.edgeIndex.id(from, to);
    if (edge === before) {
      this.edgeTransitions = grownFloat(this.edgeTransitions, edge + 1);
      this.edgeCustomers = grownFloat(this.edgeCustomers, edge + 1);
      this.edgeStamp = grownInt(this.edgeStamp, edge + 1, -1);
      this.edgeDesigned = grownInt(this.edgeDesigned, edge + 1, 0);
      const { successors, predecessors, designedEntry } = this.plan;
      let designed: boolean;
      let skips: number[] = [];
      if (from === this.outside) designed = designedEntry[to] === 1;
      else if (to === this.outside) designed = (successors[from] ?? []).length === 0;
      else {
        designed = (successors[from] ?? []).includes(to);
        if (!designed)
          skips = (successors[from] ?? []).filter(
            (step) => step !== from && step !== to && (predecessors[to] ?? []).includes(step),
          );
      }
      this.edgeDesigned[edge] = designed ? 1 : 0;
      this.edgeSkips[edge] = skips;
    }
    this.edgeTransitions[edge] = (this.edgeTransitions[edge] ?? 0) + 1;
    return edge;
  }

  /** The discovered journey of the customers added so far. */
  result(): DiscoveredJourney {
    const { stepIds, stepNames, stageIds } = this.plan;
    const outside = this.outside;
    const index = this.edgeIndex;
    const entries = new Float64Array(stepIds.length);
    const exits = new Float64Array(stepIds.length);
    const skipTransitions = new Float64Array(stepIds.length);
    const edges: (DiscoveredEdge & { order: [number, number] })[] = [];
    for (let edge = 0; edge < index.size; edge++) {
      const from = index.first(edge);
      const to = index.second(edge);
      const transitions = this.edgeTransitions[edge] ?? 0;
      if (from === outside) entries[to] = transitions;
      if (to === outside) exits[from] = transitions;
      for (const skipped of this.edgeSkips[edge] ?? [])
        skipTransitions[skipped] = (skipTransitions[skipped] ?? 0) + transitions;
      edges.push({
        from: from === outside ? null : (stepIds[from] ?? null),
        to: to === outside ? null : (stepIds[to] ?? null),
        customers: this.edgeCustomers[edge] ?? 0,
        transitions,
        designed: this.edgeDesigned[edge] === 1,
        // The start sorts first and the end last.
        order: [from === outside ? -1 : from, to],
      });
    }
    edges.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);

    const undesigned = edges
      .filter((e) => !e.designed && e.order[0] >= 0 && e.order[1] < outside)
      .sort((a, b) => b.customers - a.customers || b.transitions - a.transitions)
      .map(
        (e): UndesignedTransition => ({
          from: e.from ?? '',
          to: e.to ?? '',
          customers: e.customers,
          transitions: e.transitions,
        }),
      );

    const steps = stepIds.map(
      (step, i): DiscoveredStep => ({
        step,
        name: stepNames[i] ?? step,
        stage: stageIds[i] ?? '',
        customers: this.stepCustomers[i] ?? 0,
        visits: this.stepVisits[i] ?? 0,
        entries: entries[i] ?? 0,
        exits: exits[i] ?? 0,
        skipped_by: this.skipCustomers[i] ?? 0,
      }),
    );
    const skipped = stepIds
      .map((step, i) => ({
        step,
        customers: this.skipCustomers[i] ?? 0,
        transitions: skipTransitions[i] ?? 0,
      }))
      .filter((s) => s.customers > 0)
      .sort((a, b) => b.customers - a.customers || b.transitions - a.transitions);

    return {
      customers: this.customers,
      single_step_customers: this.singleStep,
      multi_step_customers: this.multiStep,
      conforming_customers: this.conforming,
      conformance: this.multiStep === 0 ? null : this.conforming / this.multiStep,
      events: this.events,
      events_off_map: this.eventsOffMap,
      steps,
      edges: edges.map(({ order: _, ...edge }) => edge),
      undesigned_transitions: undesigned,
      skipped_steps: skipped,
      unreached_steps: steps.filter((s) => s.customers === 0).map((s) => s.step),
    };
  }
}

/**
 * The discovered journey of the events in a store against the map's design.
 *
 * @example
 * const found = await discoverJourney(store, map);
 * found.undesigned_transitions[0]; // { from: 'browses-e-shop', to: 'wants-to-return', customers: 41, transitions: 44 }
 */
export async function discoverJourney(
  store: EventStore,
  map: JourneyMap,
  spec: DiscoverySpec = {},
): Promise<DiscoveredJourney> {
  const plan = planDiscovery(map, spec);
  const scan = await store.scan(plan.request);
  const discoverer = new JourneyDiscoverer(plan);
  await forEachCustomer(scan.batches, (run) => discoverer.addCustomer(run));
  return discoverer.result();
}
