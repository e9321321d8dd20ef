import { buildShoesMap } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import type { PathsJson } from '../../api/analytics-types.ts';
import { mapLabeller } from './names.ts';
import { designedTransitions, isDesigned, MORE_STEPS, nodeId, sankeyView, topPaths } from './paths.ts';

/**
 * The paths answer for some paths, computed here the plain way: every path counted at each of its
 * (position, name) nodes, each consecutive pair an edge, the last node an end.
 */
function pathsJsonOf(paths: readonly (readonly string[])[]): PathsJson {
  const nodes = new Map<string, { position: number; name: string; count: number; ends: number }>();
  const edges = new Map<
    string,
    { from: { position: number; name: string }; to: { position: number; name: string }; count: number }
  >();
  paths.forEach((path) => {
    path.forEach((name, position) => {
      const key = `${position}/${name}`;
      const node = nodes.get(key) ?? { position, name, count: 0, ends: 0 };
      node.count++;
      if (position === path.length - 1) node.ends++;
      nodes.set(key, node);
      const next = path[position + 1];
      if (next !== undefined) {
        const edgeKey = `${key}>${next}`;
        const edge = edges.get(edgeKey) ?? {
          from: { position, name },
          to: { position: position + 1, name: next },
          count: 0,
        };
        edge.count++;
        edges.set(edgeKey, edge);
      }
    });
  });
  const counted = new Map<string, number>();
  for (const path of paths) counted.set(JSON.stringify(path), (counted.get(JSON.stringify(path)) ?? 0) + 1);
  return {
    over: 'touchpoints',
    per: 'session',
    max_steps: 10,
    collapse_repeats: true,
    total_paths: paths.length,
    truncated_paths: paths.filter((path) => path.includes(MORE_STEPS)).length,
    paths: [...counted].map(([path, count]) => ({
      path: JSON.parse(path) as string[],
      count,
      share: count / paths.length,
      truncated: path.includes(MORE_STEPS),
    })),
    nodes: [...nodes.values()].sort(
      (a, b) => a.position - b.position || b.count - a.count || (a.name < b.name ? -1 : 1),
    ),
    edges: [...edges.values()].sort((a, b) => a.from.position - b.from.position || b.count - a.count),
  };
}

const shoes = buildShoesMap('en');
const designed = designedTransitions(shoes);

const SESSIONS: string[][] = [
  ...Array.from({ length: 6 }, () => ['landing-page', 'product-page', 'cart', 'thank-you-page']),
  ...Array.from({ length: 4 }, () => ['landing-page', 'product-page']),
  ...Array.from({ length: 3 }, () => ['ad']),
  ['e-shop', 'product-page', 'cart'],
  ['e-shop', 'blog', 'product-page'],
  ['blog', 'thank-you-page'],
  ['newsletter', 'e-shop', 'category-page', 'product-page', 'cart', 'login-registration', MORE_STEPS],
  ['faqs', 'ad'],
];

/** Flow into and out of each node, against its paths and ends. */
function flowProblems(view: ReturnType<typeof sankeyView>): string[] {
  const problems: string[] = [];
  for (const node of view.nodes) {
    const into = view.links.filter((l) => l.target === node.id).reduce((s, l) => s + l.value, 0);
    const out = view.links.filter((l) => l.source === node.id).reduce((s, l) => s + l.value, 0);
    if (node.position > 0 && into !== node.count)
      problems.push(`${node.id}: in ${into}, count ${node.count}`);
    if (out + node.ends !== node.count)
      problems.push(`${node.id}: out ${out} + ends ${node.ends}, count ${node.count}`);
  }
  return problems;
}

describe('designedTransitions of the shoe map', () => {
  it.each([
    ['landing-page', 'product-page', true], // clicks-ad -> browses-e-shop
    ['ad', 'landing-page', true], // both of clicks-ad
    ['product-page', 'product-page', true], // staying in a step
    ['product-page', 'cart', true], // browses-e-shop -> checkout
    ['cart', 'thank-you-page', true], // checkout -> thank-you-page
    ['blog', 'product-page', false], // wants-shoes -> browses-e-shop skips clicks-ad
    ['thank-you-page', 'landing-page', false],
    ['cart', 'landing-page', false],
    ['product-page', 'ad', false],
    ['inserts', 'product', false], // touchpoints no event counts as
  ])('%s -> %s designed: %s', (from, to, expected) => {
    expect(isDesigned(designed, from, to)).toBe(expected);
  });

  it('says nothing is designed without a design', () => {
    expect(isDesigned(null, 'landing-page', 'product-page')).toBe(false);
  });
});

