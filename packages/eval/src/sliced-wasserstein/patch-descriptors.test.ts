import { SeededRandom } from '@dcgan/data';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { descriptorMatrix } from './descriptor-rows.js';
import { laplacianPyramid } from './laplacian-pyramid.js';
import { patchDescriptors } from './patch-descriptors.js';

const shape = [5, 20, 24, 3] as const;
const values = Float32Array.from(
  { length: shape[0] * shape[1] * shape[2] * shape[3] },
  (_, i) => Math.sin(i * 0.013) * Math.cos(i * 0.0071 + (i % 3)),
);

describe('patchDescriptors', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('normalises each level and channel over the set to zero mean and unit deviation', async () => {
    // Two 7x7 images of two channels: channel 0 is 0 in one and 2 in the other, channel 1 is 5 in both.
    const data = Float32Array.from({ length: 2 * 49 * 2 }, (_, i) => (i % 2 ? 5 : i < 98 ? 0 : 2));
    const descriptors = await patchDescriptors(
      { data, shape: [2, 7, 7, 2] },
      { seed: 1, patchesPerImage: 2 },
    );
    expect(descriptors.levels.map((l) => [l.height, l.width, l.patches])).toEqual([[7, 7, 4]]);
    expect(Array.from(descriptors.levels[0]?.mean ?? [])).toEqual([1, 5]);
    expect(Array.from(descriptors.levels[0]?.deviation ?? [])).toEqual([1, 1]);
    const matrix = descriptorMatrix(descriptors, 0);
    const row = (value: number) => Array.from({ length: 98 }, (_, j) => (j % 2 ? 0 : value));
    expect(Array.from(matrix)).toEqual([...row(-1), ...row(-1), ...row(1), ...row(1)]);
  });

  it("are the pyramid's values at the drawn places (row, column, channel), either way they are kept", async () => {
    const [count, height, width, channels] = shape;
    const descriptors = await patchDescriptors(
      { data: values, shape },
      { seed: 9, patchesPerImage: 3 },
    );
    // 20x24 keeps its pixels when 3 neighbourhoods take less room, 10x12 keeps its pixels.
    expect(descriptors.levels.map((l) => [l.blocks[0]?.packed, l.blocks[0]?.rowStride])).toEqual([
      [true, 21],
      [false, 36],
    ]);
    const pyramid = laplacianPyramid({ pixels: values, count, height, width, channels }, 2);
    const random = new SeededRandom(9);
    const raw: number[][] = [[], []];
    for (let image = 0; image < count; image++) {
      pyramid.forEach((level, index) => {
        for (let patch = 0; patch < 3; patch++) {
          const y0 = Math.floor(random.next() * (level.height - 6));
          const x0 = Math.floor(random.next() * (level.width - 6));
          for (let y = 0; y < 7; y++) {
            for (let x = 0; x < 7; x++) {
              const at = ((image * level.height + y0 + y) * level.width + x0 + x) * channels;
              raw[index]?.push(...level.pixels.subarray(at, at + channels));
            }
          }
        }
      });
    }
    raw.forEach((levelValues, index) => {
      const mean = [0, 1, 2].map((c) => average(levelValues.filter((_, j) => j % 3 === c)));
      const deviation = [0, 1, 2].map((c) =>
        Math.sqrt(
          average(
            levelValues.filter((_, j) => j % 3 === c).map((v) => (v - (mean[c] as number)) ** 2),
          ),
        ),
      );
      const level = descriptors.levels[index];
      expect(maxDifference(level?.mean, mean)).toBeLessThan(1e-12);
      expect(maxDifference(level?.deviation, deviation)).toBeLessThan(1e-12);
      const expected = levelValues.map(
        (v, j) => (v - (mean[j % 3] as number)) / (deviation[j % 3] as number),
      );
      expect(maxDifference(descriptorMatrix(descriptors, index), expected)).toBeLessThan(1e-5);
    });
  });

  it('gives the same descriptors per seed whatever the chunks and the form of the images, leaving no tensor', async () => {
    const options = { seed: 4, patchesPerImage: 16 };
    const reference = await patchDescriptors({ data: values, shape }, options);
    const before = tf.memory().numTensors;
    const tensor = tf.tensor4d(values, [...shape]);
    const fromTensor = await patchDescriptors(tensor, { ...options, chunkSize: 2 });
    const halves = [tf.slice(tensor, 0, 3), tf.slice(tensor, 3, 2)] as tf.Tensor4D[];
    async function* batches() {
      yield* halves;
    }
    const fromBatches = await patchDescriptors(batches(), { ...options, chunkSize: 1 });
    tf.dispose([tensor, ...halves]);
    expect(tf.memory().numTensors).toBe(before);
    const other = await patchDescriptors({ data: values, shape }, { ...options, seed: 5 });
    for (const level of [0, 1]) {
      const matrix = descriptorMatrix(reference, level);
      expect(descriptorMatrix(fromTensor, level)).toEqual(matrix);
      expect(descriptorMatrix(fromBatches, level)).toEqual(matrix);
      expect(descriptorMatrix(other, level)).not.toEqual(matrix);
    }
    expect(fromBatches.count).toBe(5);
  });

  it('reads tensors on the wasm backend too (by gathering, not slicing, the chunks)', async () => {
    const options = { seed: 4, patchesPerImage: 16, chunkSize: 2 };
    const reference = await patchDescriptors({ data: values, shape }, options);
    await tf.setBackend('wasm');
    try {
      const tensor = tf.tensor4d(values, [...shape]);
      const before = tf.memory().numTensors;
      const fromTensor = await patchDescriptors(tensor, options);
      expect(tf.memory().numTensors).toBe(before);
      tensor.dispose();
      for (const level of [0, 1]) {
        expect(descriptorMatrix(fromTensor, level)).toEqual(descriptorMatrix(reference, level));
      }
    } finally {
      await tf.setBackend('cpu');
    }
  });

  it('names what is wrong with the images or the options', async () => {
    const set = { data: values, shape };
    await expect(patchDescriptors(set, { seed: 1, patchesPerImage: 0 })).rejects.toThrow(
      /patchesPerImage 0/,
    );
    await expect(patchDescriptors(set, { seed: -1 })).rejects.toThrow(/seed -1/);
    await expect(patchDescriptors(set, { seed: 1, chunkSize: 0.5 })).rejects.toThrow(
      /chunkSize 0.5/,
    );
    await expect(patchDescriptors(set, { seed: 1, levels: 3 })).rejects.toThrow(
      /end at 5x6, smaller than the 7-px/,
    );
    await expect(
      patchDescriptors({ data: values, shape: [5, 20, 24, 2] }, { seed: 1 }),
    ).rejects.toThrow(/7200 values for the shape \[5, 20, 24, 2\]/);
    await expect(
      patchDescriptors([set, { data: values.subarray(0, 1440), shape: [1, 20, 24, 3] }], {
        seed: 1,
      }),
    ).resolves.toMatchObject({ count: 6 });
    await expect(
      patchDescriptors([set, { data: values.subarray(0, 1440), shape: [1, 24, 20, 3] }], {
        seed: 1,
      }),
    ).rejects.toThrow(/24x20x3 after 20x24x3/);
    await expect(patchDescriptors(values as never, { seed: 1 })).rejects.toThrow(
      /expected a tensor/,
    );
    await expect(patchDescriptors([], { seed: 1 })).rejects.toThrow(/no images/);
  });
});

function average(list: number[]): number {
  return list.reduce((sum, v) => sum + v, 0) / list.length;
}

function maxDifference(actual: ArrayLike<number> | undefined, expected: number[]): number {
  if (actual?.length !== expected.length) return Number.POSITIVE_INFINITY;
  return Math.max(...expected.map((v, i) => Math.abs((actual[i] as number) - v)));
}
