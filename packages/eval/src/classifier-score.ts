import type * as tf from '@tensorflow/tfjs-core';

/**
 * The classifier score (Inception Score with the project's classifier): exp(mean over images of
 * KL(p(y|x) ‖ p(y))), p(y) the mean of p(y|x). 1 when every image gets the same distribution; at
 * most the number of classes (10), reached by confident predictions spread evenly over the classes.
 * @param probabilities `[count, classes]`, rows summing to 1; read, not disposed
 */
export function classifierScore(probabilities: tf.Tensor2D): number {
  const [count, classes] = probabilities.shape;
  const p = probabilities.dataSync();
  const marginal = new Float64Array(classes);
  for (let i = 0; i < count * classes; i++) {
    const c = i % classes;
    marginal[c] = (marginal[c] as number) + (p[i] as number) / count;
  }
  let kl = 0;
  for (let i = 0; i < count * classes; i++) {
    const pi = p[i] as number;
    if (pi > 0) kl += pi * (Math.log(pi) - Math.log(marginal[i % classes] as number));
  }
  return Math.exp(kl / count);
}

/**
 * The share of images given to each class (the most probable one): the class histogram.
 * @param probabilities `[count, classes]`; read, not disposed
 * @returns `[classes]` shares summing to 1
 */
export function classShares(probabilities: tf.Tensor2D): number[] {
  const [count, classes] = probabilities.shape;
  const p = probabilities.dataSync();
  const counts = new Array<number>(classes).fill(0);
  for (let n = 0; n < count; n++) {
    let best = 0;
    for (let c = 1; c < classes; c++)
      if ((p[n * classes + c] as number) > (p[n * classes + best] as number)) best = c;
    counts[best] = (counts[best] as number) + 1;
  }
  return counts.map((k) => k / count);
}
