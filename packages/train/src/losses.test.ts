import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracy, binaryCrossEntropy, binaryCrossEntropyWithLogits } from './losses.js';
import { onBackend } from './test-support.js';

describe('losses', () => {
  beforeAll(() => onBackend('cpu', () => undefined));

  it('binary cross-entropy matches -mean(log p) and -mean(log(1 - p))', () => {
    const p = tf.tensor2d([[0.9], [0.2], [0.5]]);
    expect(binaryCrossEntropy(p, 1).dataSync()[0]).toBeCloseTo(
      -(Math.log(0.9) + Math.log(0.2) + Math.log(0.5)) / 3,
      5,
    );
    expect(binaryCrossEntropy(p, 0).dataSync()[0]).toBeCloseTo(
      -(Math.log(0.1) + Math.log(0.8) + Math.log(0.5)) / 3,
      5,
    );
  });

  it('takes a smoothed label: -mean(y log p + (1 - y) log(1 - p))', () => {
    const p = tf.tensor2d([[0.9], [0.2]]);
    const expected =
      -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1) + 0.9 * Math.log(0.2) + 0.1 * Math.log(0.8)) / 2;
    expect(binaryCrossEntropy(p, 0.9).dataSync()[0]).toBeCloseTo(expected, 5);
  });

  it('stays finite at confident 0 and 1, and lets NaN through', () => {
    const loss = binaryCrossEntropy(tf.tensor2d([[0], [1]]), 1).dataSync()[0] as number;
    expect(loss).toBeCloseTo(-Math.log(1e-7) / 2, 3);
    expect(binaryCrossEntropy(tf.tensor2d([[Number.NaN]]), 1).dataSync()[0]).toBeNaN();
  });

  it('accuracy counts the right side of 0.5', () => {
    const p = tf.tensor2d([[0.9], [0.2], [0.6], [0.4]]);
    expect(accuracy(p, 1).dataSync()[0]).toBe(0.5);
    expect(accuracy(p, 0).dataSync()[0]).toBe(0.5);
  });
});

describe('binaryCrossEntropyWithLogits', () => {
  it("equals the loss of the logits' probabilities, and keeps a gradient when the verdict is sure", async () => {
    await onBackend('cpu', () => undefined);
    const logits = tf.tensor2d([[-3], [-0.5], [0], [2]]);
    for (const label of [0, 1, 0.9]) {
      const fromLogits = binaryCrossEntropyWithLogits(logits, label).dataSync()[0] as number;
      const fromProbabilities = binaryCrossEntropy(
        tf.sigmoid(logits),
        label,
      ).dataSync()[0] as number;
      expect(fromLogits).toBeCloseTo(fromProbabilities, 5);
    }
    // A discriminator sure that a fake is fake: the generator's gradient stays -(1 - p), about -1.
    const sure = tf.tensor2d([[-40]]);
    const [throughLogits, throughProbabilities] = [
      tf.grad((l: tf.Tensor) => binaryCrossEntropyWithLogits(l, 1))(sure),
      tf.grad((l: tf.Tensor) => binaryCrossEntropy(tf.sigmoid(l), 1))(sure),
    ].map((g) => g.dataSync()[0] as number);
    expect(throughLogits).toBeCloseTo(-1, 6);
    expect(Math.abs(throughProbabilities as number)).toBeLessThan(1e-9);
    expect(accuracy(logits, 1, 0).dataSync()[0]).toBe(0.25);
    tf.dispose([logits, sure]);
  });
});
