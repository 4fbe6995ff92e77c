const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;

/**
 * Sorts `values` ascending in place by a least-significant-digit radix sort on their bits (three
 * passes of 11 bits), several times faster than `Float32Array.prototype.sort` on a million values.
 * `scratch` must hold at least `values.length` entries. -0 sorts before +0; NaNs go to the ends.
 */
export function sortFloats(values: Float32Array, scratch: Uint32Array): void {
  const n = values.length;
  if (scratch.length < n)
    throw new Error(`sortFloats: scratch of ${scratch.length} for ${n} values`);
  const keys = new Uint32Array(values.buffer, values.byteOffset, n);
  const counts = new Uint32Array(3 * BUCKETS);
  for (let i = 0; i < n; i++) {
    const bits = keys[i] as number;
    // Flipping the sign bit of positives and every bit of negatives orders the floats as integers.
    const key = (bits & 0x80000000 ? ~bits : bits | 0x80000000) >>> 0;
    keys[i] = key;
    increment(counts, key & MASK);
    increment(counts, BUCKETS + ((key >>> BITS) & MASK));
    increment(counts, 2 * BUCKETS + (key >>> (2 * BITS)));
  }
  for (let digit = 0; digit < 3; digit++) {
    let sum = 0;
    for (let bucket = digit * BUCKETS; bucket < (digit + 1) * BUCKETS; bucket++) {
      const count = counts[bucket] as number;
      counts[bucket] = sum;
      sum += count;
    }
  }
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    scratch[increment(counts, key & MASK)] = key;
  }
  for (let i = 0; i < n; i++) {
    const key = scratch[i] as number;
    keys[increment(counts, BUCKETS + ((key >>> BITS) & MASK))] = key;
  }
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    scratch[increment(counts, 2 * BUCKETS + (key >>> (2 * BITS)))] = key;
  }
  for (let i = 0; i < n; i++) {
    const key = scratch[i] as number;
    keys[i] = (key & 0x80000000 ? key & 0x7fffffff : ~key) >>> 0;
  }
}

/** Adds 1 to `counts[index]`, returning its value before. */
function increment(counts: Uint32Array, index: number): number {
  const count = counts[index] as number;
  counts[index] = count + 1;
  return count;
}
