import { loadDataset } from '@dcgan/data/node';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadClassifier, readBaselines } from './classifier-files.js';
import { classifierAccuracy } from './classifier-outputs.js';
import { datasetImages } from './dataset-tensors.js';
import { realBaselines } from './real-baselines.js';
import { onBackend } from './test-support.js';

describe.each([
  ['mnist', 0.99],
  ['fashion', 0.9],
] as const)('the committed %s classifier (wasm)', (dataset, target) => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it(`reaches ${100 * target}% on the real test set, and its cached baselines are recomputed`, async () => {
    const [classifier, cached, train, test] = await Promise.all([
      loadClassifier(dataset),
      readBaselines(dataset),
      loadDataset(dataset, 'train'),
      loadDataset(dataset, 'test'),
    ]);
    const before = tf.memory().numTensors;
    const images = datasetImages(test);
    const accuracy = classifierAccuracy(classifier, images, test.labels);
    images.dispose();
    const baselines = await realBaselines(classifier, train, test);
    expect(tf.memory().numTensors).toBe(before);
    classifier.dispose();

    expect(accuracy).toBeGreaterThanOrEqual(target);
    expect(cached.testAccuracy).toBeCloseTo(accuracy, 4);
    expect(cached.realTestClassifierScore).toBeCloseTo(baselines.realTestClassifierScore, 4);
    expect(cached.realTrainVsTestFrechetDistance).toBeCloseTo(
      baselines.realTrainVsTestFrechetDistance,
      3,
    );
  });
});
