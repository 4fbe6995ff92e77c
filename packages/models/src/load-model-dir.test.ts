import { mkdtemp, readdir, readFile, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDiscriminator } from './build-discriminator.js';
import { buildGenerator } from './build-generator.js';
import { loadGeneratorFromDir, loadModelFromDir, saveModelToDir } from './load-model-dir.js';
import { useCpuBackend } from './test-backend.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'dcgan-models-'));

describe('save and load in Node', () => {
  beforeAll(useCpuBackend);

  it('round-trips a generator: same outputs on the same input', async () => {
    const dir = await tempDir();
    const generator = buildGenerator();
    await saveModelToDir(generator, dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
    const loaded = await loadGeneratorFromDir(dir);
    const z = tf.randomNormal([4, 100], 0, 1, 'float32', 3);
    const [a, b] = [generator.predict(z) as tf.Tensor, loaded.predict(z) as tf.Tensor];
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([z, a, b]);
  });

  it('names a missing weight file', async () => {
    const dir = await tempDir();
    await saveModelToDir(buildDiscriminator(), dir);
    await rm(join(dir, 'weights.bin'));
    await expect(loadModelFromDir(dir)).rejects.toThrow(
      `${join(dir, 'weights.bin')}: missing weight file`,
    );
  });

  it('names a corrupt weight file and leaves it as it was', async () => {
    const dir = await tempDir();
    await saveModelToDir(buildDiscriminator(), dir);
    await truncate(join(dir, 'weights.bin'), 1000);
    const before = await readFile(join(dir, 'weights.bin'));
    await expect(loadModelFromDir(dir)).rejects.toThrow(
      `${join(dir, 'weights.bin')}: 1000 bytes of weights, expected 378372 by ${join(dir, 'model.json')}`,
    );
    expect((await readFile(join(dir, 'weights.bin'))).equals(before)).toBe(true);
  });

  it('names a missing or unreadable model.json', async () => {
    const dir = await tempDir();
    await expect(loadModelFromDir(dir)).rejects.toThrow(
      `${join(dir, 'model.json')}: missing model file`,
    );
  });

  it('rejects a model whose shapes are not a generator', async () => {
    const dir = await tempDir();
    await saveModelToDir(buildDiscriminator(), dir);
    const { mtimeMs } = await stat(join(dir, 'model.json'));
    await expect(loadGeneratorFromDir(dir)).rejects.toThrow(
      `${dir}: model maps [28,28,1] to [1], expected [any] to [any,any,any]`,
    );
    expect((await stat(join(dir, 'model.json'))).mtimeMs).toBe(mtimeMs);
  });
});
