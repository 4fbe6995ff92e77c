import { SeededRandom } from '@dcgan/data';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
// tfjs-core's ES entry registers no gradients.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { adjustColor } from './adjust-color.js';
import { drawAugmentParameters } from './augment-parameters.js';
import { defaultAugmentPolicy } from './augment-policy.js';
import { cutoutImages, cutoutMask } from './cutout-images.js';
import { diffAugment } from './diff-augment.js';
import { translateImages } from './translate-images.js';

const batch = (shape: [number, number, number, number], seed: number) =>
  tf.tidy(() => tf.tanh(tf.randomNormal(shape, 0, 1, 'float32', seed))) as tf.Tensor4D;

/** The augmented images and the gradient of a weighted sum of them, as arrays. */
function augmentAndGradient(images: tf.Tensor4D, seed: number) {
  const policy = defaultAugmentPolicy();
  return tf.tidy(() => {
    const weights = tf.randomUniform(images.shape, -1, 1, 'float32', 5);
    const out = diffAugment(images, policy, new SeededRandom(seed));
    const gradient = tf.grad((x) =>
      tf.sum(tf.mul(diffAugment(x as tf.Tensor4D, policy, new SeededRandom(seed)), weights)),
    )(images);
    return { out: out.dataSync(), gradient: gradient.dataSync() };
  });
}

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`diffAugment (${backend})`, () => {
    it('keeps the shape, and is colour, then translation, then cutout as drawn', async () => {
      await tf.setBackend(backend);
      for (const shape of [
        [4, 28, 28, 1],
        [2, 64, 64, 3],
        [3, 32, 48, 3],
      ] as [number, number, number, number][]) {
        const images = batch(shape, 1);
        const before = tf.memory().numTensors;
        const out = diffAugment(images, defaultAugmentPolicy(), new SeededRandom(9));
        expect(out.shape).toEqual(shape);
        const { brightness, saturation, contrast, shift, cutout } = drawAugmentParameters(
          new SeededRandom(9),
          shape,
          defaultAugmentPolicy(),
        );
        const byHand = tf.tidy(() => {
          const colored = adjustColor(images, { brightness, saturation, contrast } as never);
          return cutoutImages(
            translateImages(colored, shift?.rows as Int32Array, shift?.columns as Int32Array),
            cutout as never,
          );
        });
        expect(out.dataSync()).toEqual(byHand.dataSync());
        tf.dispose([out, byHand]);
        expect(tf.memory().numTensors).toBe(before);
        images.dispose();
      }
    });

    it('is a copy of the images for an empty policy, drawing nothing', async () => {
      await tf.setBackend(backend);
      const images = batch([2, 8, 8, 3], 2);
      const random = new SeededRandom(3);
      const out = diffAugment(images, {}, random);
      expect(out).not.toBe(images);
      expect(out.dataSync()).toEqual(images.dataSync());
      expect(random.getState()).toBe(new SeededRandom(3).getState());
      tf.dispose([images, out]);
    });

    it('repeats per seed and when resumed from a saved state', async () => {
      await tf.setBackend(backend);
      const images = batch([3, 16, 16, 3], 3);
      const policy = defaultAugmentPolicy();
      const values = (random: SeededRandom) =>
        tf.tidy(() => diffAugment(images, policy, random).dataSync());
      const random = new SeededRandom(21);
      const first = values(random);
      const saved = random.getState();
      const second = values(random);
      const resumed = new SeededRandom(0);
      resumed.setState(saved);
      expect(values(new SeededRandom(21))).toEqual(first);
      expect(values(resumed)).toEqual(second);
      expect(second).not.toEqual(first);
      images.dispose();
    });

    it('lets gradients reach the images, exactly 0 inside the cutout', async () => {
      await tf.setBackend(backend);
      const images = batch([2, 16, 12, 3], 4);
      const before = tf.memory().numTensors;
      const { gradient } = augmentAndGradient(images, 8);
      expect(gradient.every(Number.isFinite)).toBe(true);
      expect(gradient.filter((g) => g !== 0).length).toBeGreaterThan(gradient.length / 2);
      const policy = { cutout: 0.5 };
      const { cutout } = drawAugmentParameters(new SeededRandom(6), images.shape, policy);
      const mask = cutoutMask(cutout as never, 16, 12);
      const cutoutGradient = tf.tidy(() =>
        tf
          .grad((x) => tf.sum(diffAugment(x as tf.Tensor4D, policy, new SeededRandom(6))))(images)
          .dataSync(),
      );
      expect(Array.from(cutoutGradient)).toEqual(Array.from(mask).flatMap((m) => [m, m, m]));
      // Each square is 8x6, less what lies outside the image.
      const { top, left } = cutout as { top: Int32Array; left: Int32Array };
      const area = (image: number) =>
        (Math.min(16, (top[image] as number) + 8) - Math.max(0, top[image] as number)) *
        (Math.min(12, (left[image] as number) + 6) - Math.max(0, left[image] as number));
      expect(mask.filter((m) => m === 0).length).toBe(area(0) + area(1));
      expect(area(0) + area(1)).toBeGreaterThan(0);
      expect(tf.memory().numTensors).toBe(before);
      images.dispose();
    });
  });
}

describe('diffAugment on wasm and cpu', () => {
  it('gives the same images and gradients', async () => {
    const results = [];
    for (const backend of ['cpu', 'wasm']) {
      await tf.setBackend(backend);
      const images = batch([3, 20, 20, 3], 7);
      results.push(augmentAndGradient(images, 12));
      images.dispose();
    }
    const [cpu, wasm] = results;
    const gap = (a: Float32Array | undefined, b: Float32Array | undefined) =>
      Math.max(...Array.from(a ?? [], (v, i) => Math.abs(v - (b?.[i] ?? Number.NaN))));
    expect(gap(cpu?.out as Float32Array, wasm?.out as Float32Array)).toBeLessThan(1e-5);
    expect(gap(cpu?.gradient as Float32Array, wasm?.gradient as Float32Array)).toBeLessThan(1e-5);
  });
});
