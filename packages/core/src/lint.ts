import { nextStepIds, type PlacedStep, placedSteps } from './journey.ts';
import type { FieldPath, Problem } from './problems.ts';
import {
  type JourneyMap,
  type KnownBy,
  LANE_KEYS,
  type LaneKey,
  laneItemKnownBy,
  laneItemText,
  type Persona,
} from './schema.ts';

/** Every kind of warning `lintMap` gives, in the order its checks run over a stage or step. */
export const LINT_CODES = [
  'all-assumed',
  'no-department',
  'no-customer-goal',
  'no-kpi',
  'unreachable-step',
  'no-touchpoint',
  'endless-loop',
  'observed-without-evidence',
  'unexplained-dip',
] as const;

export type LintCode = (typeof LINT_CODES)[number];

/**
 * Finds what makes a valid map weak, as warnings with a stable `code` and the `path` of the field
 * concerned, in document order (map, touchpoints, then each stage and its steps, fields in the
 * order the schema lists them):
 *
 * - `all-assumed` (path `[]`): the map has lane items (thoughts, questions, motivations, pain
 *   points, opportunities, objections), at least one is assumed and none is observed, so nothing in
 *   it rests on research. A map whose items are all `proposed` (a pure future state) is not warned.
 * - `no-department`: a touchpoint no department owns.
 * - `no-customer-goal`, `no-kpi`: a stage without a customer goal, or without a KPI.
 * - `unreachable-step`: a step the flow never reaches from the map's first step.
 * - `no-touchpoint`: a step where customer and brand do not meet.
 * - `endless-loop` (at the `next` of the loop's first step): steps that lead only to each other,
 *   so a customer who enters never finishes. See {@link endlessLoops}.
 * - `observed-without-evidence`: a step's lane item marked `observed` that cites no evidence.
 *   Objections are not checked: they have no evidence field to cite it in.
 * - `unexplained-dip` (at the step's `feelings`): a low point of a persona's emotion curve where
 *   the step has neither a pain point nor an opportunity. See {@link emotionDips}.
 *
 * Assumes a map that passed `validateMap`; references to unknown steps are ignored here.
 *
 * @example
 * for (const problem of lintMap(map)) console.log(formatProblem(problem));
 * // stages[1].customerGoal: stage "Overweging" has no customer goal
 */
