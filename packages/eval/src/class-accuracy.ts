import type * as tf from '@tensorflow/tfjs-core';

/**
 * For a conditional generator: for each class, the share of the samples drawn for it that the
 * classifier reads as it (its most probable class); NaN for a class none was drawn for.
 * @param probabilities the classifier's `[count, classes]` on the samples; read, not disposed
 * @param requested the class each sample was drawn for, `count` of them
 * @returns `[classes]` shares in [0, 1]
 */
export function classAccuracy(probabilities: tf.Tensor2D, requested: ArrayLike<number>): number[] {
  const [count, classes] = probabilities.shape;
  if (requested.length !== count) {
    throw new Error(`classAccuracy: ${requested.length} classes for ${count} samples`);
  }
  const p = probabilities.dataSync();
  const drawn = new Array<number>(classes).fill(0);
  const right = new Array<number>(classes).fill(0);
  for (let n = 0; n < count; n++) {
    let best = 0;
    for (let c = 1; c < classes; c++)
      if ((p[n * classes + c] as number) > (p[n * classes + best] as number)) best = c;
    const wanted = requested[n] as number;
    drawn[wanted] = (drawn[wanted] as number) + 1;
    if (best === wanted) right[wanted] = (right[wanted] as number) + 1;
  }
  return drawn.map((total, c) => (total === 0 ? Number.NaN : (right[c] as number) / total));
}

/** The mean of the shares of the classes that were drawn (NaN ones left out). */
export function meanClassAccuracy(shares: readonly number[]): number {
  const drawn = shares.filter((share) => !Number.isNaN(share));
  return drawn.reduce((sum, share) => sum + share, 0) / drawn.length;
}
