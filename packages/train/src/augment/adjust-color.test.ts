import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's ES entry registers no gradients.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { adjustColor } from './adjust-color.js';

const factors = {
  brightness: Float32Array.of(0.25, -0.5),
  saturation: Float32Array.of(0, 1.5),
  contrast: Float32Array.of(1.25, 0.5),
};
const values = [0.5, -1, 0.25, 1, 0, -0.5, 0.75, 0.5, -0.25, -1, 1, 0.125];

describe('adjustColor', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it("applies brightness, saturation about each pixel's mean, then contrast about the image's mean", () => {
    // Two images of 1x2 pixels and 3 channels.
    const images = tf.tensor4d(values, [2, 1, 2, 3]);
    const out = adjustColor(images, factors).dataSync();
    const expected: number[] = [];
    for (let image = 0; image < 2; image++) {
      const b = factors.brightness[image] as number;
      const s = factors.saturation[image] as number;
      const k = factors.contrast[image] as number;
      const pixels = [0, 1].map((p) =>
        values.slice(image * 6 + p * 3, image * 6 + p * 3 + 3).map((v) => v + b),
      );
      const saturated = pixels.map((rgb) => {
        const mean = rgb.reduce((sum, v) => sum + v, 0) / 3;
        return rgb.map((v) => (v - mean) * s + mean);
      });
      const flat = saturated.flat();
      const mean = flat.reduce((sum, v) => sum + v, 0) / 6;
      expected.push(...flat.map((v) => (v - mean) * k + mean));
    }
    expect(maxDifference(out, expected)).toBeLessThan(1e-6);
    images.dispose();
  });

  it('leaves saturation out for one channel, as the reference does (x - mean is 0)', () => {
    const grey = tf.tensor4d(values.slice(0, 8), [2, 2, 2, 1]);
    const out = adjustColor(grey, factors).dataSync();
    const expected: number[] = [];
    for (let image = 0; image < 2; image++) {
      const shifted = values
        .slice(image * 4, image * 4 + 4)
        .map((v) => v + (factors.brightness[image] as number));
      const mean = shifted.reduce((sum, v) => sum + v, 0) / 4;
      const contrast = factors.contrast[image] as number;
      expected.push(...shifted.map((v) => (v - mean) * contrast + mean));
    }
    expect(maxDifference(out, expected)).toBeLessThan(1e-6);
    grey.dispose();
  });

  it('has the gradient of its formula (finite differences), leaving no tensor', () => {
    const images = tf.tensor4d(values, [2, 1, 2, 3]);
    const weights = tf.tensor4d(
      values.map((_, i) => Math.cos(i)),
      [2, 1, 2, 3],
    );
    const loss = (x: tf.Tensor) => tf.sum(tf.mul(adjustColor(x as tf.Tensor4D, factors), weights));
    const before = tf.memory().numTensors;
    const gradient = tf.tidy(() => tf.grad(loss)(images).dataSync());
    expect(tf.memory().numTensors).toBe(before);
    const lossAt = (list: number[]) =>
      tf.tidy(() => loss(tf.tensor4d(list, [2, 1, 2, 3])).dataSync()[0] as number);
    values.forEach((_, i) => {
      const [up, down] = [1, -1].map((sign) =>
        values.map((v, j) => (j === i ? v + sign * 1e-2 : v)),
      );
      expect(gradient[i]).toBeCloseTo(
        (lossAt(up as number[]) - lossAt(down as number[])) / 2e-2,
        3,
      );
    });
    tf.dispose([images, weights]);
  });
});

function maxDifference(actual: ArrayLike<number>, expected: number[]): number {
  if (actual.length !== expected.length) return Number.POSITIVE_INFINITY;
  return Math.max(...expected.map((v, i) => Math.abs((actual[i] as number) - v)));
}
