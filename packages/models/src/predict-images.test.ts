import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGenerator } from './build-generator.js';
import { buildRadfordGenerator } from './build-radford-generator.js';
import { foldedTensors, foldGenerator, runFolded } from './folded-generator.js';
import { generatorInputs } from './generate.js';
import { predictImages } from './predict-images.js';
import { specGeneratorLayers } from './spec-generator-layers.js';
import { useCpuBackend } from './test-backend.js';

/** Gives every BatchNorm moving statistics and an affine part far from their initial values. */
function perturbBatchNorms(generator: tfl.LayersModel, seed: number): void {
  for (const layer of generator.layers) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    const [gamma, beta, mean, variance] = layer.getWeights();
    const shape = gamma?.shape as number[];
    tf.tidy(() =>
      layer.setWeights(
        [gamma, beta, mean, variance].map((_, i) =>
          i === 3
            ? tf.randomUniform(shape, 0.2, 3, 'float32', seed + i)
            : tf.randomNormal(shape, i === 0 ? 1 : 0, 0.5, 'float32', seed + i),
        ),
      ),
    );
  }
}

/**
 * Largest absolute difference between `predictImages`'s images and `predict`'s; folded when `count`
 * is at least the generator's inputs.
 */
function foldedAgainstPredict(generator: tfl.LayersModel, count: number, batchSize = 256): number {
  return tf.tidy(() => {
    const inputs = [generatorInputs(generator, count, { seed: 3 })].flat();
    const folded = predictImages(generator, inputs, { batchSize });
    const reference = generator.predict(inputs) as tf.Tensor4D;
    expect(folded.shape).toEqual(reference.shape);
    return largestDifference(folded, reference);
  });
}

function largestDifference(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number);
}

describe('predictImages: the spec generator folded', () => {
  beforeAll(useCpuBackend);
  // The spec's layers at a latent size of 8, so that folding (as many images' worth) stays quick.
  const specShaped = (seed: number) => buildGenerator({ latentSize: 8 }, { seed });
  // The spec's layers, few channels: the cpu backend's transposed convolutions are slow.
  const slim = (seed: number, conditional?: { classes: number }) =>
    buildGenerator({ latentSize: 8, baseDepth: 16, filters: [8, 4] }, { seed, conditional });

  it('draws what predict draws, to float32 rounding, on the spec generator', () => {
    const generator = specShaped(1);
    perturbBatchNorms(generator, 10);
    expect(specGeneratorLayers(generator)).toBeDefined();
    expect(specGeneratorLayers(buildGenerator())).toBeDefined();
    expect(foldedAgainstPredict(generator, 9)).toBeLessThan(2e-5);
    const folded = foldGenerator(generator) as NonNullable<ReturnType<typeof foldGenerator>>;
    const z = tf.randomNormal([2, 8], 0, 1, 'float32', 7) as tf.Tensor2D;
    const [direct, reference] = [runFolded(folded, [z]), generator.predict(z) as tf.Tensor];
    expect(largestDifference(direct, reference)).toBeLessThan(2e-5);
    tf.dispose([direct, reference, z, ...foldedTensors(folded)]);
  });

  it('on a conditional generator, odd sizes and batches of 4, telling its progress', () => {
    const conditional = slim(2, { classes: 10 });
    perturbBatchNorms(conditional, 20);
    expect(foldedAgainstPredict(conditional, 18)).toBeLessThan(2e-5);
    const small = buildGenerator(
      { latentSize: 7, imageSize: 12, baseDepth: 5, filters: [6, 3], kernelSize: 5, channels: 2 },
      { seed: 3 },
    );
    perturbBatchNorms(small, 30);
    expect(foldedAgainstPredict(small, 11, 4)).toBeLessThan(2e-5);
    const done: number[] = [];
    const z = tf.randomNormal([11, 7], 0, 1, 'float32', 4) as tf.Tensor2D;
    const images = predictImages(small, z, { batchSize: 4, onProgress: (n) => done.push(n) });
    expect(images.shape).toEqual([11, 12, 12, 2]);
    expect(done).toEqual([4, 8, 11]);
    tf.dispose([images, z]);
  });

  it('frees its fold and its batches: no tensor left but the images', () => {
    const generator = slim(4);
    const z = tf.randomNormal([9, 8], 0, 1, 'float32', 5) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    const images = predictImages(generator, z, { batchSize: 4 });
    expect(tf.memory().numTensors).toBe(before + 1);
    const whole = predictImages(generator, z);
    expect(largestDifference(images, whole)).toBeLessThan(2e-5);
    tf.dispose([images, whole]);
    expect(tf.memory().numTensors).toBe(before);
    z.dispose();
  });

  it('draws fewer images than the inputs by predict, folding nothing', () => {
    const generator = slim(5);
    const z = tf.randomNormal([7, 8], 0, 1, 'float32', 6) as tf.Tensor2D;
    const [a, b] = [predictImages(generator, z), generator.predict(z) as tf.Tensor];
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([a, b, z]);
  });

  it('takes any other model by predict', () => {
    const z = tfl.input({ shape: [4] });
    const other = tfl.model({
      inputs: z,
      outputs: tfl.layers.dense({ units: 3, activation: 'tanh' }).apply(z) as tfl.SymbolicTensor,
    });
    expect(specGeneratorLayers(other)).toBeUndefined();
    expect(foldGenerator(other)).toBeUndefined();
    const x = tf.ones([4, 4]) as tf.Tensor2D;
    const [a, b] = [predictImages(other, x), other.predict(x) as tf.Tensor];
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([a, b, x]);
  });

  it('runs the Radford generators, conditional or not, by predict: they have no Dense head', () => {
    for (const conditional of [undefined, { classes: 3 }]) {
      const config = { imageSize: 32, channels: 1, latentSize: 4, generatorWidth: 2 };
      const generator = buildRadfordGenerator(config, { seed: 2, conditional });
      expect(specGeneratorLayers(generator)).toBeUndefined();
      expect(foldGenerator(generator)).toBeUndefined();
      // More images than inputs: the fold is tried, and refused.
      const before = tf.memory().numTensors;
      const inputs = [generatorInputs(generator, 9, { seed: 4 })].flat();
      const [a, b] = [
        predictImages(generator, inputs, { batchSize: 4 }),
        generator.predict(inputs),
      ];
      expect(Array.from(a.dataSync())).toEqual(Array.from((b as tf.Tensor).dataSync()));
      tf.dispose([a, b as tf.Tensor, ...inputs]);
      expect(tf.memory().numTensors).toBe(before);
      generator.dispose();
    }
  });

  it('owns every tensor of a fold: disposing it leaves the model whole', () => {
    const generator = slim(6);
    const before = tf.memory().numTensors;
    const folded = foldGenerator(generator);
    expect(folded).toBeDefined();
    tf.dispose(foldedTensors(folded as NonNullable<typeof folded>));
    expect(tf.memory().numTensors).toBe(before);
    const z = tf.zeros([1, 8]) as tf.Tensor2D;
    tf.dispose([generator.predict(z) as tf.Tensor, z]);
  });
});
