import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { frechetDistance } from './frechet-distance.js';
import { gaussianStatistics } from './gaussian-statistics.js';
import { denmanBeaversSqrt, multiply, randomCovariance } from './matrix-test-support.js';
import { onBackend } from './test-support.js';

const trace = (m: ArrayLike<number>, n: number) => {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += m[i * n + i] as number;
  return sum;
};
const diagonal = (values: number[]) => {
  const n = values.length;
  return Float64Array.from({ length: n * n }, (_, i) =>
    i % (n + 1) === 0 ? (values[i / (n + 1)] as number) : 0,
  );
};
const squaredDistance = (a: number[], b: number[]) =>
  a.reduce((sum, x, i) => sum + (x - (b[i] as number)) ** 2, 0);

describe('gaussianStatistics', () => {
  beforeAll(() => onBackend('cpu', () => undefined));

  it('gives the mean and the (count - 1) covariance, leaving no tensor behind', () => {
    const features = tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, 0],
    ]);
    const before = tf.memory().numTensors;
    const { mean, covariance, size, count } = gaussianStatistics(features);
    expect(tf.memory().numTensors).toBe(before);
    expect([Array.from(mean), Array.from(covariance), size, count]).toEqual([
      [3, 2],
      [4, -2, -2, 4],
      2,
      3,
    ]);
    features.dispose();
  });
});

describe('frechetDistance', () => {
  beforeAll(() => onBackend('cpu', () => undefined));

  it('is about 0 between a set of correlated features and itself', () => {
    const features = tf.tidy(() =>
      tf.relu(
        tf.matMul(
          tf.randomNormal([2000, 16], 0, 1, 'float32', 1),
          tf.randomNormal([16, 16], 0, 1, 'float32', 2),
        ),
      ),
    ) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    const statistics = gaussianStatistics(features);
    expect(frechetDistance(statistics, gaussianStatistics(features))).toBeLessThan(1e-9);
    expect(tf.memory().numTensors).toBe(before);
    features.dispose();
  });

  it('gives |m1 - m2|² + Σ (s1 + s2 - 2 √(s1 s2)) between diagonal Gaussians', () => {
    const [m1, m2] = [
      [0, 1, -2, 3],
      [1, 1, 0, -1],
    ];
    const [s1, s2] = [
      [1, 4, 0.25, 9],
      [2, 1, 1, 16],
    ];
    const expected =
      squaredDistance(m1, m2) +
      s1.reduce(
        (sum, a, i) => sum + a + (s2[i] as number) - 2 * Math.sqrt(a * (s2[i] as number)),
        0,
      );
    const distance = frechetDistance(
      { mean: Float64Array.from(m1), covariance: diagonal(s1) },
      { mean: Float64Array.from(m2), covariance: diagonal(s2) },
    );
    expect(distance).toBeCloseTo(expected, 12);
    expect(distance).toBeCloseTo(1 + 0 + 4 + 16 + (3 - 2 * Math.SQRT2) + 1 + 0.25 + 1, 12);
  });

  it('gives the analytic value for commuting non-diagonal covariances Q D Qᵀ', () => {
    const n = 5;
    const u = [1, -2, 0.5, 3, 1];
    const norm = u.reduce((sum, x) => sum + x * x, 0);
    const q = Float64Array.from(
      { length: n * n },
      (_, i) =>
        (i % (n + 1) === 0 ? 1 : 0) -
        (2 * (u[Math.floor(i / n)] as number) * (u[i % n] as number)) / norm,
    );
    const [d1, d2] = [
      [1, 2, 3, 4, 5],
      [5, 0.5, 3, 1, 2],
    ];
    const rotate = (d: number[]) => multiply(multiply(q, diagonal(d), n), q, n);
    const [m1, m2] = [
      [1, 0, 0, 0, 2],
      [0, 0, 1, 0, 0],
    ];
    const expected =
      squaredDistance(m1, m2) +
      d1.reduce(
        (sum, a, i) => sum + a + (d2[i] as number) - 2 * Math.sqrt(a * (d2[i] as number)),
        0,
      );
    const distance = frechetDistance(
      { mean: Float64Array.from(m1), covariance: rotate(d1) },
      { mean: Float64Array.from(m2), covariance: rotate(d2) },
    );
    expect(distance).toBeCloseTo(expected, 10);
  });

  it('gives tr √(C1 C2) = √(tr(C1 C2) + 2 √(det C1 det C2)) for non-commuting 2x2 covariances', () => {
    const [c1, c2] = [
      [2, 1, 1, 3],
      [1, -0.5, -0.5, 4],
    ];
    const det = (c: number[]) =>
      (c[0] as number) * (c[3] as number) - (c[1] as number) * (c[2] as number);
    const cross = Math.sqrt(trace(multiply(c1, c2, 2), 2) + 2 * Math.sqrt(det(c1) * det(c2)));
    const expected = 1 + trace(c1, 2) + trace(c2, 2) - 2 * cross;
    const distance = frechetDistance(
      { mean: Float64Array.from([1, 0]), covariance: Float64Array.from(c1) },
      { mean: Float64Array.from([0, 0]), covariance: Float64Array.from(c2) },
    );
    expect(distance).toBeCloseTo(expected, 12);
  });

  it('agrees with a Denman–Beavers square root of C1 C2 on random 8x8 covariances', () => {
    const n = 8;
    const [c1, c2] = [randomCovariance(n, 11, 0.1), randomCovariance(n, 12, 0.1)];
    const mean1 = Float64Array.from({ length: n }, (_, i) => i / n);
    const mean2 = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const expected =
      squaredDistance(Array.from(mean1), Array.from(mean2)) +
      trace(c1, n) +
      trace(c2, n) -
      2 * trace(denmanBeaversSqrt(multiply(c1, c2, n), n), n);
    const a = { mean: mean1, covariance: c1 };
    const b = { mean: mean2, covariance: c2 };
    expect(frechetDistance(a, b)).toBeCloseTo(expected, 8);
    expect(frechetDistance(b, a)).toBeCloseTo(expected, 8);
  });
});
