/**
 * The emotion curve's geometry for an editor, read from the same layout the SVG is drawn from:
 * where each feeling point sits, which point or step a pointer is on, and which score a height
 * stands for, so clicks and drags on the curve need no SVG and no DOM.
 */
import { FEELING_MAX, FEELING_MIN } from '../schema.ts';
import type { MapLayout } from './layout.ts';

/** A drawn point of the curve: a persona's feeling at a step. */
export interface FeelingPoint {
  stepId: string;
  personaId: string;
  score: number;
  x: number;
  y: number;
}

/** Every drawn feeling point, in drawing order (a later one is drawn over an earlier one). */
export function feelingPoints(layout: MapLayout): FeelingPoint[] {
  return (layout.curve?.personas ?? []).flatMap((persona) =>
    persona.points.map((point) => ({
      stepId: point.stepId,
      personaId: persona.personaId,
      score: point.score,
      x: point.x,
      y: point.y,
    })),
  );
}

/** Where a persona's feeling at a step is drawn; `undefined` when it is not. */
export function feelingPoint(layout: MapLayout, stepId: string, personaId: string): FeelingPoint | undefined {
  return feelingPoints(layout).find((point) => point.stepId === stepId && point.personaId === personaId);
}

/** The x of a step's feeling points: the middle of its column. */
export function feelingX(layout: MapLayout, stepId: string): number | undefined {
  for (const column of layout.columns) {
    const step = column.steps.find((s) => s.stepId === stepId);
    if (step) return step.x + step.width / 2;
  }
  return undefined;
}

/**
 * The y a score is drawn at (any score from -2 to +2, not only whole ones); `undefined` when the
 * layout has no curve.
 */
export function feelingY(layout: MapLayout, score: number): number | undefined {
  const axis = scoreAxis(layout);
  return axis && axis.topY + (FEELING_MAX - score) * axis.unit;
}

/**
 * The score a height stands for, kept within -2..+2 and rounded to `step` (1: whole scores, 0.5:
 * halves; 0: not rounded); `undefined` when the layout has no curve.
 */
export function scoreAtY(layout: MapLayout, y: number, step = 1): number | undefined {
  const axis = scoreAxis(layout);
  if (!axis) return undefined;
  const exact = FEELING_MAX - (y - axis.topY) / axis.unit;
  const rounded = step > 0 ? Math.round(exact / step) * step : exact;
  // `+ 0` turns the -0 rounding can give into 0.
  return Math.min(FEELING_MAX, Math.max(FEELING_MIN, rounded)) + 0;
}

/** The y of +2 and the height of one score, from the grid lines (+2 first, -2 last). */
function scoreAxis(layout: MapLayout): { topY: number; unit: number } | undefined {
  const lines = layout.curve?.gridLines;
  const top = lines?.[0];
  const bottom = lines?.at(-1);
  if (!top || !bottom || top === bottom) return undefined;
  return { topY: top.y, unit: (bottom.y - top.y) / (top.score - bottom.score) };
}

/**
 * The feeling point under (x, y): the nearest within `radius`, the one drawn on top when points
 * coincide (two personas with the same score at a step). For picking a point to drag.
 *
 * @example
 * const hit = feelingPointAt(layout, event.offsetX, event.offsetY);
 * if (hit) startDrag(hit.stepId, hit.personaId);
 */
export function feelingPointAt(
  layout: MapLayout,
  x: number,
  y: number,
  radius = 8,
): FeelingPoint | undefined {
  let best: FeelingPoint | undefined;
  let bestDistance = radius;
  for (const point of feelingPoints(layout)) {
    const distance = Math.hypot(point.x - x, point.y - y);
    if (distance <= bestDistance) {
      best = point;
      bestDistance = distance;
    }
  }
  return best;
}

/** A place in the feelings lane: the step whose column it is in, and the score its height gives. */
export interface FeelingPlace {
  stepId: string;
  score: number;
  /** Where a feeling of that score at that step is drawn. */
  x: number;
  y: number;
}

/**
 * The step and score at (x, y) in the feelings lane, `undefined` outside the lane's step columns:
 * where a click sets a feeling, and where a dragged point lands. Scores are rounded to `step`.
 *
 * @example
 * const place = feelingAt(layout, x, y);
 * if (place) history = history.apply({ type: 'setFeeling', stepId: place.stepId, personaId, score: place.score }, now);
 */
export function feelingAt(layout: MapLayout, x: number, y: number, step = 1): FeelingPlace | undefined {
  const lane = layout.lanes.find((l) => l.id === 'feelings');
  if (!lane || y < lane.y || y > lane.y + lane.height) return undefined;
  const column = layout.columns.flatMap((c) => c.steps).find((s) => x >= s.x && x < s.x + s.width);
  const score = scoreAtY(layout, y, step);
  if (!column || score === undefined) return undefined;
  return {
    stepId: column.stepId,
    score,
    x: column.x + column.width / 2,
    y: feelingY(layout, score) ?? y,
  };
}
