import { SeededRandom } from '@dcgan/data';
import { describe, expect, it } from 'vitest';
import { drawAugmentParameters } from './augment-parameters.js';
import { defaultAugmentPolicy } from './augment-policy.js';

describe('drawAugmentParameters', () => {
  it("draws the reference's ranges, per image", () => {
    const { brightness, saturation, contrast, shift, cutout } = drawAugmentParameters(
      new SeededRandom(1),
      [2000, 28, 64, 1],
      defaultAugmentPolicy(),
    );
    const range = (values: ArrayLike<number> = []) => [
      Math.min(...Array.from(values)),
      Math.max(...Array.from(values)),
    ];
    const within = (values: ArrayLike<number> | undefined, low: number, high: number) => {
      const [min = Number.NaN, max = Number.NaN] = range(values);
      return min >= low && max < high && min < low + 0.01 && max > high - 0.01;
    };
    expect(within(brightness, -0.5, 0.5)).toBe(true);
    expect(within(saturation, 0, 2)).toBe(true);
    expect(within(contrast, 0.5, 1.5)).toBe(true);
    // round(28 / 8) = 4 and 64 / 8 = 8 pixels each way.
    expect(range(shift?.rows)).toEqual([-4, 4]);
    expect(range(shift?.columns)).toEqual([-8, 8]);
    // Squares of 14x32 centred on rows 0 .. 28 and columns 0 .. 64 (even sides).
    expect([cutout?.height, cutout?.width]).toEqual([14, 32]);
    expect(range(cutout?.top)).toEqual([-7, 21]);
    expect(range(cutout?.left)).toEqual([-16, 48]);
  });

  it('centres odd squares on the image only', () => {
    const { cutout } = drawAugmentParameters(new SeededRandom(2), [500, 10, 10, 3], {
      cutout: 0.3,
    });
    expect([
      cutout?.height,
      Math.min(...(cutout?.top ?? [])),
      Math.max(...(cutout?.top ?? [])),
    ]).toEqual([3, -1, 8]);
  });

  it('repeats per seed, and draws nothing for an empty policy', () => {
    const draw = (seed: number) =>
      drawAugmentParameters(new SeededRandom(seed), [8, 32, 32, 3], defaultAugmentPolicy());
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
    const random = new SeededRandom(5);
    expect(
      drawAugmentParameters(random, [8, 32, 32, 3], { color: false, translation: 0, cutout: 0 }),
    ).toEqual({});
    expect(random.getState()).toBe(new SeededRandom(5).getState());
  });
});
