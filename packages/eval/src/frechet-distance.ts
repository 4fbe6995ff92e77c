import type { GaussianStatistics } from './gaussian-statistics.js';
import { sqrtSymmetric, symmetricEigen } from './symmetric-eigen.js';

/**
 * The Fréchet distance between two Gaussians (FID when the features are a classifier's):
 *   |m1 - m2|² + tr(C1 + C2 - 2 (C1^½ C2 C1^½)^½)
 * in float64, the square roots by symmetric eigendecomposition. `mean` `[size]`, `covariance`
 * `[size, size]` row-major. A result below zero (rounding, for nearly equal sets) is returned as 0.
 */
export function frechetDistance(
  a: Pick<GaussianStatistics, 'mean' | 'covariance'>,
  b: Pick<GaussianStatistics, 'mean' | 'covariance'>,
): number {
  const size = a.mean.length;
  if (
    b.mean.length !== size ||
    a.covariance.length !== size * size ||
    b.covariance.length !== size * size
  ) {
    throw new Error(
      `statistics of different sizes: ${a.mean.length} and ${b.mean.length} features`,
    );
  }
  let distance = 0;
  for (let i = 0; i < size; i++) {
    distance += ((a.mean[i] as number) - (b.mean[i] as number)) ** 2;
    distance += (a.covariance[i * size + i] as number) + (b.covariance[i * size + i] as number);
  }
  const rootA = sqrtSymmetric(a.covariance, size);
  const product = multiply(multiply(rootA, b.covariance, size), rootA, size);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const mean = ((product[i * size + j] as number) + (product[j * size + i] as number)) / 2;
      product[i * size + j] = mean;
      product[j * size + i] = mean;
    }
  }
  for (const value of symmetricEigen(product, size).values)
    distance -= 2 * Math.sqrt(Math.max(0, value));
  return Math.max(0, distance);
}

function multiply(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k] as number;
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) {
        out[i * n + j] = (out[i * n + j] as number) + aik * (b[k * n + j] as number);
      }
    }
  }
  return out;
}
