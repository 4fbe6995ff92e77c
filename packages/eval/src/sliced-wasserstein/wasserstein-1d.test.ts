import { describe, expect, it } from 'vitest';
import { wasserstein1d } from './wasserstein-1d.js';

const sorted = (values: number[]) => Float32Array.from(values).sort();

describe('wasserstein1d', () => {
  it('is the shift between a set and the same set shifted', () => {
    const a = sorted([-2, 0.5, 0.25, 3, 7, -1]);
    expect(
      wasserstein1d(
        a,
        a.map((v) => v + 0.75),
      ),
    ).toBeCloseTo(0.75, 12);
    expect(wasserstein1d(a, a)).toBe(0);
  });

  it('pairs the sorted values of equal sets: mean |a_i - b_i|', () => {
    expect(wasserstein1d(sorted([0, 1, 2]), sorted([4, 0, 1]))).toBeCloseTo((0 + 0 + 2) / 3, 12);
  });

  it('is the area between the distribution functions of unequal sets', () => {
    // F_a - F_b is 1/2 - 2/3 on [0, 1) and 1 - 2/3 on [1, 3): 1/6 + 2/3.
    expect(wasserstein1d(sorted([0, 1]), sorted([0, 0, 3]))).toBeCloseTo(5 / 6, 12);
    expect(wasserstein1d(sorted([0, 0, 3]), sorted([0, 1]))).toBeCloseTo(5 / 6, 12);
    const a = sorted([-1.5, 0.25, 2, 4]);
    const twice = sorted([...a, ...a]);
    expect(wasserstein1d(a, twice)).toBe(0);
    expect(
      wasserstein1d(
        twice,
        a.map((v) => v + 0.5),
      ),
    ).toBeCloseTo(0.5, 12);
  });

  it('refuses an empty set', () => {
    expect(() => wasserstein1d(new Float32Array(0), sorted([1]))).toThrow(/empty/);
  });
});
