import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { classAccuracy, meanClassAccuracy } from './class-accuracy.js';

describe('classAccuracy', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gives, per class asked for, the share read as that class', () => {
    // Four samples of 3 classes: asked 0, 0, 1, 1; read 0, 2, 1, 1.
    const probabilities = tf.tensor2d(
      [
        [0.8, 0.1, 0.1],
        [0.2, 0.3, 0.5],
        [0.1, 0.7, 0.2],
        [0.3, 0.6, 0.1],
      ],
      [4, 3],
    );
    const shares = classAccuracy(probabilities, [0, 0, 1, 1]);
    expect(shares.slice(0, 2)).toEqual([0.5, 1]);
    expect(shares[2]).toBeNaN();
    expect(meanClassAccuracy(shares)).toBe(0.75);
    expect(() => classAccuracy(probabilities, [0])).toThrow('1 classes for 4 samples');
    probabilities.dispose();
  });
});
