import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRadfordDiscriminator } from './build-radford-discriminator.js';
import { buildRadfordGenerator } from './build-radford-generator.js';
import { generatorShapes } from './check-architecture.js';
import { checkModelDir } from './check-model-dir.js';
import { classCountOf, oneHotClasses } from './conditional.js';
import { fileSystemIO } from './file-system-io.js';
import { quantizeFloat16 } from './float16.js';
import { generate, latentSizeOf } from './generate.js';
import { imageShapeOf } from './image-shape.js';
import {
  loadDiscriminatorFromDir,
  loadGeneratorFromDir,
  loadModelFromDir,
  saveModelToDir,
} from './load-model-dir.js';
import { predictImages } from './predict-images.js';
import { formatSummary } from './summarize.js';
import { useCpuBackend } from './test-backend.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'dcgan-radford-'));

/** Rewrites a saved model's weights as float16, as `scripts/export-pretrained.mjs` does. */
async function exportFloat16(from: string, to: string): Promise<void> {
  const [source, target] = [fileSystemIO(from), fileSystemIO(to)];
  if (!source.load || !target.save) throw new Error('fileSystemIO loads and saves');
  const artifacts = await source.load();
  const quantized = quantizeFloat16(
    artifacts.weightSpecs ?? [],
    tf.io.CompositeArrayBuffer.join(artifacts.weightData),
  );
  await target.save({
    ...artifacts,
    weightSpecs: quantized.specs,
    weightData: quantized.data,
  });
}

const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe('Radford models on disk: their files say their shapes', () => {
  beforeAll(useCpuBackend);

  it('round-trips a 64x64x3 generator through a folder and float16, and generates from it', async () => {
    const dir = await tempDir();
    const generator = buildRadfordGenerator({ imageSize: 64, channels: 3 }, { seed: 11 });
    await saveModelToDir(generator, join(dir, 'float32'));
    await exportFloat16(join(dir, 'float32'), join(dir, 'float16'));
    const before = tf.memory().numTensors;
    const loaded = await loadGeneratorFromDir(join(dir, 'float32'));
    const half = await loadGeneratorFromDir(join(dir, 'float16'));
    for (const model of [loaded, half]) {
      expect([imageShapeOf(model), latentSizeOf(model), classCountOf(model)]).toEqual([
        [64, 64, 3],
        100,
        undefined,
      ]);
      expect(formatSummary(model)).toBe(formatSummary(generator));
    }
    const z = tf.randomNormal([2, 100], 0, 1, 'float32', 3) as tf.Tensor2D;
    const [a, b, c] = [generator, loaded, half].map((g) => g.predict(z) as tf.Tensor);
    expect(values(b as tf.Tensor)).toEqual(values(a as tf.Tensor));
    const error = tf.tidy(
      () => tf.max(tf.abs(tf.sub(c as tf.Tensor, a as tf.Tensor))).dataSync()[0],
    );
    expect(error).toBeGreaterThan(0);
    expect(error).toBeLessThan(1e-3);
    // generate: the shapes from the model, no fold (not the spec's topology), seeded, no leak.
    const images = generate(loaded, 3, { seed: 8 });
    const again = generate(loaded, 3, { seed: 8, batchSize: 2 });
    expect(images.shape).toEqual([3, 64, 64, 3]);
    expect(values(again)).toEqual(values(images));
    const predicted = predictImages(loaded, z);
    expect(values(predicted)).toEqual(values(b as tf.Tensor));
    tf.dispose([z, a, b, c, images, again, predicted]);
    loaded.dispose();
    half.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(await checkModelDir(join(dir, 'float16'))).toMatchObject({ parameters: 3_578_624 });
    const manifest = JSON.parse(await readFile(join(dir, 'float16', 'model.json'), 'utf8'));
    expect(
      manifest.weightsManifest[0].weights.every(
        (w: { quantization?: { dtype: string } }) => w.quantization?.dtype === 'float16',
      ),
    ).toBe(true);
    generator.dispose();
  });

  it('round-trips a conditional 32x32x1 pair with a latent size of 16: classes and shapes kept', async () => {
    const dir = await tempDir();
    const config = {
      imageSize: 32,
      channels: 1,
      latentSize: 16,
      generatorWidth: 8,
      discriminatorWidth: 8,
    };
    const conditional = { classes: 5 };
    const generator = buildRadfordGenerator(config, { conditional, seed: 1 });
    const discriminator = buildRadfordDiscriminator(config, { conditional, seed: 2 });
    await saveModelToDir(generator, join(dir, 'generator'));
    await saveModelToDir(discriminator, join(dir, 'discriminator'));
    const before = tf.memory().numTensors;
    const g = await loadGeneratorFromDir(join(dir, 'generator'));
    const d = await loadDiscriminatorFromDir(join(dir, 'discriminator'));
    expect([imageShapeOf(g), latentSizeOf(g), classCountOf(g)]).toEqual([[32, 32, 1], 16, 5]);
    expect([imageShapeOf(d), classCountOf(d)]).toEqual([[32, 32, 1], 5]);
    const fours = generate(g, 4, { seed: 2, classes: 4 });
    const original = generate(generator, 4, { seed: 2, classes: 4 });
    expect(fours.shape).toEqual([4, 32, 32, 1]);
    expect(values(fours)).toEqual(values(original));
    const labels = oneHotClasses([4, 4, 4, 4], 5);
    const [p, q] = [d, discriminator].map((model) => model.predict([fours, labels]) as tf.Tensor);
    expect(values(p as tf.Tensor)).toEqual(values(q as tf.Tensor));
    expect(() => generate(g, 2, { classes: 5 })).toThrow('(0 to 4)');
    tf.dispose([fours, original, labels, p, q]);
    g.dispose();
    d.dispose();
    expect(tf.memory().numTensors).toBe(before);
    generator.dispose();
    discriminator.dispose();
  });

  it('refuses a discriminator where a generator is asked for, or another image, naming the folder', async () => {
    const dir = await tempDir();
    const discriminator = buildRadfordDiscriminator({ imageSize: 32, discriminatorWidth: 2 });
    await saveModelToDir(discriminator, join(dir, 'discriminator'));
    await expect(loadGeneratorFromDir(join(dir, 'discriminator'))).rejects.toThrow(
      `${join(dir, 'discriminator')}: model maps [32,32,3] to [1], expected [any] to [any,any,any]`,
    );
    const generator = buildRadfordGenerator({ imageSize: 32, channels: 1, generatorWidth: 2 });
    await saveModelToDir(generator, join(dir, 'generator'));
    const before = tf.memory().numTensors;
    await expect(
      loadModelFromDir(join(dir, 'generator'), generatorShapes([28, 28, 1])),
    ).rejects.toThrow(
      `${join(dir, 'generator')}: model maps [100] to [32,32,1], expected [any] to [28,28,1]`,
    );
    expect(tf.memory().numTensors).toBe(before);
    const fits = await loadModelFromDir(join(dir, 'generator'), generatorShapes([32, 32, 1]));
    expect(imageShapeOf(fits)).toEqual([32, 32, 1]);
    for (const model of [fits, generator, discriminator]) model.dispose();
  });
});
