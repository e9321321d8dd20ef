import { describe, expect, it } from 'vitest';
import type { DiscoveredJourneyJson } from '../../api/analytics-types.ts';
import { discoveredView } from './discover.ts';

type Edge = DiscoveredJourneyJson['edges'][number];
const edge = (from: string | null, to: string | null, transitions: number, designed: boolean): Edge => ({
  from,
  to,
  customers: transitions,
  transitions,
  designed,
});

function discovered(edges: Edge[]): DiscoveredJourneyJson {
  const undesigned = edges
    .filter((e) => e.from !== null && e.to !== null && !e.designed)
    .map((e) => ({
      from: e.from as string,
      to: e.to as string,
      customers: e.customers,
      transitions: e.transitions,
    }))
    .sort((a, b) => b.customers - a.customers);
  return {
    customers: 100,
    single_step_customers: 40,
    multi_step_customers: 60,
    conforming_customers: 15,
    conformance: 0.25,
    events: 500,
    events_off_map: 0,
    steps: [],
    edges,
    undesigned_transitions: undesigned,
    skipped_steps: [
      { step: 'b', customers: 12, transitions: 14 },
      { step: 'c', customers: 3, transitions: 3 },
    ],
    unreached_steps: ['d'],
  };
}

const names: Record<string, string> = { a: 'Sees an ad', b: 'Browses', c: 'Pays', d: 'Reviews' };
const label = (id: string) => names[id] ?? id;

describe('discoveredView', () => {
  it.each([
    [
      [
        edge(null, 'a', 50, true),
        edge('a', 'b', 30, true),
        edge('a', 'c', 12, false),
        edge('c', null, 9, true),
      ],
      42,
      30,
    ],
    [[edge('b', 'a', 5, false), edge('c', 'b', 5, false)], 10, 0],
    [[edge(null, 'a', 10, true), edge('a', null, 10, true)], 0, 0],
  ])('edges %j: %d moves between steps, %d designed', (edges, moves, designedMoves) => {
    const view = discoveredView(discovered(edges), { label, top: 10 });
    expect(view.transitions).toBe(moves);
    expect(view.designedTransitions).toBe(designedMoves);
    expect(view.designedShare).toBe(moves === 0 ? null : designedMoves / moves);
    // The moves the map does not have are the rest of them.
    expect(view.undesigned.reduce((sum, move) => sum + move.transitions, 0)).toBe(moves - designedMoves);
  });

  it('names the undesigned moves and skipped steps by the map, with shares of the multi-step customers', () => {
    const view = discoveredView(discovered([edge('a', 'c', 12, false), edge('c', 'a', 6, false)]), {
      label,
      top: 1,
    });
    expect(view.undesigned).toEqual([
      {
        from: 'a',
        to: 'c',
        fromLabel: 'Sees an ad',
        toLabel: 'Pays',
        customers: 12,
        transitions: 12,
        share: 0.2,
      },
    ]);
    expect(view.skipped).toEqual([{ step: 'b', label: 'Browses', customers: 12, transitions: 14 }]);
    expect(view.unreached).toEqual([{ step: 'd', label: 'Reviews' }]);
    expect([view.conformance, view.conformingCustomers, view.multiStepCustomers]).toEqual([0.25, 15, 60]);
  });
});
