import { join } from 'node:path';
import { loadDataset } from '@dcgan/data/node';
import {
  classCountOf,
  generatorInputs,
  oneHotClasses,
  predictImages,
  sampleClasses,
} from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { classAccuracy, meanClassAccuracy } from './class-accuracy.js';
import {
  classifierDir,
  type EvalDataset,
  loadClassifier,
  readBaselines,
} from './classifier-files.js';
import { classifierOutputs } from './classifier-outputs.js';
import { classifierScore, classShares } from './classifier-score.js';
import { datasetImages } from './dataset-tensors.js';
import { discriminatorAccuracy } from './discriminator-accuracy.js';
import { frechetDistance } from './frechet-distance.js';
import { gaussianStatistics } from './gaussian-statistics.js';
import { type Baselines, scoreAndStatistics } from './real-baselines.js';

/** What to evaluate: a generator, and the discriminator trained with it if any. */
export interface EvaluateOptions {
  generator: LayersModel;
  discriminator?: LayersModel;
  /** How many fakes: 10,000 by default, as many as the real test images. */
  samples?: number;
  /** Seed of the noise (not 0, which tfjs takes as unseeded): the same seed gives the same fakes. */
  seed?: number;
  /** Images per forward pass. */
  batchSize?: number;
  /** Called after each batch of fakes with how many are done. */
  onProgress?: (done: number, total: number) => void;
}

/** A generator's figures, plain numbers, ready for a table or `eval.json`. */
export interface GeneratorEvaluation {
  dataset: EvalDataset;
  samples: number;
  seed: number;
  /** exp(mean KL(p(y|x) ‖ p(y))) of the fakes, from 1 to 10: compare with the real test set's. */
  classifierScore: number;
  /** Fréchet distance of the classifier's features, fakes against the real test set: lower, better. */
  frechetDistance: number;
  /** Share of fakes the classifier puts in each class, `[10]`. */
  classShares: number[];
  /**
   * A conditional generator's: for each class, the share of the fakes drawn for it that the
   * classifier reads as it, `[10]` (the fakes take the classes in turn, as many of each).
   */
  classAccuracy?: number[];
  /** The mean of `classAccuracy`. */
  meanClassAccuracy?: number;
  /** The discriminator's accuracy, the real test set against as many fakes (when one is given). */
  discriminatorAccuracy?: number;
  discriminatorRealsCalledReal?: number;
  discriminatorFakesCalledFake?: number;
  /** The same measures on real images. */
  baselines: Baselines;
}

/** A classifier and the real test set loaded once, to evaluate many generators (or checkpoints). */
export interface GeneratorEvaluator {
  evaluate(options: EvaluateOptions): Promise<GeneratorEvaluation>;
  /** Frees the classifier and the test images. */
  dispose(): void;
}

/**
 * Loads a data set's classifier, its cached baselines and the real test set, and checks the cache:
 * the test set's classifier score is recomputed and must match the cached one.
 */
export async function createEvaluator(dataset: EvalDataset): Promise<GeneratorEvaluator> {
  const [classifier, cached, test] = await Promise.all([
    loadClassifier(dataset),
    readBaselines(dataset),
    loadDataset(dataset, 'test'),
  ]);
  const reals = datasetImages(test);
  const real = await scoreAndStatistics(classifier, reals);
  if (
    Math.abs(real.score - cached.realTestClassifierScore) >
    1e-3 * cached.realTestClassifierScore
  ) {
    tf.dispose(reals);
    classifier.dispose();
    throw new Error(
      `${join(classifierDir(dataset), 'baselines.json')} does not match the classifier beside it ` +
        `(test score ${real.score}, cached ${cached.realTestClassifierScore}): recompute it with ` +
        `scripts/train-classifier.mjs ${dataset} --baselines-only`,
    );
  }
  const baselines: Baselines = {
    realTestClassifierScore: real.score,
    realTrainVsTestFrechetDistance: cached.realTrainVsTestFrechetDistance,
  };
  return {
    async evaluate(options) {
      const { generator, discriminator, samples = 10_000, seed = 1, batchSize = 500 } = options;
      if (!Number.isInteger(samples) || samples < 2) {
        throw new Error(`samples must be an integer >= 2, got ${samples}`);
      }
      if (!Number.isInteger(seed) || seed === 0) {
        throw new Error(
          `seed must be a non-zero integer (TensorFlow.js takes 0 as no seed), got ${seed}`,
        );
      }
      const fakes = generateInBatches(generator, samples, seed, batchSize, options.onProgress);
      const { probabilities, features } = classifierOutputs(classifier, fakes, batchSize);
      // Read once asynchronously (WebGPU has no synchronous reads in Node); then cached on the CPU.
      await Promise.all([probabilities.data(), features.data()]);
      const judged = discriminator && (await judge(discriminator, fakes, samples, batchSize));
      const classes = classCountOf(generator);
      const perClass =
        classes === undefined
          ? undefined
          : classAccuracy(probabilities, sampleClasses(samples, classes));
      const evaluation: GeneratorEvaluation = {
        dataset,
        samples,
        seed,
        classifierScore: classifierScore(probabilities),
        frechetDistance: frechetDistance(gaussianStatistics(features), real.statistics),
        classShares: classShares(probabilities),
        ...(perClass && {
          classAccuracy: perClass,
          meanClassAccuracy: meanClassAccuracy(perClass),
        }),
        ...(judged && {
          discriminatorAccuracy: judged.accuracy,
          discriminatorRealsCalledReal: judged.realsCalledReal,
          discriminatorFakesCalledFake: judged.fakesCalledFake,
        }),
        baselines,
      };
      tf.dispose([fakes, probabilities, features]);
      return evaluation;
    },
    dispose() {
      reals.dispose();
      classifier.dispose();
    },
  };

  /** The discriminator's accuracy; a conditional one sees the reals' labels and the fakes' classes. */
  async function judge(
    discriminator: LayersModel,
    fakes: tf.Tensor4D,
    samples: number,
    size: number,
  ) {
    const classes = classCountOf(discriminator);
    if (classes === undefined) return discriminatorAccuracy(discriminator, reals, fakes, size);
    const labels = [
      oneHotClasses(test.labels, classes),
      oneHotClasses(sampleClasses(samples, classes), classes),
    ];
    try {
      return await discriminatorAccuracy(
        discriminator,
        [reals, labels[0] as tf.Tensor2D],
        [fakes, labels[1] as tf.Tensor2D],
        size,
      );
    } finally {
      tf.dispose(labels);
    }
  }
}

/**
 * Evaluates a generator against a data set's real test images with the package's classifier:
 * classifier score, Fréchet distance, class shares, and the discriminator's accuracy when given.
 * Loads and frees everything it needs; for many evaluations in one run use `createEvaluator`.
 */
export async function evaluateGenerator(
  options: EvaluateOptions & { dataset: EvalDataset },
): Promise<GeneratorEvaluation> {
  const evaluator = await createEvaluator(options.dataset);
  try {
    return await evaluator.evaluate(options);
  } finally {
    evaluator.dispose();
  }
}

/**
 * Fakes `[samples, 28, 28, 1]` from seeded noise, as `generate` makes them (a conditional
 * generator's classes in turn), in batches.
 */
function generateInBatches(
  generator: LayersModel,
  samples: number,
  seed: number,
  batchSize: number,
  onProgress?: (done: number, total: number) => void,
): tf.Tensor4D {
  const inputs = [generatorInputs(generator, samples, { seed })].flat();
  try {
    return predictImages(generator, inputs, { batchSize, onProgress });
  } finally {
    tf.dispose(inputs);
  }
}
