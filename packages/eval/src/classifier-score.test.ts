import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifierScore, classShares } from './classifier-score.js';
import { onBackend } from './test-support.js';

/** `count` rows, row n confident in class `classOf(n)` (probability `confidence`), the rest spread evenly. */
const predictions = (count: number, classOf: (n: number) => number, confidence = 1) =>
  tf.tensor2d(
    Array.from({ length: count }, (_, n) =>
      Array.from({ length: 10 }, (_, c) => (c === classOf(n) ? confidence : (1 - confidence) / 9)),
    ),
  );

describe('classifierScore and classShares', () => {
  beforeAll(() => onBackend('cpu', () => undefined));

  it('scores 1 for a set of one class, whatever the confidence', () => {
    for (const confidence of [1, 0.6]) {
      const p = predictions(50, () => 3, confidence);
      expect(classifierScore(p)).toBeCloseTo(1, 12);
      expect(classShares(p)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
      p.dispose();
    }
  });

  it('scores the number of classes for confident predictions spread evenly: 10, or 2', () => {
    const ten = predictions(100, (n) => n % 10);
    const two = predictions(100, (n) => 7 * (n % 2));
    expect(classifierScore(ten)).toBeCloseTo(10, 10);
    expect(classifierScore(two)).toBeCloseTo(2, 10);
    expect(classShares(two)).toEqual([0.5, 0, 0, 0, 0, 0, 0, 0.5, 0, 0]);
    tf.dispose([ten, two]);
  });

  it('scores exp(KL) for a known mix and leaves no tensor behind', () => {
    // Half the rows (1, 0), half (0.5, 0.5): p(y) = (0.75, 0.25).
    const p = tf.tensor2d([
      [1, 0],
      [0.5, 0.5],
    ]);
    const kl = (Math.log(1 / 0.75) + 0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(0.5 / 0.25)) / 2;
    const before = tf.memory().numTensors;
    expect(classifierScore(p)).toBeCloseTo(Math.exp(kl), 12);
    expect(classShares(p)).toEqual([1, 0]);
    expect(tf.memory().numTensors).toBe(before);
    p.dispose();
  });
});
