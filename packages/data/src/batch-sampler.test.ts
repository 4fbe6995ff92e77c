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

  it('yields [batch, height, width, 3] for RGB images, channels last, each image whole', () => {
    // Image i is 4x2 pixels of RGB (i, 100 + i, 200 + i): its first pixel tells it apart.
    const rgb: ImageDataset = {
      count: 6,
      height: 4,
      width: 2,
      channels: 3,
      images: Uint8Array.from({ length: 6 * 8 * 3 }, (_, j) => {
        const image = Math.floor(j / 24);
        return [image, 100 + image, 200 + image][j % 3] as number;
      }),
    };
    const batch = createBatchSampler(rgb, { batchSize: 6, seed: 4 }).next();
    expect(batch.shape).toEqual([6, 4, 2, 3]);
    const bytes = Array.from(batch.dataSync(), (v) => Math.round((v + 1) * 127.5));
    batch.dispose();
    const firsts = [0, 1, 2, 3, 4, 5].map((b) => bytes[b * 24] as number);
    expect([...firsts].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const [b, image] of firsts.entries()) {
      const expected = Array.from(
        { length: 24 },
        (_, j) => [image, 100 + image, 200 + image][j % 3],
      );
      expect(bytes.slice(b * 24, b * 24 + 24)).toEqual(expected);
    }
  });

  it('samples a set without labels, and says why nextWithLabels cannot', () => {
    const { labels: _, ...unlabelled } = dataset;
    const sampler = createBatchSampler(unlabelled, { batchSize: 2, seed: 1 });
    sampler.next().dispose();
    const before = tf.memory().numTensors;
    expect(() => sampler.nextWithLabels()).toThrow(/has no labels/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects images shorter than count x height x width x channels', () => {
    expect(() =>
      createBatchSampler({ ...dataset, channels: 3 }, { batchSize: 1, seed: 1 }),
    ).toThrow('data set holds 7840 bytes, expected 23520 (10 images of 28x28x3)');
  });

  it('rejects a batch size larger than the data set', () => {
    expect(() => createBatchSampler(dataset, { batchSize: 11, seed: 1 })).toThrow(
      'batchSize must be an integer from 1 to 10, got 11',
    );
  });
});
