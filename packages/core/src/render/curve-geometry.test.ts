import { describe, expect, it } from 'vitest';
import { buildShoesMap } from '../templates/shoes.ts';
import {
  feelingAt,
  feelingPoint,
  feelingPointAt,
  feelingPoints,
  feelingX,
  feelingY,
  scoreAtY,
} from './curve-geometry.ts';
import { type LaneLayout, layoutMap, type MapLayout } from './layout.ts';
import { testMap } from './test-map.ts';

function feelingsLane(layout: MapLayout): LaneLayout {
  const lane = layout.lanes.find((l) => l.id === 'feelings');
  if (!lane) throw new Error('no feelings lane');
  return lane;
}

/**
 * The y of a score worked out from the lane alone: the plot keeps 24 px free above +2 and below
 * -2, and the five scores share the rest evenly.
 */
function expectedY(layout: MapLayout, score: number): number {
  const lane = feelingsLane(layout);
  const top = lane.y + 24;
  const bottom = lane.y + lane.height - 24;
  return top + ((2 - score) / 4) * (bottom - top);
}

describe('emotion curve geometry', () => {
  const layout = layoutMap(testMap());

  it('places each feeling at the middle of its step column, at the height of its score', () => {
    // testMap: clicks-ad (sam 1, ria 0), browses (sam 2), checkout (sam -2, ria -1), waits (sam 0, ria 1).
    const columns = new Map(layout.columns.flatMap((c) => c.steps.map((s) => [s.stepId, s.x + s.width / 2])));
    expect(feelingPoints(layout).map((p) => [p.personaId, p.stepId, p.score])).toEqual([
      ['sam', 'clicks-ad', 1],
      ['sam', 'browses', 2],
      ['sam', 'checkout', -2],
      ['sam', 'waits', 0],
      ['ria', 'clicks-ad', 0],
      ['ria', 'checkout', -1],
      ['ria', 'waits', 1],
    ]);
    for (const point of feelingPoints(layout)) {
      expect(point.x).toBe(columns.get(point.stepId));
      expect(point.y).toBeCloseTo(expectedY(layout, point.score), 9);
    }
    expect(feelingPoint(layout, 'checkout', 'ria')).toMatchObject({ score: -1, x: 486 + 78 });
    expect(feelingPoint(layout, 'saves-cart', 'sam')).toBeUndefined();
  });

  it.each([2, 1.5, 0, -0.5, -2])('puts score %d at the height worked out from the lane', (score) => {
    expect(feelingY(layout, score)).toBeCloseTo(expectedY(layout, score), 9);
    expect(scoreAtY(layout, expectedY(layout, score), 0.5)).toBe(score);
  });

  it.each<[string, number, number, number]>([
    ['rounds to whole scores by default', 0.3, 1, 0],
    ['rounds to halves', 0.3, 0.5, 0.5],
    ['keeps the exact score with step 0', 0.3, 0, 0.3],
    ['keeps scores above the plot at +2', 3.5, 1, 2],
    ['keeps scores below the plot at -2', -9, 1, -2],
  ])('%s', (_, at, step, score) => {
    const y = expectedY(layout, at);
    expect(scoreAtY(layout, y, step)).toBeCloseTo(score, 9);
  });

  it('hits the nearest point within the radius, and nothing farther', () => {
    const point = feelingPoint(layout, 'checkout', 'sam');
    if (!point) throw new Error('no point');
    expect(feelingPointAt(layout, point.x, point.y)).toEqual(point);
    expect(feelingPointAt(layout, point.x + 5, point.y - 5)).toEqual(point);
    expect(feelingPointAt(layout, point.x + 9, point.y)).toBeUndefined();
    expect(feelingPointAt(layout, point.x + 9, point.y, 10)).toEqual(point);
  });

  it('hits the point drawn on top where two personas share a score', () => {
    // In the shoe map both personas feel +1 at wants-shoes; the returning customer is drawn last.
    const shoes = layoutMap(buildShoesMap('en'));
    const first = feelingPoint(shoes, 'wants-shoes', 'first-time-buyer');
    const second = feelingPoint(shoes, 'wants-shoes', 'returning-customer');
    expect(first && second && [first.x, first.y]).toEqual(second && [second.x, second.y]);
    expect(feelingPointAt(shoes, second?.x ?? 0, second?.y ?? 0)?.personaId).toBe('returning-customer');
  });

  it('finds every drawn point again at its own place', () => {
    const shoes = layoutMap(buildShoesMap('nl'));
    for (const point of feelingPoints(shoes)) {
      const hit = feelingPointAt(shoes, point.x, point.y, 0);
      expect([hit?.stepId, hit?.score]).toEqual([point.stepId, point.score]);
      expect(feelingAt(shoes, point.x, point.y)).toEqual({
        stepId: point.stepId,
        score: point.score,
        x: point.x,
        y: point.y,
      });
    }
  });

  it('gives the step and score at a place in the lane, where a click sets a feeling', () => {
    // saves-cart has no feeling yet; its column is the second of purchase.
    const x = (feelingX(layout, 'saves-cart') ?? 0) - 40;
    const y = expectedY(layout, 1) + 6;
    expect(feelingAt(layout, x, y)).toEqual({
      stepId: 'saves-cart',
      score: 1,
      x: feelingX(layout, 'saves-cart'),
      y: feelingY(layout, 1),
    });
  });

  it.each<[string, (lane: LaneLayout) => [number, number]]>([
    ['above the lane', (lane) => [600, lane.y - 1]],
    ['below the lane', (lane) => [600, lane.y + lane.height + 1]],
    ['in the label column', (lane) => [100, lane.y + lane.height / 2]],
    ['right of the last column', (lane) => [layout.width - 1, lane.y + lane.height / 2]],
  ])('gives nothing %s', (_, place) => {
    const [x, y] = place(feelingsLane(layout));
    expect(feelingAt(layout, x, y)).toBeUndefined();
  });

  it('gives nothing for a layout without the curve', () => {
    const bare = layoutMap(testMap(), { lanes: ['steps'] });
    expect(feelingPoints(bare)).toEqual([]);
    expect(feelingY(bare, 1)).toBeUndefined();
    expect(scoreAtY(bare, 100)).toBeUndefined();
    expect(feelingAt(bare, 600, 400)).toBeUndefined();
  });
});
