/**
 * Paths: the sequences customers really took, as the top full paths and a Sankey-ready list of
 * nodes and edges.
 *
 * What a path is:
 * - One session's sequence (`per: 'session'`, the default) or a customer's whole history
 *   (`per: 'customer'`). Sessions follow `sessionIndexes`: a new session when the session id
 *   changes, or, for events without one, after more than 30 minutes without events. Every event
 *   counts for the gap, also events that are not nodes of the path.
 * - Over touchpoints (`over: 'touchpoints'`, the default with a map): each event is the first
 *   touchpoint, in map order, whose match rules it matches; events matching none are left out.
 *   Nodes are touchpoint ids. Over events (`over: 'events'`, the default without a map): nodes
 *   are event names.
 * - `collapseRepeats` merges consecutive equal nodes (after leaving out unmatched events).
 * - `start` keeps the part of a sequence from the first occurrence of that node; `end` the part up
 *   to the first occurrence of that node (at or after the start). Sequences without them are left
 *   out. Over touchpoints a step or stage id stands for any touchpoint it uses.
 * - A sequence longer than `maxSteps` (10) nodes is cut: its first `maxSteps` nodes then a node
 *   `…` (MORE_STEPS), so the Sankey shows that the path goes on; with `end` but no `start` the
 *   last `maxSteps` nodes are kept after a leading `…`, since what led to the end is the question.
 *   Such paths have `truncated: true`.
 * - A session or customer without any node is no path.
 *
 * Top paths: count descending, then the nodes' names compared one by one (code-unit order, a
 * path before its extensions), so the result does not depend on the order customers arrive in.
 * Nodes are (position, name) pairs with the paths through them and the paths ending there
 * (drop-off); edges join position i to i + 1. For every node, its count equals the edges out of
 * it plus its ends.
 *
 * The pass counts whole paths in an open-addressing table on typed arrays: a path's node codes
 * are hashed as they are cut, so each path costs one table lookup (a trie would cost one per
 * node), and each distinct path's codes are stored once. Nodes and edges are summed from the
 * distinct paths at the end; no strings until the result.
 */
import { type JourneyMap, type MatchRule, placedSteps } from '@touchline/core';
import { type CustomerRun, forEachCustomer, SESSION_GAP_MS } from './customers.ts';
import { touchpointRules } from './match.ts';
import type { EventStore, ScanRequest } from './store.ts';

/** The node that ends (or, with only `end`, begins) a path cut at `maxSteps` nodes. */
export const MORE_STEPS = '…';
export const DEFAULT_MAX_STEPS = 10;
export const DEFAULT_TOP_PATHS = 10;

export type PathsOver = 'touchpoints' | 'events';
export type PathsPer = 'session' | 'customer';

export interface PathsSpec {
  /** Nodes are touchpoints (needs a map) or event names; touchpoints when a map is given. */
  over?: PathsOver;
  /** One path per session (default) or per customer. */
  per?: PathsPer;
  /** Merge consecutive equal nodes. */
  collapseRepeats?: boolean;
  /** Nodes kept per path before it is cut (default 10). */
  maxSteps?: number;
  /** Full paths listed (default 10). */
  top?: number;
  /** Paths begin at the first occurrence of this node: a touchpoint, step or stage id, or an event name. */
  start?: string;
  /** Paths end at the first occurrence of this node (at or after the start). */
  end?: string;
  /** Inclusive lower and exclusive upper bound on event time, epoch milliseconds. */
  from?: number;
  to?: number;
}

export interface PathEntry {
  path: string[];
  count: number;
  /** count / total_paths. */
  share: number;
  /** Whether the path was cut at `max_steps` (it holds a `…` node). */
  truncated: boolean;
}

export interface PathNodeRef {
  /** 0 for the first node of a path. */
  position: number;
  name: string;
}

export interface PathNode extends PathNodeRef {
  /** Paths through this node. */
  count: number;
  /** Paths ending at this node: the drop-off. */
  ends: number;
}

export interface PathEdge {
  from: PathNodeRef;
  to: PathNodeRef;
  count: number;
}