export function lintMap(map: JourneyMap): Problem[] {
  const steps = placedSteps(map);
  const stepPath = (placed: PlacedStep): FieldPath => [
    'stages',
    placed.stageIndex,
    'steps',
    placed.indexInStage,
  ];

  const reachable = reachableFromFirst(steps);
  const loopAt = new Map<number, number[]>();
  for (const loop of endlessLoops(steps)) loopAt.set(loop[0] ?? 0, loop);
  const dipsAt = new Map<number, { persona: Persona; score: number }[]>();
  for (const persona of map.personas) {
    for (const dip of emotionDips(steps, persona.id)) {
      const placed = steps[dip.index];
      if (!placed || hasItems(placed.step.painPoints) || hasItems(placed.step.opportunities)) continue;
      const list = dipsAt.get(dip.index) ?? [];
      list.push({ persona, score: dip.score });
      dipsAt.set(dip.index, list);
    }
  }

  const problems: Problem[] = [];
  const warn = (path: FieldPath, code: LintCode, message: string): void => {
    problems.push({ severity: 'warning', path, code, message });
  };

  const knownBy = countKnownBy(map);
  const total = knownBy.observed + knownBy.assumed + knownBy.proposed;
  if (knownBy.observed === 0 && knownBy.assumed > 0) {
    const items = total === 1 ? 'lane item' : 'lane items';
    warn(
      [],
      'all-assumed',
      knownBy.proposed === 0
        ? `${total === 1 ? 'the only lane item is' : `all ${total} ${items} are`} assumed; none is observed`
        : `none of the ${total} ${items} is observed (${knownBy.assumed} assumed, ${knownBy.proposed} proposed)`,
    );
  }

  map.touchpoints?.forEach((touchpoint, t) => {
    if (touchpoint.department === undefined)
      warn(
        ['touchpoints', t, 'department'],
        'no-department',
        `touchpoint "${touchpoint.name}" has no owning department`,
      );
  });

  let next = 0;
  map.stages.forEach((stage, s) => {
    if (isBlank(stage.customerGoal))
      warn(['stages', s, 'customerGoal'], 'no-customer-goal', `stage "${stage.name}" has no customer goal`);
    if (!hasItems(stage.kpis)) warn(['stages', s, 'kpis'], 'no-kpi', `stage "${stage.name}" has no KPI`);

    for (const step of stage.steps) {
      const placed = steps[next++];
      if (!placed || placed.step !== step) continue;
      const path = stepPath(placed);
      const name = `step "${step.name}"`;
      if (!reachable.has(placed.index)) {
        const first = steps[0]?.step.name ?? '';
        warn(path, 'unreachable-step', `${name} cannot be reached from the first step "${first}"`);
      }
      if (!hasItems(step.touchpoints))
        warn([...path, 'touchpoints'], 'no-touchpoint', `${name} has no touchpoint`);
      const loop = loopAt.get(placed.index);
      if (loop) warn([...path, 'next'], 'endless-loop', loopMessage(steps, loop));
      for (const lane of LANE_KEYS) {
        step[lane]?.forEach((item, n) => {
          if (laneItemKnownBy(item) !== 'observed') return;
          if (typeof item !== 'string' && hasItems(item.evidence)) return;
          warn(
            [...path, lane, n],
            'observed-without-evidence',
            `observed ${LANE_ITEM_NAMES[lane]} "${shorten(laneItemText(item))}" cites no evidence`,
          );
        });
      }
      const dips = dipsAt.get(placed.index);
      if (dips) {
        const who = listWords(dips.map((dip) => `${dip.persona.name} (${signed(dip.score)})`));
        warn(
          [...path, 'feelings'],
          'unexplained-dip',
          `${name} is a low point for ${who} but has no pain point or opportunity`,
        );
      }
    }
  });
  return problems;
}

/** A point of a persona's emotion curve: the step's place in `placedSteps` order and its score. */
export interface EmotionPoint {
  index: number;
  score: number;
}

/**
 * The dips of one persona's emotion curve. The curve is the steps, in document order, that have a
 * feeling for the persona; steps without one are skipped, not read as 0. A point is a dip when
 * - no neighbour on the curve (the point before and the point after, where they exist) is lower,
 *   and
 * - its score is below 0, or it is the curve's lowest score and the curve is not flat.
 *
 * So a flat stretch at the bottom gives a dip at each of its steps, a single negative point is a
 * dip, a flat curve at 0 or above has none, and on a slope down to a low only the low is a dip.
 */
export function emotionDips(steps: readonly PlacedStep[], personaId: string): EmotionPoint[] {
  const curve: EmotionPoint[] = [];
  for (const placed of steps) {
    const score = placed.step.feelings?.[personaId];
    if (score !== undefined) curve.push({ index: placed.index, score });
  }
  if (curve.length === 0) return [];
  const scores = curve.map((point) => point.score);
  const lowest = Math.min(...scores);
  const flat = Math.max(...scores) === lowest;
  return curve.filter((point, i) => {
    const before = curve[i - 1]?.score;
    const after = curve[i + 1]?.score;
    const isLocalMinimum =
      (before === undefined || point.score <= before) && (after === undefined || point.score <= after);
    return isLocalMinimum && (point.score < 0 || (point.score === lowest && !flat));
  });
}

/**
 * The loops customers cannot leave: strongly connected components of the step graph with more than
 * one step (or one step that leads to itself) from which no step outside the component can be
 * reached. Each is a list of step indexes (in `placedSteps` order), sorted; components in the order
 * of their first step.
 */
