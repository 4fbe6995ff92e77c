import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabeledImageDataset } from './dataset.js';
import { loadImageFolder } from './load-image-folder.js';
import { loadDataset } from './load-node.js';
import { loadTrainingData } from './load-training-data.js';
import { png, temporaryFolder, writeFiles } from './test-fixtures.js';

/** Real MNIST digits written as PNG files, one subfolder a digit, read back by the folder reader. */
const COUNT = 2000;
let idx: LabeledImageDataset;
let root: string;

describe('MNIST as a folder of PNG files', () => {
  beforeAll(async () => {
    idx = await loadDataset('mnist', 'test');
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < COUNT; i++) {
      const digit = idx.labels[i] as number;
      files[`${digit}/${String(i).padStart(5, '0')}.png`] = png(
        28,
        28,
        1,
        idx.images.subarray(i * 784, (i + 1) * 784),
      );
    }
    root = await writeFiles(await temporaryFolder(), files);
  });

  it('gives the bytes and labels of the IDX files', async () => {
    const set = await loadImageFolder(root, { imageSize: 28, channels: 1, cache: false });
    expect(set.count).toBe(COUNT);
    expect(set.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const [i, path] of set.files.entries()) {
      const index = Number(path.slice(2, 7));
      expect(set.labels?.[i]).toBe(idx.labels[index]);
      const image = set.images.subarray(i * 784, (i + 1) * 784);
      if (
        !Buffer.from(image).equals(Buffer.from(idx.images.subarray(index * 784, (index + 1) * 784)))
      ) {
        throw new Error(`${path}: bytes differ from IDX image ${index}`);
      }
    }
  });

  it('reads the same through loadTrainingData, which tells IDX folders from image folders', async () => {
    const folder = await loadTrainingData(root, { imageSize: 28, channels: 1, cache: false });
    expect(folder.count).toBe(COUNT);
    const mnist = await loadTrainingData('mnist', { split: 'test' });
    expect(Buffer.from(mnist.images).equals(Buffer.from(idx.images))).toBe(true);
    await expect(loadTrainingData('mnist', { imageSize: 64 })).rejects.toThrow(
      'mnist holds 28x28 grey IDX images: got imageSize 64 and channels 1',
    );
    await expect(loadTrainingData(root, { channels: 1 })).rejects.toThrow(
      `${root}: reading a folder of images needs imageSize (e.g. 64)`,
    );
    const empty = await writeFiles(await temporaryFolder(), { 'readme.txt': 'x' });
    await expect(loadTrainingData(empty, { imageSize: 28 })).rejects.toThrow(
      `${empty}: holds neither IDX files (train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz]) nor PNG, JPEG or WebP images`,
    );
    await expect(loadTrainingData(join(empty, 'nope'), { imageSize: 28 })).rejects.toThrow(
      /does not exist/,
    );
  });
});
