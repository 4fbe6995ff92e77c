import { describe, expect, it } from 'vitest';
import { maxDifference, multiply, randomCovariance, transpose } from './matrix-test-support.js';
import { sqrtSymmetric, symmetricEigen } from './symmetric-eigen.js';

describe('symmetricEigen (Jacobi)', () => {
  it('decomposes a random symmetric matrix: A V = V diag(λ), Vᵀ V = I', () => {
    const n = 24;
    const a = randomCovariance(n, 7, -3);
    const { values, vectors } = symmetricEigen(a, n);
    const scaled = vectors.map((x, index) => x * (values[index % n] as number));
    expect(maxDifference(multiply(a, vectors, n), scaled)).toBeLessThan(1e-11);
    const identity = Float64Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0));
    expect(maxDifference(multiply(transpose(vectors, n), vectors, n), identity)).toBeLessThan(
      1e-12,
    );
    expect(values.some((v) => v < 0)).toBe(true);
  });

  it('returns the diagonal of a diagonal matrix', () => {
    expect(Array.from(symmetricEigen([3, 0, 0, 0, 1, 0, 0, 0, 2], 3).values)).toEqual([3, 1, 2]);
  });

  it('gives a square root whose square is the matrix', () => {
    const n = 16;
    const a = randomCovariance(n, 3);
    const root = sqrtSymmetric(a, n);
    expect(maxDifference(multiply(root, root, n), a)).toBeLessThan(1e-10);
    expect(maxDifference(root, transpose(root, n))).toBe(0);
    expect(Array.from(sqrtSymmetric([4, 0, 0, 9], 2))).toEqual([2, 0, 0, 3]);
  });
});