export function endlessLoops(steps: readonly PlacedStep[]): number[][] {
  const edges = stepEdges(steps);
  return stronglyConnectedComponents(edges)
    .filter((component) => {
      const members = new Set(component);
      const first = component[0] ?? 0;
      const loops = component.length > 1 || (edges[first] ?? []).includes(first);
      const exits = component.some((i) => (edges[i] ?? []).some((j) => !members.has(j)));
      return loops && !exits;
    })
    .map((component) => [...component].sort((a, b) => a - b))
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

/** For each step (by index), the indexes of the steps that can follow it; unknown ids are dropped. */
function stepEdges(steps: readonly PlacedStep[]): number[][] {
  const indexById = new Map<string, number>();
  for (const placed of steps) if (!indexById.has(placed.step.id)) indexById.set(placed.step.id, placed.index);
  return steps.map((placed) =>
    nextStepIds(steps, placed).flatMap((id) => {
      const index = indexById.get(id);
      return index === undefined ? [] : [index];
    }),
  );
}

function reachableFromFirst(steps: readonly PlacedStep[]): Set<number> {
  const reached = new Set<number>();
  if (steps.length === 0) return reached;
  const edges = stepEdges(steps);
  const queue = [0];
  reached.add(0);
  while (queue.length > 0) {
    const current = queue.pop() ?? 0;
    for (const next of edges[current] ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  return reached;
}

/** Tarjan's algorithm, iterative so that long maps cannot overflow the call stack. */
function stronglyConnectedComponents(edges: readonly (readonly number[])[]): number[][] {
  const order: number[] = new Array(edges.length).fill(-1);
  const low: number[] = new Array(edges.length).fill(0);
  const onStack: boolean[] = new Array(edges.length).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  for (let root = 0; root < edges.length; root++) {
    if (order[root] !== -1) continue;
    // Each frame is a node and how many of its edges have been followed.
    const frames: [number, number][] = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (!frame) break;
      const [node, edgeIndex] = frame;
      const targets = edges[node] ?? [];
      if (edgeIndex < targets.length) {
        frame[1] = edgeIndex + 1;
        const target = targets[edgeIndex] ?? 0;
        if (order[target] === -1) {
          order[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = true;
          frames.push([target, 0]);
        } else if (onStack[target]) {
          low[node] = Math.min(low[node] ?? 0, order[target] ?? 0);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] ?? 0, low[node] ?? 0);
      if (low[node] === order[node]) {
        const component: number[] = [];
        let member: number | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack[member] = false;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}

function loopMessage(steps: readonly PlacedStep[], loop: readonly number[]): string {
  const names = loop.map((i) => `"${steps[i]?.step.name ?? ''}"`);
  if (names.length === 1) return `step ${names[0]} leads only to itself: customers who reach it never finish`;
  return `steps ${listWords(names)} lead only to each other: customers who enter this loop never finish`;
}

function countKnownBy(map: JourneyMap): Record<KnownBy, number> {
  const counts: Record<KnownBy, number> = { observed: 0, assumed: 0, proposed: 0 };
  for (const stage of map.stages) {
    for (const objection of stage.objections ?? []) counts[objection.knownBy ?? 'assumed']++;
    for (const step of stage.steps) {
      for (const lane of LANE_KEYS) for (const item of step[lane] ?? []) counts[laneItemKnownBy(item)]++;
    }
  }
  return counts;
}

const LANE_ITEM_NAMES: Record<LaneKey, string> = {
  thoughts: 'thought',
  questions: 'question',
  motivations: 'motivation',
  painPoints: 'pain point',
  opportunities: 'opportunity',
};

function hasItems(list: readonly unknown[] | undefined): boolean {
  return list !== undefined && list.length > 0;
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim().length === 0;
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function signed(score: number): string {
  return score > 0 ? `+${score}` : String(score);
}

/** `a`, `a and b`, `a, b and c`. */
function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
