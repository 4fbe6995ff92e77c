import { SeededRandom } from '@dcgan/data';
import { describe, expect, it } from 'vitest';
import { sortFloats } from './radix-sort.js';

describe('sortFloats', () => {
  it('sorts like Float32Array.prototype.sort: signs, zeros, ties, tiny and huge values', () => {
    const random = new SeededRandom(3);
    const special = [0, -0, 1e-42, -1e-42, 3.4e38, -3.4e38, 1, 1, -1, -1, 0.5];
    for (const length of [0, 1, 2, 11, 1000, 70_000]) {
      const values = Float32Array.from({ length }, (_, i) =>
        i < special.length
          ? (special[i] as number)
          : (random.next() - 0.5) * 10 ** (random.next() * 8 - 4),
      );
      const expected = values.slice().sort();
      sortFloats(values, new Uint32Array(length));
      expect(values).toEqual(expected);
      expect(Array.from(values.subarray(0, 2)).map((v) => Object.is(v, -0))).toEqual(
        Array.from(expected.subarray(0, 2)).map((v) => Object.is(v, -0)),
      );
    }
  });

  it('sorts a view in place and leaves the rest of its buffer alone', () => {
    const buffer = Float32Array.from([9, 3, 1, 2, -5, 7]);
    sortFloats(buffer.subarray(1, 5), new Uint32Array(4));
    expect(Array.from(buffer)).toEqual([9, -5, 1, 2, 3, 7]);
  });

  it('refuses scratch space that is too small', () => {
    expect(() => sortFloats(new Float32Array(3), new Uint32Array(2))).toThrow(/scratch of 2 for 3/);
  });
});
