import { describe, expect, it } from 'vitest';
import { slerp, walkPoint } from './slerp.js';

const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));

function expectClose(actual: Float32Array, expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  for (const [i, v] of actual.entries()) expect(v).toBeCloseTo(expected[i] as number, 5);
}

describe('slerp', () => {
  it('starts at a and ends at b', () => {
    const a = [1, 2, 3];
    const b = [-2, 0.5, 4];
    expect(Array.from(slerp(a, b, 0))).toEqual(Array.from(new Float32Array(a)));
    expectClose(slerp(a, b, 1), b);
  });

  it('keeps the norm between two points of equal norm, where a straight line shrinks it', () => {
    const a = [3, 0, 0, 4];
    const b = [0, 5, 0, 0];
    for (const t of [0.25, 0.5, 0.75]) expect(norm(slerp(a, b, t))).toBeCloseTo(5, 5);
    expect(norm([1.5, 2.5, 0, 2])).toBeLessThan(5);
  });

  it('moves at a constant angular speed', () => {
    const a = [1, 0];
    const b = [0, 1];
    const third = slerp(a, b, 1 / 3);
    expect(Math.atan2(third[1] as number, third[0] as number)).toBeCloseTo(Math.PI / 6, 5);
  });

  it('falls back to a straight line for parallel points and zero', () => {
    expect(Array.from(slerp([1, 1], [2, 2], 0.5))).toEqual([1.5, 1.5]);
    expect(Array.from(slerp([0, 0], [2, 2], 0.5))).toEqual([1, 1]);
  });

  it('rejects points of different sizes', () => {
    expect(() => slerp([1, 2], [1, 2, 3], 0.5)).toThrow(
      'slerp: points of different sizes (2 and 3)',
    );
  });
});

describe('walkPoint', () => {
  const at = (degrees: number) => [
    Math.cos((degrees * Math.PI) / 180),
    Math.sin((degrees * Math.PI) / 180),
  ];
  const keyframes = [at(0), at(120), at(240)];

  it('passes through every keyframe, slerps between them and wraps back to the first', () => {
    expectClose(walkPoint(keyframes, 1), at(120));
    expectClose(walkPoint(keyframes, 1.5), at(180));
    expectClose(walkPoint(keyframes, 2.5), at(300));
    expectClose(walkPoint(keyframes, 3), at(0));
    expectClose(walkPoint(keyframes, -0.5), at(300));
  });
});
