/** A point of the emotion curve, in drawing coordinates. */
export interface CurvePoint {
  x: number;
  y: number;
}

/**
 * An SVG path through `points` (sorted by x) as a monotone cubic curve: smooth, and never
 * overshooting between two points, so a curve from 0 to +2 never rises above +2 on the way.
 * Same construction as Fritsch–Carlson (d3's curveMonotoneX).
 */
export function smoothPath(points: readonly CurvePoint[]): string {
  const n = points.length;
  const first = points[0];
  if (!first) return '';
  if (n === 1) return `M${round(first.x)},${round(first.y)}`;
  const dx: number[] = [];
  const slope: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const a = points[i] as CurvePoint;
    const b = points[i + 1] as CurvePoint;
    const h = b.x - a.x;
    dx.push(h);
    slope.push(h === 0 ? 0 : (b.y - a.y) / h);
  }
  const tangent: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0) tangent.push(slope[0] ?? 0);
    else if (i === n - 1) tangent.push(slope[n - 2] ?? 0);
    else {
      const s0 = slope[i - 1] ?? 0;
      const s1 = slope[i] ?? 0;
      // Flat at a peak or valley; otherwise a weighted harmonic mean keeps the curve monotone.
      if (s0 * s1 <= 0) tangent.push(0);
      else {
        const h0 = dx[i - 1] ?? 0;
        const h1 = dx[i] ?? 0;
        const w0 = 2 * h1 + h0;
        const w1 = h1 + 2 * h0;
        tangent.push((w0 + w1) / (w0 / s0 + w1 / s1));
      }
    }
  }
  let d = `M${round(first.x)},${round(first.y)}`;
  for (let i = 0; i < n - 1; i++) {
    const a = points[i] as CurvePoint;
    const b = points[i + 1] as CurvePoint;
    const third = (dx[i] ?? 0) / 3;
    const c1x = a.x + third;
    const c1y = a.y + third * (tangent[i] ?? 0);
    const c2x = b.x - third;
    const c2y = b.y - third * (tangent[i + 1] ?? 0);
    d += ` C${round(c1x)},${round(c1y)} ${round(c2x)},${round(c2y)} ${round(b.x)},${round(b.y)}`;
  }
  return d;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
