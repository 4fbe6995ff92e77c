import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBatchSampler } from './batch-sampler.js';
import type { ImageDataset } from './dataset.js';

const dataset: ImageDataset = {
  count: 10,
  height: 28,
  width: 28,
  labels: Uint8Array.from({ length: 10 }, (_, i) => i),
  images: Uint8Array.from({ length: 10 * 784 }, (_, i) => Math.floor(i / 784) * 25),
};
const firstPixels = (batch: tf.Tensor4D) => {
  const values = Array.from(batch.dataSync()).filter((_, i) => i % 784 === 0);
  batch.dispose();
  return values;
};

describe('createBatchSampler', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('yields [batch, 28, 28, 1] in [-1, 1]', () => {
    const batch = createBatchSampler(dataset, { batchSize: 4, seed: 1 }).next();
    expect(batch.shape).toEqual([4, 28, 28, 1]);
    const values = batch.dataSync();
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    batch.dispose();
  });

  it('gives the same batches for the same seed, others for another', () => {
    const draw = (seed: number) => {
      const sampler = createBatchSampler(dataset, { batchSize: 3, seed });
      return [0, 1, 2, 3, 4].flatMap(() => firstPixels(sampler.next()));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('visits every image once per epoch', () => {
    const sampler = createBatchSampler(dataset, { batchSize: 5, seed: 3 });
    const seen = [...firstPixels(sampler.next()), ...firstPixels(sampler.next())];
    expect(new Set(seen).size).toBe(10);
    expect(sampler.epoch).toBe(0);
    sampler.next().dispose();
    expect(sampler.epoch).toBe(1);
  });

  it('resumes the same sequence from a saved state', () => {
    const sampler = createBatchSampler(dataset, { batchSize: 3, seed: 5 });
    sampler.next().dispose();
    sampler.next().dispose();
    const state = sampler.getState();
    const expected = [0, 1, 2, 3].flatMap(() => firstPixels(sampler.next()));
    const resumed = createBatchSampler(dataset, { batchSize: 3, seed: 99 });
    resumed.setState(structuredClone(state));
    expect([0, 1, 2, 3].flatMap(() => firstPixels(resumed.next()))).toEqual(expected);
  });

  it('yields the labels of the batch it would give, when asked for them', () => {
    const [plain, labeled] = [1, 2].map(() =>
      createBatchSampler(dataset, { batchSize: 4, seed: 2 }),
    );
    for (let i = 0; i < 4; i++) {
      const expected = firstPixels((plain as ReturnType<typeof createBatchSampler>).next());
      const { images, labels } = (
        labeled as ReturnType<typeof createBatchSampler>
      ).nextWithLabels();
      expect(labels.dtype).toBe('int32');
      // Image i of the data set has label i and first pixel 25 i, -1 + 2 * 25 i / 255 scaled.
      expect(Array.from(labels.dataSync(), (label) => -1 + (2 * 25 * label) / 255)).toEqual(
        expected.map((value) => expect.closeTo(value, 5)),
      );
      expect(firstPixels(images)).toEqual(expected);
      labels.dispose();
    }
  });

  it('leaks no tensor', () => {
    const sampler = createBatchSampler(dataset, { batchSize: 2, seed: 1 });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 8; i++) sampler.next().dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a batch size larger than the data set', () => {
    expect(() => createBatchSampler(dataset, { batchSize: 11, seed: 1 })).toThrow(
      'batchSize must be an integer from 1 to 10, got 11',
    );
  });
});
