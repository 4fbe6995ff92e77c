import type * as tf from '@tensorflow/tfjs-core';

/** The mean and covariance of a set of feature vectors, in float64. */
export interface GaussianStatistics {
  /** `[size]` */
  mean: Float64Array;
  /** `[size, size]` row-major, normalized by count - 1 (as numpy's `cov` and pytorch-fid). */
  covariance: Float64Array;
  size: number;
  count: number;
}

/**
 * Mean and covariance of feature vectors `[count, size]` (count >= 2), accumulated in float64.
 * The tensor is read, not disposed.
 */
export function gaussianStatistics(features: tf.Tensor2D): GaussianStatistics {
  const [count, size] = features.shape;
  if (count < 2) throw new Error(`a covariance needs at least 2 feature vectors, got ${count}`);
  const values = features.dataSync();
  const mean = new Float64Array(size);
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < size; i++) mean[i] = (mean[i] as number) + (values[n * size + i] as number);
  }
  for (let i = 0; i < size; i++) mean[i] = (mean[i] as number) / count;
  const covariance = new Float64Array(size * size);
  const centered = new Float64Array(size);
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < size; i++)
      centered[i] = (values[n * size + i] as number) - (mean[i] as number);
    for (let i = 0; i < size; i++) {
      const ci = centered[i] as number;
      if (ci === 0) continue;
      for (let j = i; j < size; j++) {
        covariance[i * size + j] =
          (covariance[i * size + j] as number) + ci * (centered[j] as number);
      }
    }
  }
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      const value = (covariance[i * size + j] as number) / (count - 1);
      covariance[i * size + j] = value;
      covariance[j * size + i] = value;
    }
  }
  return { mean, covariance, size, count };
}
