/**
 * Spherical interpolation between two latent points `[latentSize]`: at `t` = 0 it is `a`, at 1 it
 * is `b`, and between them it follows the great circle, so a walk between two draws of N(0, 1) keeps
 * the norm that the generator was trained on (a straight line would pass near the origin).
 * Falls back to a straight line when `a` and `b` point the same or opposite ways (or one is zero).
 */
export function slerp(a: ArrayLike<number>, b: ArrayLike<number>, t: number): Float32Array {
  if (a.length !== b.length) {
    throw new Error(`slerp: points of different sizes (${a.length} and ${b.length})`);
  }
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  const cosine = Math.min(1, Math.max(-1, dot / Math.sqrt(normA * normB)));
  const omega = Math.acos(cosine);
  const sine = Math.sin(omega);
  const [weightA, weightB] =
    Number.isFinite(omega) && sine > 1e-6
      ? [Math.sin((1 - t) * omega) / sine, Math.sin(t * omega) / sine]
      : [1 - t, t];
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    out[i] = weightA * (a[i] as number) + weightB * (b[i] as number);
  }
  return out;
}

/**
 * The latent point at `position` on a closed walk through `keyframes` (each `[latentSize]`):
 * position k is keyframe k, k + 0.5 halfway (by `slerp`) to keyframe k + 1, and the walk wraps from
 * the last keyframe back to the first.
 */
export function walkPoint(keyframes: ArrayLike<number>[], position: number): Float32Array {
  const count = keyframes.length;
  if (count === 0) throw new Error('walkPoint: no keyframes');
  const wrapped = ((position % count) + count) % count;
  const index = Math.floor(wrapped);
  return slerp(
    keyframes[index] as ArrayLike<number>,
    keyframes[(index + 1) % count] as ArrayLike<number>,
    wrapped - index,
  );
}
