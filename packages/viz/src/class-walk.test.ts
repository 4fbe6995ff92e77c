import { describe, expect, it } from 'vitest';
import { parseClasses, walkClass } from './class-walk.js';

describe('walkClass', () => {
  it('is one-hot at the keyframes and mixes two classes between them', () => {
    const at = (position: number) => Array.from(walkClass([3, 8], 2, position, 10));
    expect(at(0)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(at(1)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(at(0.25)).toEqual([0, 0, 0, 0.75, 0, 0, 0, 0, 0.25, 0]);
    // Wraps from the last keyframe to the first.
    expect(at(1.5)).toEqual([0, 0, 0, 0.5, 0, 0, 0, 0, 0.5, 0]);
    expect(at(2)).toEqual(at(0));
  });

  it('cycles the classes over more keyframes, and names a class out of range', () => {
    expect(Array.from(walkClass([1], 4, 2.5, 3))).toEqual([0, 1, 0]);
    expect(() => walkClass([5], 2, 0, 3)).toThrow("class 5 is not one of this generator's classes");
  });
});

describe('parseClasses', () => {
  it('reads one class or a list, and names a bad attribute', () => {
    expect(parseClasses('7', 'digit')).toEqual([7]);
    expect(parseClasses(' 0, 1,2', 'classes')).toEqual([0, 1, 2]);
    expect(parseClasses(null, 'digit')).toBeUndefined();
    expect(() => parseClasses('seven', 'digit')).toThrow('digit="seven": expected classes');
  });
});