describe('sankeyView', () => {
  const json = pathsJsonOf(SESSIONS);
  const label = mapLabeller(shoes);

  it.each([1, 2, 3, 10])('with %d nodes per column, flow is conserved at every node', (nodesPerColumn) => {
    const view = sankeyView(json, { nodesPerColumn, designed, label, otherLabel: 'Other' });
    expect(flowProblems(view)).toEqual([]);
    // The first column holds every path once.
    const first = view.nodes.filter((node) => node.position === 0);
    expect(first.reduce((sum, node) => sum + node.count, 0)).toBe(SESSIONS.length);
    // Per column at most the kept nodes, one "other" and the "…" of cut paths.
    for (let position = 0; position < view.columns; position++) {
      const column = view.nodes.filter((node) => node.position === position);
      expect(
        column.filter((node) => node.name !== null && node.name !== MORE_STEPS).length,
      ).toBeLessThanOrEqual(nodesPerColumn);
      expect(column.filter((node) => node.name === null).length).toBeLessThanOrEqual(1);
    }
    // Every link joins a column to the next.
    const positions = new Map(view.nodes.map((node) => [node.id, node.position]));
    for (const link of view.links)
      expect((positions.get(link.target) ?? 0) - (positions.get(link.source) ?? 0)).toBe(1);
  });

  it('keeps the largest nodes by name and joins the rest into "other" per column', () => {
    const view = sankeyView(json, { nodesPerColumn: 1, designed, label, otherLabel: 'Other' });
    const first = view.nodes.filter((node) => node.position === 0);
    expect(first.map((node) => [node.name, node.label, node.count])).toEqual([
      ['landing-page', 'Landing page', 10],
      [null, 'Other', 8],
    ]);
    expect(view.columns).toBe(7);
    expect(view.nodes.find((node) => node.name === MORE_STEPS)?.label).toBe(MORE_STEPS);
  });

  it('marks the designed links and their nodes; the designed share is of the flow between named nodes', () => {
    const view = sankeyView(json, { nodesPerColumn: 10, designed, label, otherLabel: 'Other' });
    const link = (from: [number, string], to: [number, string]) =>
      view.links.find((l) => l.source === nodeId(...from) && l.target === nodeId(...to));
    expect(link([0, 'landing-page'], [1, 'product-page'])).toMatchObject({ value: 10, designed: true });
    expect(link([0, 'blog'], [1, 'thank-you-page'])).toMatchObject({ value: 1, designed: false });
    expect(view.nodes.find((n) => n.id === nodeId(0, 'faqs'))?.designed).toBe(false);
    // Independently: every move between two touchpoints of the sessions, and the designed ones.
    let moves = 0;
    let designedMoves = 0;
    for (const path of SESSIONS)
      for (let i = 1; i < path.length; i++) {
        if (path[i] === MORE_STEPS) continue;
        moves++;
        if (isDesigned(designed, path[i - 1] as string, path[i] as string)) designedMoves++;
      }
    expect(view.designedShare).toBeCloseTo(designedMoves / moves, 12);
    expect(
      sankeyView(json, { nodesPerColumn: 10, designed: null, label, otherLabel: 'Other' }).designedShare,
    ).toBeNull();
  });
});

describe('topPaths', () => {
  it.each([
    [['landing-page', 'product-page', 'cart', 'thank-you-page'], true],
    [['ad'], true],
    [['blog', 'thank-you-page'], false],
    [
      ['newsletter', 'e-shop', 'category-page', 'product-page', 'cart', 'login-registration', MORE_STEPS],
      false,
    ],
    [['e-shop', 'product-page', 'cart'], true],
  ])('%j follows the design: %s', (path, follows) => {
    const json = pathsJsonOf([path]);
    const [entry] = topPaths(json, designed, mapLabeller(shoes));
    expect(entry?.followsDesign).toBe(follows);
    expect(entry?.share).toBe(1);
    expect(topPaths(json, null, (id) => id)[0]?.followsDesign).toBeNull();
  });
});
