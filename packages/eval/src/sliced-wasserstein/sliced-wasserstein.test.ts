import { SeededRandom } from '@dcgan/data';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { patchDescriptors } from './patch-descriptors.js';
import { randomDirections } from './random-directions.js';
import { slicedWasserstein, slicedWassersteinDistance } from './sliced-wasserstein.js';

const random = new SeededRandom(11);
const gaussian = (length: number) => {
  const directions = randomDirections(random, 1, length);
  return directions.map((sign) => sign * Math.sqrt(-2 * Math.log(1 - random.next())));
};
const images = (count: number, seed: number) => {
  const noise = new SeededRandom(seed);
  return {
    data: Float32Array.from({ length: count * 16 * 20 * 3 }, (_, i) =>
      Math.tanh(Math.sin(i * 0.05) + noise.next()),
    ),
    shape: [count, 16, 20, 3] as const,
  };
};

describe('slicedWassersteinDistance', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is the shift between a 1-D set and the same set shifted', async () => {
    const a = Float32Array.from(gaussian(3000));
    const shifted = a.map((v) => v + 0.375);
    expect(await slicedWassersteinDistance(a, shifted, { dimension: 1, seed: 2 })).toBeCloseTo(
      0.375,
      6,
    );
    expect(await slicedWassersteinDistance(a, a, { dimension: 1, seed: 2 })).toBe(0);
  });

  it('is the mean over its directions of |shift . direction| between a set and the set shifted', async () => {
    const dimension = 5;
    const a = Float32Array.from(gaussian(2000 * dimension));
    const shift = [0.5, -0.25, 1, 0, 0.125];
    const shifted = a.map((v, i) => v + (shift[i % dimension] as number));
    const directions = randomDirections(new SeededRandom(6), dimension, 40);
    let expected = 0;
    for (let k = 0; k < 40; k++) {
      expected += Math.abs(
        shift.reduce((sum, s, j) => sum + s * (directions[k * dimension + j] as number), 0),
      );
    }
    const options = { dimension, seed: 6, directions: 40 };
    expect(await slicedWassersteinDistance(a, shifted, options)).toBeCloseTo(expected / 40, 5);
    // Three directions at a time give the same distance.
    expect(
      await slicedWassersteinDistance(a, shifted, { ...options, memory: 3 * 4 * 4000 }),
    ).toBeCloseTo(expected / 40, 5);
  });

  it('compares sets of different sizes: a set and the set twice are 0 apart', async () => {
    const a = Float32Array.from(gaussian(300 * 4));
    const twice = new Float32Array(2 * a.length);
    twice.set(a);
    twice.set(a, a.length);
    expect(await slicedWassersteinDistance(a, twice, { dimension: 4, seed: 1 })).toBe(0);
  });

  it('names a dimension that does not divide the values', async () => {
    await expect(
      slicedWassersteinDistance(new Float32Array(6), new Float32Array(8), {
        dimension: 4,
        seed: 1,
      }),
    ).rejects.toThrow(/dimension 4 does not divide the 6 and 8 values/);
  });
});

describe('slicedWasserstein', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is 0 between a set and itself, symmetric, deterministic per seed, leaving no tensor', async () => {
    const options = { seed: 3, patchesPerImage: 32 };
    const real = await patchDescriptors(images(40, 1), options);
    const again = await patchDescriptors(images(40, 1), options);
    const fake = await patchDescriptors(images(30, 2), { ...options, seed: 4 });
    const before = tf.memory().numTensors;
    const self = await slicedWasserstein(real, again, { seed: 1, directions: 64 });
    expect(self).toEqual({ sizes: [[16, 20]], distances: [0], average: 0 });
    const forward = await slicedWasserstein(real, fake, { seed: 1, directions: 64 });
    const backward = await slicedWasserstein(fake, real, { seed: 1, directions: 64 });
    const repeated = await slicedWasserstein(real, fake, { seed: 1, directions: 64 });
    const otherSeed = await slicedWasserstein(real, fake, { seed: 2, directions: 64 });
    expect(tf.memory().numTensors).toBe(before);
    expect(forward.distances[0]).toBeGreaterThan(0);
    expect(backward).toEqual(forward);
    expect(repeated).toEqual(forward);
    expect(otherSeed.average).not.toBe(forward.average);
    expect(otherSeed.average).toBeCloseTo(forward.average, -1);
  });

  it('reports every level x 1e3 and their mean', async () => {
    const options = { seed: 3, patchesPerImage: 8, levels: 2 };
    const [a, b] = await Promise.all([
      patchDescriptors({ data: images(12, 1).data, shape: [6, 32, 20, 3] }, options),
      patchDescriptors({ data: images(12, 2).data, shape: [6, 32, 20, 3] }, options),
    ]);
    const result = await slicedWasserstein(a, b, { seed: 5, directions: 16 });
    expect(result.sizes).toEqual([
      [32, 20],
      [16, 10],
    ]);
    expect(result.average).toBeCloseTo(
      ((result.distances[0] ?? 0) + (result.distances[1] ?? 0)) / 2,
      9,
    );
    expect(result.distances.every((d) => d > 1 && d < 1e4)).toBe(true);
  });

  it('names what does not match between the two sets, and bad options', async () => {
    const a = await patchDescriptors(images(4, 1), { seed: 1, patchesPerImage: 4 });
    const grey = await patchDescriptors(
      { data: new Float32Array(4 * 16 * 20), shape: [4, 16, 20, 1] },
      { seed: 1 },
    );
    await expect(slicedWasserstein(a, grey, { seed: 1 })).rejects.toThrow(
      /real descriptors have 3 channels, 7-px neighbourhoods, levels 16x20; fake ones 1 channels/,
    );
    await expect(slicedWasserstein(a, a, { seed: 1.5 })).rejects.toThrow(/seed 1.5/);
    await expect(slicedWasserstein(a, a, { seed: 1, directions: 0 })).rejects.toThrow(
      /directions 0/,
    );
    await expect(slicedWasserstein(a, a, { seed: 1, memory: -1 })).rejects.toThrow(/memory -1/);
  });
});
