import { loadDataset } from '@dcgan/data/node';
import { buildGenerator } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { onBackend } from '../test-support.js';
import { createPatchEvaluator } from './patch-evaluator.js';

describe('createPatchEvaluator', () => {
  it('puts real MNIST near real MNIST and an untrained generator far away, leaving no tensor', async () => {
    await onBackend('wasm', () => undefined);
    const train = await loadDataset('mnist', 'train');
    const evaluator = await createPatchEvaluator(train, { samples: 300, baseline: true });
    expect(evaluator.samples).toBe(300);
    const baseline = evaluator.baseline?.average as number;
    const generator = buildGenerator({}, { seed: 3 });
    const before = tf.memory().numTensors;
    const untrained = await evaluator.evaluate(generator, 1);
    expect(tf.memory().numTensors).toBe(before);
    expect(untrained.distances).toHaveLength(2);
    expect(baseline).toBeGreaterThan(0);
    expect(untrained.average).toBeGreaterThan(5 * baseline);
    expect((await evaluator.evaluate(generator, 1)).average).toBe(untrained.average);
    generator.dispose();
  });

  it('keeps to half the images with a baseline, and names a set too small', async () => {
    const tiny = { images: new Uint8Array(3 * 8 * 8), count: 3, height: 8, width: 8 };
    await expect(createPatchEvaluator(tiny, { samples: 10, baseline: true })).rejects.toThrow(
      'needs at least 4 real images, the data set has 3',
    );
  });
});