/** The result as `--json` prints it. */
export interface PathsResult {
  over: PathsOver;
  per: PathsPer;
  max_steps: number;
  collapse_repeats: boolean;
  total_paths: number;
  /** Paths cut at `max_steps`. */
  truncated_paths: number;
  /** The top paths: count descending, then the names in order. */
  paths: PathEntry[];
  /** By position, then count descending, then name. */
  nodes: PathNode[];
  /** By the position they leave, then count descending, then the names. */
  edges: PathEdge[];
}

/** Grows a typed array to hold at least `size` items, doubling. */
function grown<T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(array: T, size: number): T {
  if (size <= array.length) return array;
  let length = array.length * 2;
  while (length < size) length *= 2;
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}

/**
 * Dense ids for pairs of 32-bit integers, in the order pairs are first seen: a hash table with
 * open addressing on typed arrays, so counting does not allocate per lookup. Paths key Sankey
 * edges by (node, code of the next node); the discovered journey keys transitions by (from, to).
 */
export class PairIndex {
  /** Pairs held; ids run from 0 to size - 1. */
  size = 0;
  private pairs = new Int32Array(128);
  /** Per slot: first, second, id + 1 (0 when empty), side by side so a probe reads one cache line. */
  private slots = new Int32Array(128 * 4);
  private mask = 127;

