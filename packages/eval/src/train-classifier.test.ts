import type { LabeledImageDataset } from '@dcgan/data';
import { loadDataset } from '@dcgan/data/node';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClassifier } from './build-classifier.js';
import { onBackend, weightValues } from './test-support.js';
import {
  crossEntropy,
  defaultClassifierTrainingConfig,
  trainClassifier,
} from './train-classifier.js';

describe('training the classifier (wasm)', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it('takes the cross-entropy of the labelled class', () => {
    const p = tf.tensor2d([
      [0.5, 0.5],
      [0.9, 0.1],
    ]);
    const labels = tf.tensor1d([0, 1], 'int32');
    const loss = crossEntropy(p, labels);
    expect(loss.dataSync()[0]).toBeCloseTo(-(Math.log(0.5) + Math.log(0.1)) / 2, 6);
    tf.dispose([p, labels, loss]);
  });

  it('is reproducible from the seeds, lowers the loss and leaves no tensor behind', async () => {
    const mnist = await loadDataset('mnist', 'train');
    const count = 640;
    const subset: LabeledImageDataset = {
      ...mnist,
      count,
      images: mnist.images.subarray(0, count * 28 * 28),
      labels: mnist.labels.subarray(0, count),
    };
    const config = { ...defaultClassifierTrainingConfig(), epochs: 2, seed: 7 };
    const before = tf.memory().numTensors;
    const run = () => {
      const classifier = buildClassifier({}, { seed: 3 });
      const losses: number[] = [];
      trainClassifier(classifier, subset, config, (_, loss) => losses.push(loss));
      const weights = weightValues(classifier);
      classifier.dispose();
      return { losses, weights };
    };
    const [first, second] = [run(), run()];
    expect(tf.memory().numTensors).toBe(before);
    expect(second).toEqual(first);
    expect(first.losses[1]).toBeLessThan(first.losses[0] as number);
  });
});
