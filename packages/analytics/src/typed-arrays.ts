/** Growing the reusable typed arrays of a pass: doubling, so growth costs O(n) overall. */

/** `array` if it holds `size` items, else a copy at least twice as long. */
export function grownInt32(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const next = new Int32Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/** `array` if it holds `size` items, else a copy at least twice as long. */
export function grownFloat64(array: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const next = new Float64Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}
