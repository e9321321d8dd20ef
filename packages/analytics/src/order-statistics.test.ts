import { describe, expect, it } from 'vitest';
import { medianInPlace, selectInPlace } from './order-statistics.ts';

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The median as the definition says: sort, take the middle one or the mean of the two middle ones. */
function sortedMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

describe('selectInPlace and medianInPlace', () => {
  it.each([0, 1, 2, 3, 4, 5, 10, 101, 1_000, 4_096])(
    'agree with sorting for %i values, with and without repeats',
    (n) => {
      const next = seeded(n + 1);
      for (const distinct of [3, 1_000_000]) {
        const values = Array.from({ length: n }, () => Math.floor(next() * distinct) / 8);
        expect(medianInPlace(Float64Array.from(values))).toBe(sortedMedian(values));
        const sorted = [...values].sort((a, b) => a - b);
        for (const k of [0, n >> 2, n >> 1, n - 1]) {
          if (k < 0 || k >= n) continue;
          const work = Float64Array.from(values);
          expect(selectInPlace(work, k)).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(work[i]).toBeLessThanOrEqual(sorted[k] ?? 0);
          for (let i = k + 1; i < n; i++) expect(work[i]).toBeGreaterThanOrEqual(sorted[k] ?? 0);
        }
      }
    },
  );

  it('gives the median of sorted, reversed and organ-pipe input', () => {
    const n = 100_001;
    const inputs = [
      Float64Array.from({ length: n }, (_, i) => i),
      Float64Array.from({ length: n }, (_, i) => n - i),
      Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
    ];
    for (const values of inputs) {
      const expected = sortedMedian(Array.from(values));
      expect(medianInPlace(values)).toBe(expected);
    }
  });

  it('refuses a rank outside the values', () => {
    expect(() => selectInPlace(new Float64Array(3), 3)).toThrow(RangeError);
    expect(() => selectInPlace(new Float64Array(0), 0)).toThrow(RangeError);
  });
});
