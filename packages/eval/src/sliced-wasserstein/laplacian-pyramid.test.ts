import { describe, expect, it } from 'vitest';
import { laplacianPyramid, pyramidSizes } from './laplacian-pyramid.js';
import type { ImageArray } from './resample-images.js';
import { downTaps, mirrorIndex, upTaps } from './resample-taps.js';

const images = (
  count: number,
  height: number,
  width: number,
  channels: number,
  value: (i: number) => number,
): ImageArray => ({
  pixels: Float32Array.from({ length: count * height * width * channels }, (_, i) => value(i)),
  count,
  height,
  width,
  channels,
});

describe('pyramidSizes', () => {
  it('halves down to 16 px for powers of two, and to 14 px for 28 px', () => {
    expect(pyramidSizes(64, 64)).toEqual([
      [64, 64],
      [32, 32],
      [16, 16],
    ]);
    expect(pyramidSizes(128, 128).map(([h]) => h)).toEqual([128, 64, 32, 16]);
    expect(pyramidSizes(32, 32).map(([h]) => h)).toEqual([32, 16]);
    expect(pyramidSizes(28, 28).map(([h]) => h)).toEqual([28, 14]);
    expect(pyramidSizes(50, 36)).toEqual([
      [50, 36],
      [25, 18],
      [13, 9],
    ]);
    expect(pyramidSizes(64, 64, 1)).toEqual([[64, 64]]);
  });
});

describe('the resampling taps', () => {
  it("reflect about the edge samples like scipy.ndimage's 'mirror' mode", () => {
    expect([-3, -2, -1, 0, 3, 4, 5, 6].map((i) => mirrorIndex(i, 4))).toEqual([
      3, 2, 1, 0, 3, 2, 1, 0,
    ]);
  });

  it('blur and halve, or stuff zeros and blur, with the binomial weights', () => {
    const rows = (taps: ReturnType<typeof downTaps>) =>
      Array.from({ length: taps.outputSize }, (_, out) => {
        const row = new Array<number>(taps.inputSize).fill(0);
        for (let k = taps.starts[out] as number; k < (taps.starts[out + 1] as number); k++) {
          row[taps.indices[k] as number] =
            (row[taps.indices[k] as number] as number) + (taps.weights[k] as number) * 16;
        }
        return row;
      });
    expect(rows(downTaps(4))).toEqual([
      [6, 8, 2, 0],
      [1, 4, 7, 4],
    ]);
    expect(rows(upTaps(2, 4))).toEqual([
      [12, 4],
      [8, 8],
      [2, 14],
      [0, 16],
    ]);
    expect(rows(upTaps(2, 3))).toEqual([
      [12, 4],
      [8, 8],
      [2, 14],
    ]);
  });
});

describe('laplacianPyramid', () => {
  it('of a constant image is zero detail at every level and the constant at the last', () => {
    for (const [height, width] of [
      [64, 64],
      [28, 28],
      [50, 36],
    ] as const) {
      const levels = pyramidSizes(height, width);
      const pyramid = laplacianPyramid(
        images(2, height, width, 3, () => 0.3),
        levels.length,
      );
      expect(pyramid.map((level) => [level.height, level.width])).toEqual(levels);
      for (const level of pyramid.slice(0, -1))
        expect(level.pixels.every((v) => v === 0)).toBe(true);
      expect(pyramid.at(-1)?.pixels.every((v) => v === Math.fround(0.3))).toBe(true);
    }
  });

  it("matches Karras et al.'s pyr_down and pyr_up (scipy, mode 'mirror') on a 6x8x2 image", () => {
    const image = images(1, 6, 8, 2, (i) => ((i * 7) % 11) - 5);
    const [detail, coarse] = laplacianPyramid(image, 2);
    // NHWC values from the reference's two functions, run with numpy 2.4 and scipy 1.17.
    const expectedCoarse = [
      -1.25, 0.42188, 0.09375, 0.04688, -0.86719, 0.54688, 0.80469, -0.27344, 0.47656, -1.11719,
      0.27344, 0.05469, 0, -0.17578, -0.43359, 0.67969, -0.07031, 0.65625, -0.61719, 0.45312,
      0.18359, -0.03516, -0.25, -0.51172,
    ];
    const expectedDetail = [
      -4.4209, 1.95996, -1.66016, 4.95703, 1.07959, -3.08704, 4.25586, -0.20752, -3.59143, 2.72363,
      -0.92236, -5.16553, 1.64807, -2.01501, 4.50488, 1.03516, -2.75586, 4.24805, 0.10156, -3.85156,
      2.96484, -1.01782, -4.875, 1.88184, -1.72095, 4.8291, 1.12402, -3.19434, 3.89185, -0.20093,
      -4.18555, 2.79688, -1.1792, -4.49854, 1.83398, -1.7002, 4.8819, 1.01874, -3.0271, 3.98218,
      0.07861, -4.01349, 3.17065, -1.17188, -4.76544, 1.64832, -1.74414, 4.58838, 0.89062, -2.89062,
      3.98438, -0.01172, -3.90796, 2.85156, -0.95996, -5.07422, 1.99536, -1.96313, 5.125, 1.01074,
      -2.7124, 3.9397, 0.3418, -4.08398, 3.12793, -1.42676, -4.74609, 1.58105, -1.64044, 4.64978,
      1.17261, -3.17529, 3.97687, 0.03448, -3.94385, 3.20776, -0.78125, -4.67596, 2.27295, -1.63721,
      5.20703, 0.39453, -2.65625, 3.44531, 0.44873, -4.41748, 3.2168, -1.20898, -5.0293, 2.03369,
      -1.9668, 5.27344, 1.1958, -2.54785, 4.25, 0.51172,
    ];
    expect([coarse?.height, coarse?.width, coarse?.channels]).toEqual([3, 4, 2]);
    expect(maxDifference(coarse?.pixels, expectedCoarse)).toBeLessThan(1e-5);
    expect(maxDifference(detail?.pixels, expectedDetail)).toBeLessThan(1e-5);
  });

  it('keeps the images of a batch apart', () => {
    const batch = images(3, 16, 12, 2, (i) => Math.sin(i * 0.37));
    const pyramid = laplacianPyramid(batch, 2);
    const second = laplacianPyramid(
      { ...batch, count: 1, pixels: batch.pixels.slice(384, 768) },
      2,
    );
    expect(pyramid[0]?.pixels.slice(384, 768)).toEqual(second[0]?.pixels);
    expect(pyramid[1]?.pixels.slice(96, 192)).toEqual(second[1]?.pixels);
  });
});

function maxDifference(actual: ArrayLike<number> | undefined, expected: number[]): number {
  if (actual?.length !== expected.length) return Number.POSITIVE_INFINITY;
  return Math.max(...expected.map((v, i) => Math.abs((actual[i] as number) - v)));
}
