import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's ES entry registers no gradients.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { translateImages } from './translate-images.js';

const shape = [3, 6, 5, 2] as const;
const values = Float32Array.from({ length: 3 * 6 * 5 * 2 }, (_, i) => 1 + i);
const at = (image: number, y: number, x: number, c: number, channels = 2) =>
  ((image * 6 + y) * 5 + x) * channels + c;

describe('translateImages', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('moves each image by its shift, filling with 0, in every channel', () => {
    const rows = Int32Array.from([2, 0, -1]);
    const columns = Int32Array.from([-3, 1, 0]);
    const images = tf.tensor4d(values, [...shape]);
    const before = tf.memory().numTensors;
    const moved = translateImages(images, rows, columns);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(moved.shape).toEqual(shape);
    const out = moved.dataSync();
    const expected = new Float32Array(values.length);
    for (let image = 0; image < 3; image++) {
      for (let y = 0; y < 6; y++) {
        for (let x = 0; x < 5; x++) {
          const [fromY, fromX] = [y - (rows[image] as number), x - (columns[image] as number)];
          if (fromY < 0 || fromY >= 6 || fromX < 0 || fromX >= 5) continue;
          for (const c of [0, 1])
            expected[at(image, y, x, c)] = values[at(image, fromY, fromX, c)] as number;
        }
      }
    }
    expect(out).toEqual(expected);
    tf.dispose([images, moved]);
  });

  it('moves one-channel images too', () => {
    const grey = tf.tensor4d(values.subarray(0, 30), [1, 6, 5, 1]);
    const moved = translateImages(grey, Int32Array.from([-2]), Int32Array.from([1]));
    const out = moved.dataSync();
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(values[2 * 5]);
    expect(out[3 * 5 + 4]).toBe(values[5 * 5 + 3]);
    expect(Array.from(out.subarray(4 * 5))).toEqual(new Array(10).fill(0));
    tf.dispose([grey, moved]);
  });

  it('passes gradients back to the pixels that stay in the image, exactly', () => {
    const images = tf.tensor4d(values, [...shape]);
    const before = tf.memory().numTensors;
    const rows = Int32Array.from([1, -5, 0]);
    const columns = Int32Array.from([0, 2, -4]);
    const gradient = tf.grad((x) => tf.sum(translateImages(x as tf.Tensor4D, rows, columns)))(
      images,
    );
    const out = gradient.dataSync();
    for (let image = 0; image < 3; image++) {
      for (let y = 0; y < 6; y++) {
        for (let x = 0; x < 5; x++) {
          const [toY, toX] = [y + (rows[image] as number), x + (columns[image] as number)];
          const inside = toY >= 0 && toY < 6 && toX >= 0 && toX < 5;
          expect(out[at(image, y, x, 1)]).toBe(inside ? 1 : 0);
        }
      }
    }
    gradient.dispose();
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
  });

  it('needs one shift per image', () => {
    const images = tf.zeros([2, 4, 4, 1]) as tf.Tensor4D;
    expect(() => translateImages(images, Int32Array.of(1), Int32Array.of(1, 2))).toThrow(
      'translateImages: 1 and 2 shifts for 2 images',
    );
    images.dispose();
  });
});
