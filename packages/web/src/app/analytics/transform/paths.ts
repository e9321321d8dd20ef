/**
 * The paths' answer as a Sankey: columns are positions in the path (first touchpoint, second,
 * ...), the largest nodes of each column kept and the rest joined into one "other" node per
 * column, so flow is kept whole: into a node of a later column flow the paths through it, out
 * of a node flow its paths less those ending there. Links the map designs are marked, so the
 * designed path stands out from what customers did beside it.
 */
import { type JourneyMap, stepGraph } from '@touchline/core';
import type { PathsJson } from '../../api/analytics-types.ts';
import { type Labeller, matchableTouchpoints } from './names.ts';

/** The node that ends a path cut at its longest (the analytics package's MORE_STEPS). */
export const MORE_STEPS = '…';

/** Touchpoint pairs (a, b) the map designs: written `a → b` as `${a}\u0000${b}`. */
export type DesignedTransitions = ReadonlySet<string>;

const pairKey = (from: string, to: string) => `${from}\u0000${to}`;

/**
 * The moves between touchpoints that follow the map's design: from a touchpoint of a step to
 * a touchpoint of the same step, itself included (a step is done through its touchpoints, in
 * any order and as often as it takes) or to a touchpoint of a designed next step. Only touchpoints events can count as take part.
 *
 * @example
 * designedTransitions(shoes).has(`landing-page\u0000product-page`) // true: clicks-ad -> browses-e-shop
 */
export function designedTransitions(map: JourneyMap): DesignedTransitions {
  const matchable = matchableTouchpoints(map);
  const touchpointsOf = new Map<string, string[]>();
  for (const stage of map.stages)
    for (const step of stage.steps)
      touchpointsOf.set(
        step.id,
        (step.touchpoints ?? []).filter((id) => matchable.has(id)),
      );
  const pairs = new Set<string>();
  for (const [step, next] of stepGraph(map)) {
    const from = touchpointsOf.get(step) ?? [];
    for (const target of [step, ...next]) {
      for (const a of from) for (const b of touchpointsOf.get(target) ?? []) pairs.add(pairKey(a, b));
    }
  }
  return pairs;
}

export function isDesigned(designed: DesignedTransitions | null, from: string, to: string): boolean {
  return designed?.has(pairKey(from, to)) ?? false;
}

export interface SankeyNode {
  /** Unique across columns: the position and the name. */
  id: string;
  position: number;
  /** The touchpoint id or event name; null for the column's "other" node. */
  name: string | null;
  label: string;
  /** Paths through the node. */
  count: number;
  /** Paths that end at the node. */
  ends: number;
  /** Whether a designed link enters or leaves it. */
  designed: boolean;
}

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
  designed: boolean;
}

export interface SankeyView {
  nodes: SankeyNode[];
  links: SankeyLink[];
  totalPaths: number;
  columns: number;
  /** Of the flow between two named nodes, the share along designed links; null without a design or flow. */
  designedShare: number | null;
}

export function nodeId(position: number, name: string | null): string {
  return JSON.stringify([position, name]);
}

/**
 * @param nodesPerColumn the largest nodes kept per column; the others become one "other" node.
 * @param designed the map's designed moves (paths over touchpoints), or null (paths over events).
 */
export function sankeyView(
  json: PathsJson,
  options: {
    nodesPerColumn: number;
    designed: DesignedTransitions | null;
    label: Labeller;
    otherLabel: string;
  },
): SankeyView {
  const kept = new Set<string>();
  const columnCounts = new Map<number, number>();
  // Nodes come by position, then count descending: the first few of each position are the largest.
  for (const node of json.nodes) {
    const seen = columnCounts.get(node.position) ?? 0;
    columnCounts.set(node.position, seen + 1);
    if (seen < options.nodesPerColumn || node.name === MORE_STEPS) kept.add(nodeId(node.position, node.name));
  }
  const idOf = (position: number, name: string) => {
    const id = nodeId(position, name);
    return kept.has(id) ? id : nodeId(position, null);
  };

  const nodes = new Map<string, SankeyNode>();
  for (const node of json.nodes) {
    const id = idOf(node.position, node.name);
    const named = kept.has(id);
    const existing = nodes.get(id);
    if (existing) {
      existing.count += node.count;
      existing.ends += node.ends;
    } else {
      nodes.set(id, {
        id,
        position: node.position,
        name: named ? node.name : null,
        label: named
          ? node.name === MORE_STEPS
            ? MORE_STEPS
            : options.label(node.name)
          : options.otherLabel,
        count: node.count,
        ends: node.ends,
        designed: false,
      });
    }
  }

  const links = new Map<string, SankeyLink>();
  let namedFlow = 0;
  let designedFlow = 0;
  for (const edge of json.edges) {
    const source = idOf(edge.from.position, edge.from.name);
    const target = idOf(edge.to.position, edge.to.name);
    const bothNamed = kept.has(source) && kept.has(target);
    const designed = bothNamed && isDesigned(options.designed, edge.from.name, edge.to.name);
    if (bothNamed && edge.from.name !== MORE_STEPS && edge.to.name !== MORE_STEPS) {
      namedFlow += edge.count;
      if (designed) designedFlow += edge.count;
    }
    const key = pairKey(source, target);
    const link = links.get(key);
    if (link) link.value += edge.count;
    else links.set(key, { source, target, value: edge.count, designed });
    if (designed) {
      (nodes.get(source) as SankeyNode).designed = true;
      (nodes.get(target) as SankeyNode).designed = true;
    }
  }

  return {
    nodes: [...nodes.values()],
    links: [...links.values()],
    totalPaths: json.total_paths,
    columns: columnCounts.size,
    designedShare: options.designed === null || namedFlow === 0 ? null : designedFlow / namedFlow,
  };
}

export interface TopPath {
  labels: string[];
  count: number;
  share: number;
  truncated: boolean;
  /** Every move of the path is designed (a path of one touchpoint follows the design trivially). */
  followsDesign: boolean | null;
}

/** The top full paths, labelled, each said to follow the design or not (null without a design). */
export function topPaths(json: PathsJson, designed: DesignedTransitions | null, label: Labeller): TopPath[] {
  return json.paths.map((entry) => ({
    labels: entry.path.map((name) => (name === MORE_STEPS ? MORE_STEPS : label(name))),
    count: entry.count,
    share: entry.share,
    truncated: entry.truncated,
    followsDesign:
      designed === null
        ? null
        : entry.path.every(
            (name, index) =>
              index === 0 ||
              name === MORE_STEPS ||
              isDesigned(designed, entry.path[index - 1] as string, name),
          ),
  }));
}
