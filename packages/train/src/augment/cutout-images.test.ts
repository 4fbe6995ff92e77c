import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's ES entry registers no gradients.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutoutImages, cutoutMask } from './cutout-images.js';

describe('cutoutImages', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('zeroes a square of the given size at its place, clipped by the edges', () => {
    const cutout = {
      top: Int32Array.of(1, -2, 5),
      left: Int32Array.of(2, 3, -1),
      height: 3,
      width: 3,
    };
    const mask = cutoutMask(cutout, 6, 7);
    const zeros = (image: number) => {
      const cells: string[] = [];
      mask.subarray(image * 42, (image + 1) * 42).forEach((v, i) => {
        if (v === 0) cells.push(`${Math.floor(i / 7)},${i % 7}`);
      });
      return cells;
    };
    expect(zeros(0)).toEqual(['1,2', '1,3', '1,4', '2,2', '2,3', '2,4', '3,2', '3,3', '3,4']);
    expect(zeros(1)).toEqual(['0,3', '0,4', '0,5']);
    expect(zeros(2)).toEqual(['5,0', '5,1']);
    expect(mask.filter((v) => v === 1).length).toBe(3 * 42 - 14);
  });

  it('multiplies every channel by the mask, so that the gradient is exactly 0 inside', () => {
    const images = tf.add(tf.randomUniform([2, 6, 7, 3], 0.1, 1, 'float32', 4), 0) as tf.Tensor4D;
    const cutout = { top: Int32Array.of(1, 4), left: Int32Array.of(2, -1), height: 3, width: 4 };
    const mask = cutoutMask(cutout, 6, 7);
    const before = tf.memory().numTensors;
    const [out, gradient] = tf.tidy(() => [
      cutoutImages(images, cutout),
      tf.grad((x) => tf.sum(tf.mul(cutoutImages(x as tf.Tensor4D, cutout), 2)))(images),
    ]);
    const pixels = images.dataSync();
    const outValues = out?.dataSync() ?? [];
    const gradients = gradient?.dataSync() ?? [];
    for (let i = 0; i < pixels.length; i++) {
      const keep = mask[Math.floor(i / 3)] as number;
      expect(outValues[i]).toBe(keep ? pixels[i] : 0);
      expect(gradients[i]).toBe(2 * keep);
    }
    tf.dispose([out, gradient]);
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
  });
});