  private static hash(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) + b) | 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return h ^ (h >>> 13);
  }

  first(id: number): number {
    return this.pairs[id * 2] ?? 0;
  }

  second(id: number): number {
    return this.pairs[id * 2 + 1] ?? 0;
  }

  /** The id of a pair, or -1 when it has none. */
  find(a: number, b: number): number {
    const slots = this.slots;
    let slot = PairIndex.hash(a, b) & this.mask;
    for (;;) {
      const at = slot * 4;
      const held = slots[at + 2] ?? 0;
      if (held === 0) return -1;
      if (slots[at] === a && slots[at + 1] === b) return held - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The id of a pair, given a new one (`size` before the call) when it has none. */
  id(a: number, b: number): number {
    const slots = this.slots;
    let slot = PairIndex.hash(a, b) & this.mask;
    for (;;) {
      const at = slot * 4;
      const held = slots[at + 2] ?? 0;
      if (held === 0) break;
      if (slots[at] === a && slots[at + 1] === b) return held - 1;
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    this.pairs = grown(this.pairs, this.size * 2);
    this.pairs[id * 2] = a;
    this.pairs[id * 2 + 1] = b;
    const at = slot * 4;
    slots[at] = a;
    slots[at + 1] = b;
    slots[at + 2] = id + 1;
    if (this.size * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const capacity = (this.mask + 1) * 2;
    const slots = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
    for (let id = 0; id < this.size; id++) {
      const a = this.pairs[id * 2] ?? 0;
      const b = this.pairs[id * 2 + 1] ?? 0;
      let slot = PairIndex.hash(a, b) & this.mask;
      while ((slots[slot * 4 + 2] ?? 0) !== 0) slot = (slot + 1) & this.mask;
      slots[slot * 4] = a;
      slots[slot * 4 + 1] = b;
      slots[slot * 4 + 2] = id + 1;
    }
    this.slots = slots;
  }
}

/** The touchpoints an event can be classified into: those with match rules, in map order. */
export interface TouchpointClasses {
  /** Touchpoint id per class index. */
  ids: string[];
  /** Match rules per class index, for `ScanRequest.classes`. */
  classes: MatchRule[][];
}

/** The map's touchpoints with match rules, in map order: an event is the first one it matches. */
export function touchpointClasses(map: JourneyMap): TouchpointClasses {
  const ids: string[] = [];
  const classes: MatchRule[][] = [];
  for (const touchpoint of map.touchpoints ?? []) {
    const rules = touchpointRules(map, touchpoint.id);
    if (rules.length === 0) continue;
    ids.push(touchpoint.id);
    classes.push(rules);
  }
  return { ids, classes };
}

/** A spec with its defaults filled in and its references resolved to node names. */
export interface PathsPlan {
  over: PathsOver;
  per: PathsPer;
  collapseRepeats: boolean;
  maxSteps: number;
  top: number;
  /** Node names a path may start at; null when any. */
  startNames: string[] | null;
  endNames: string[] | null;
  /** Touchpoint ids per class (over touchpoints). */
  touchpointIds: string[];
  request: ScanRequest;
}

function referenceNodes(
  ref: string,
  over: PathsOver,
  map: JourneyMap | undefined,
  ids: string[],
): string[] | null {
  if (over === 'events') return [ref];
  if (!map) return null;
  const classified = (touchpoints: readonly string[]) => ids.filter((id) => touchpoints.includes(id));
  if (map.touchpoints?.some((t) => t.id === ref)) return classified([ref]);
  const step = placedSteps(map).find((p) => p.step.id === ref);
  if (step) return classified(step.step.touchpoints ?? []);
  const stage = map.stages.find((s) => s.id === ref);
  if (stage) return classified(stage.steps.flatMap((s) => s.touchpoints ?? []));
  return null;
}

function isWholeNumber(value: number, min: number): boolean {
  return Number.isSafeInteger(value) && value >= min;
}

/** What is wrong with a spec, one message per problem; empty when it can run. */
export function pathsSpecProblems(spec: PathsSpec, map?: JourneyMap): string[] {
  const problems: string[] = [];
  const over = spec.over ?? (map ? 'touchpoints' : 'events');
  if (over === 'touchpoints' && !map) problems.push('paths over touchpoints need a map');
  if (spec.maxSteps !== undefined && !isWholeNumber(spec.maxSteps, 1))
    problems.push(`max steps ${spec.maxSteps}: give a whole number of at least 1`);
  if (spec.top !== undefined && !isWholeNumber(spec.top, 1))
    problems.push(`top ${spec.top}: give a whole number of at least 1`);
  if (map && over === 'touchpoints') {
    const ids = touchpointClasses(map).ids;
    for (const [name, ref] of [
      ['start', spec.start],
      ['end', spec.end],
    ] as const) {
      if (ref !== undefined && referenceNodes(ref, over, map, ids) === null)
        problems.push(`${name} ${ref}: not a touchpoint, step or stage of the map`);
    }
  }
  return problems;
}

/**
 * Fills in a spec's defaults, resolves its references and builds the scan request.
 * Throws a RangeError naming the problems of a spec that cannot run.
 */
export function planPaths(spec: PathsSpec, map?: JourneyMap): PathsPlan {
  const problems = pathsSpecProblems(spec, map);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const over = spec.over ?? (map ? 'touchpoints' : 'events');
  const per = spec.per ?? 'session';
  const { ids, classes } = map && over === 'touchpoints' ? touchpointClasses(map) : { ids: [], classes: [] };
  const request: ScanRequest = {};
  if (over === 'touchpoints') {
    request.classes = classes;
    // Sessions are visits: every event counts for the 30-minute gap, so only whole customers
    // may drop the events that are no node.
    if (per === 'customer') request.matchedOnly = true;
  }
  if (per === 'session') request.columns = ['session'];
  if (spec.from !== undefined) request.from = spec.from;
  if (spec.to !== undefined) request.to = spec.to;
  return {
    over,
    per,
    collapseRepeats: spec.collapseRepeats ?? false,
    maxSteps: spec.maxSteps ?? DEFAULT_MAX_STEPS,
    top: spec.top ?? DEFAULT_TOP_PATHS,
    startNames: spec.start === undefined ? null : (referenceNodes(spec.start, over, map, ids) ?? []),
    endNames: spec.end === undefined ? null : (referenceNodes(spec.end, over, map, ids) ?? []),
    touchpointIds: ids,
    request,
  };
}

/** Flags by node code for a set of names; null when there is no filter. */
function nameFlags(names: readonly string[], wanted: readonly string[] | null): Uint8Array | null {
  if (wanted === null) return null;
  const flags = new Uint8Array(names.length);
  names.forEach((name, code) => {
    if (wanted.includes(name)) flags[code] = 1;
  });
  return flags;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a over 32-bit codes, then a final mix. */
function mixHash(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/**
 * The pass: counts the paths of customer runs. `names` are the node names by code (touchpoint
 * ids by class, or the scan's event names).
 */
export class PathCounter {
  /**
   * The table of distinct paths, four integers per slot: hash, offset in `pool` + 1 (0: empty),
   * count, length. The count sits beside the key so a lookup touches one cache line.
   */
  private slots = new Int32Array(65_536 * 4);
  private mask = 65_535;
  private distinct = 0;
  /** The codes of every distinct path, one after the other. Code 0 is MORE_STEPS, node code c is c + 1. */
  private pool = new Int32Array(1024);
  private poolSize = 0;
  /** The current session's (or customer's) node codes. */
  private sequence = new Int32Array(64);
  /** The path being counted, in pool codes. */
  private path: Int32Array;
  private readonly startFlags: Uint8Array | null;
  private readonly endFlags: Uint8Array | null;
  private totalPaths = 0;
  private truncatedPaths = 0;

  constructor(
    private readonly plan: PathsPlan,
    private readonly names: readonly string[],
    private readonly gapMs = SESSION_GAP_MS,
  ) {
    this.startFlags = nameFlags(names, plan.startNames);
    this.endFlags = nameFlags(names, plan.endNames);
    this.path = new Int32Array(plan.maxSteps + 1);
  }

  /** Adds the paths of one customer's events. */
  addCustomer(run: CustomerRun): void {
    const { batch, start, end } = run;
    const codes = this.plan.over === 'touchpoints' ? batch.cls : batch.event;
    const perSession = this.plan.per === 'session';
    const { time, session } = batch;
    const gapMs = this.gapMs;
    const collapse = this.plan.collapseRepeats;
    let sequence = this.sequence;
    let length = 0;
    for (let row = start; row < end; row++) {
      // The rule of `sessionIndexes`, inline so no array is allocated per customer.
      if (perSession && row > start) {
        const previousSession = session?.[row - 1] ?? -1;
        const currentSession = session?.[row] ?? -1;
        const newSession =
          currentSession !== -1 || previousSession !== -1
            ? currentSession !== previousSession
            : (time[row] ?? 0) - (time[row - 1] ?? 0) > gapMs;
        if (newSession) {
          this.addSequence(length);
          length = 0;
        }
      }
      const code = codes[row] ?? -1;
      if (code < 0) continue;
      if (collapse && length > 0 && sequence[length - 1] === code) continue;
      if (length === sequence.length) {
        sequence = grown(sequence, length + 1);
        this.sequence = sequence;
      }
      sequence[length++] = code;
    }
    this.addSequence(length);
  }

  /** Trims and cuts `this.sequence[0 .. length)` into `this.path`, then counts it. */
  private addSequence(length: number): void {
    if (length === 0) return;
    const sequence = this.sequence;
    let first = 0;
    if (this.startFlags !== null) {
      while (first < length && this.startFlags[sequence[first] ?? 0] !== 1) first++;
      if (first === length) return;
    }
    let last = length - 1;
    if (this.endFlags !== null) {
      last = first;
      while (last < length && this.endFlags[sequence[last] ?? 0] !== 1) last++;
      if (last === length) return;
    }
    const maxSteps = this.plan.maxSteps;
    const cut = last - first + 1 > maxSteps;
    const path = this.path;
    let size = 0;
    let hash = 0x811c9dc5;
    if (cut && this.endFlags !== null && this.startFlags === null) {
      path[size++] = 0;
      hash = mixHash(hash, 0);
      for (let i = last - maxSteps + 1; i <= last; i++) {
        const code = (sequence[i] ?? 0) + 1;
        path[size++] = code;
        hash = mixHash(hash, code);
      }
    } else {
      const stop = cut ? first + maxSteps - 1 : last;
      for (let i = first; i <= stop; i++) {
        const code = (sequence[i] ?? 0) + 1;
        path[size++] = code;
        hash = mixHash(hash, code);
      }
      if (cut) {
        path[size++] = 0;
        hash = mixHash(hash, 0);
      }
    }
    hash ^= hash >>> 15;
    hash = Math.imul(hash, 0x2c1b3c6d);
    hash ^= hash >>> 12;
    this.count(hash, size);
    this.totalPaths++;
    if (cut) this.truncatedPaths++;
  }

  /** Counts `this.path[0 .. size)` once. */
  private count(hash: number, size: number): void {
    const slots = this.slots;
    const path = this.path;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot * 4;
      const held = slots[at + 1] ?? 0;
      if (held === 0) break;
      if (slots[at] === hash && slots[at + 3] === size) {
        const offset = held - 1;
        const pool = this.pool;
        let same = true;
        for (let i = 0; i < size; i++) {
          if (pool[offset + i] !== path[i]) {
            same = false;
            break;
          }
        }
        if (same) {
          slots[at + 2] = (slots[at + 2] ?? 0) + 1;
          return;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    const offset = this.poolSize;
    this.pool = grown(this.pool, offset + size);
    this.pool.set(path.subarray(0, size), offset);
    this.poolSize += size;
    const at = slot * 4;
    slots[at] = hash;
    slots[at + 1] = offset + 1;
    slots[at + 2] = 1;
    slots[at + 3] = size;
    if (++this.distinct * 2 > this.mask + 1) this.rehash();
  }

  private rehash(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    const slots = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += 4) {
      if ((old[at + 1] ?? 0) === 0) continue;
      let slot = (old[at] ?? 0) & this.mask;
      while ((slots[slot * 4 + 1] ?? 0) !== 0) slot = (slot + 1) & this.mask;
      slots.set(old.subarray(at, at + 4), slot * 4);
    }
    this.slots = slots;
  }

  private nodeName(code: number): string {
    return code === 0 ? MORE_STEPS : (this.names[code - 1] ?? `#${code - 1}`);
  }

  /**
   * Sankey nodes and edges of the distinct paths (offsets, lengths and counts in the pool). Node
   * (position, code) is slot position * C + code of a dense table, C the number of codes; edges
   * are keyed by their first node's slot and the second node's code.
   */
  private nodesAndEdges(
    offsets: Int32Array,
    lengths: Int32Array,
    counts: Float64Array,
  ): { nodes: PathNode[]; edges: PathEdge[] } {
    const pool = this.pool;
    const codes = this.names.length + 1;
    let longest = 0;
    for (const length of lengths) longest = Math.max(longest, length);
    const nodeCounts = new Float64Array(longest * codes);
    const nodeEnds = new Float64Array(longest * codes);
    const edgeIndex = new PairIndex();
    const edgeCounts: number[] = [];
    for (let p = 0; p < offsets.length; p++) {
      const offset = offsets[p] ?? 0;
      const length = lengths[p] ?? 0;
      const count = counts[p] ?? 0;
      let previous = -1;
      for (let position = 0; position < length; position++) {
        const code = pool[offset + position] ?? 0;
        const node = position * codes + code;
        nodeCounts[node] = (nodeCounts[node] ?? 0) + count;
        if (position === length - 1) nodeEnds[node] = (nodeEnds[node] ?? 0) + count;
        if (previous >= 0) {
          const edge = edgeIndex.id(previous, code);
          edgeCounts[edge] = (edgeCounts[edge] ?? 0) + count;
        }
        previous = node;
      }
    }
    const refOf = (node: number): PathNodeRef => ({
      position: Math.floor(node / codes),
      name: this.nodeName(node % codes),
    });
    const nodes: PathNode[] = [];
    for (let node = 0; node < nodeCounts.length; node++) {
      const count = nodeCounts[node] ?? 0;
      if (count > 0) nodes.push({ ...refOf(node), count, ends: nodeEnds[node] ?? 0 });
    }
    nodes.sort((a, b) => a.position - b.position || b.count - a.count || compareText(a.name, b.name));
    const edges: PathEdge[] = [];
    for (let edge = 0; edge < edgeIndex.size; edge++) {
      const from = edgeIndex.first(edge);
      const to = (Math.floor(from / codes) + 1) * codes + edgeIndex.second(edge);
      edges.push({ from: refOf(from), to: refOf(to), count: edgeCounts[edge] ?? 0 });
    }
    edges.sort(
      (a, b) =>
        a.from.position - b.from.position ||
        b.count - a.count ||
        compareText(a.from.name, b.from.name) ||
        compareText(a.to.name, b.to.name),
    );
    return { nodes, edges };
  }

  /** The result: the `top` paths, all nodes and edges. */
  result(): PathsResult {
    // The distinct paths: offset in the pool, length, count.
    const offsets = new Int32Array(this.distinct);
    const lengths = new Int32Array(this.distinct);
    const counts = new Float64Array(this.distinct);
    for (let at = 0, p = 0; at < this.slots.length; at += 4) {
      const held = this.slots[at + 1] ?? 0;
      if (held === 0) continue;
      offsets[p] = held - 1;
      counts[p] = this.slots[at + 2] ?? 0;
      lengths[p++] = this.slots[at + 3] ?? 0;
    }
    const pool = this.pool;

    // Rank of every code by name, so paths compare without building their text.
    const codes = Array.from({ length: this.names.length + 1 }, (_, code) => code);
    codes.sort((a, b) => compareText(this.nodeName(a), this.nodeName(b)) || a - b);
    const rank = new Int32Array(codes.length);
    codes.forEach((code, position) => {
      rank[code] = position;
    });
    // Negative when distinct path a lists before distinct path b.
    const compare = (a: number, b: number): number => {
      const byCount = (counts[b] ?? 0) - (counts[a] ?? 0);
      if (byCount !== 0) return byCount;
      const offsetA = offsets[a] ?? 0;
      const offsetB = offsets[b] ?? 0;
      const lengthA = lengths[a] ?? 0;
      const lengthB = lengths[b] ?? 0;
      for (let i = 0; i < Math.min(lengthA, lengthB); i++) {
        const byRank = (rank[pool[offsetA + i] ?? 0] ?? 0) - (rank[pool[offsetB + i] ?? 0] ?? 0);
        if (byRank !== 0) return byRank;
      }
      return lengthA - lengthB;
    };

    const top: number[] = [];
    const wanted = this.plan.top;
    for (let p = 0; p < offsets.length; p++) {
      if (top.length === wanted && compare(p, top[top.length - 1] ?? 0) >= 0) continue;
      let at = top.length;
      while (at > 0 && compare(p, top[at - 1] ?? 0) < 0) at--;
      top.splice(at, 0, p);
      if (top.length > wanted) top.pop();
    }
    const total = this.totalPaths;
    const paths = top.map((p): PathEntry => {
      const offset = offsets[p] ?? 0;
      const codesOfPath = Array.from(pool.subarray(offset, offset + (lengths[p] ?? 0)));
      const count = counts[p] ?? 0;
      return {
        path: codesOfPath.map((code) => this.nodeName(code)),
        count,
        share: total === 0 ? 0 : count / total,
        truncated: codesOfPath.includes(0),
      };
    });

    // Nodes are (position, code) pairs and edges pairs of nodes, summed over the distinct paths.
    const { nodes, edges } = this.nodesAndEdges(offsets, lengths, counts);
    return {
      over: this.plan.over,
      per: this.plan.per,
      max_steps: this.plan.maxSteps,
      collapse_repeats: this.plan.collapseRepeats,
      total_paths: total,
      truncated_paths: this.truncatedPaths,
      paths,
      nodes,
      edges,
    };
  }
}

/**
 * The top paths and the Sankey nodes and edges of the events in a store.
 *
 * @example
 * const result = await paths(store, { per: 'session', collapseRepeats: true, top: 5 }, map);
 * result.paths[0]; // { path: ['landing-page', 'product-page'], count: 812, share: 0.21, truncated: false }
 */
export async function paths(store: EventStore, spec: PathsSpec = {}, map?: JourneyMap): Promise<PathsResult> {
  const plan = planPaths(spec, map);
  const scan = await store.scan(plan.request);
  const names = plan.over === 'touchpoints' ? plan.touchpointIds : scan.dictionaries.events;
  const counter = new PathCounter(plan, names);
  await forEachCustomer(scan.batches, (run) => counter.addCustomer(run));
  return counter.result();
}
