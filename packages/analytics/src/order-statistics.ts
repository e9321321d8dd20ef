/**
 * Order statistics without a full sort: the k-th smallest by selection (quickselect, falling back
 * to a sort of what is left when the partitions stay lopsided), so the median of a million values
 * costs a few passes instead of a sort.
 */

/**
 * Reorders `values` so that `values[k]` is the k-th smallest (0-based), everything before it is
 * at most it and everything after it at least it; returns it. Values must not be NaN.
 */
export function selectInPlace(values: Float64Array, k: number): number {
  if (!(Number.isInteger(k) && k >= 0 && k < values.length))
    throw new RangeError(`no value of rank ${k} among ${values.length}`);
  let low = 0;
  let high = values.length - 1;
  // Quickselect halves the range in expectation; far more rounds than that means bad pivots.
  let rounds = 2 * Math.ceil(Math.log2(values.length + 1)) + 8;
  while (high > low) {
    if (rounds-- === 0) {
      values.subarray(low, high + 1).sort();
      break;
    }
    // Median of three as the pivot, then Hoare partition.
    const middle = low + ((high - low) >> 1);
    const a = values[low] ?? 0;
    const b = values[middle] ?? 0;
    const c = values[high] ?? 0;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while ((values[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i++;
        j--;
      }
    }
    // Now values[low..j] <= pivot <= values[i..high], and values strictly between j and i equal the pivot.
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else break;
  }
  return values[k] ?? 0;
}

/**
 * Median of the values (reordered in place): the middle one, or the mean of the two middle ones;
 * null when empty. Equal to the median of the sorted values.
 */
export function medianInPlace(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const upper = selectInPlace(values, n >> 1);
  if (n % 2 === 1) return upper;
  // The largest value below the upper middle is the lower middle.
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n >> 1; i++) if ((values[i] ?? 0) > lower) lower = values[i] ?? 0;
  return (lower + upper) / 2;
}
