import type { ImageDataset } from '@dcgan/data';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { classifierOutputs } from './classifier-outputs.js';
import { classifierScore } from './classifier-score.js';
import { datasetImages } from './dataset-tensors.js';
import { frechetDistance } from './frechet-distance.js';
import { type GaussianStatistics, gaussianStatistics } from './gaussian-statistics.js';

/** What real images score, to read a generator's figures against. */
export interface Baselines {
  /** The classifier score of the real test images. */
  realTestClassifierScore: number;
  /** The Fréchet distance between the first `count` train images and the test images. */
  realTrainVsTestFrechetDistance: number;
}

/**
 * The classifier's score and feature statistics of images `[count, 28, 28, 1]` in [-1, 1]. Reads
 * its outputs asynchronously first, so that it runs on backends without synchronous reads (WebGPU).
 */
export async function scoreAndStatistics(
  classifier: LayersModel,
  images: tf.Tensor4D,
): Promise<{ score: number; statistics: GaussianStatistics }> {
  const { probabilities, features } = classifierOutputs(classifier, images);
  await Promise.all([probabilities.data(), features.data()]);
  const result = {
    score: classifierScore(probabilities),
    statistics: gaussianStatistics(features),
  };
  tf.dispose([probabilities, features]);
  return result;
}

/**
 * The baselines of a data set: the real test set's score, and the Fréchet distance between the
 * first `count` (10,000) real train images and the real test set, as a generator's would be measured.
 */
export async function realBaselines(
  classifier: LayersModel,
  train: ImageDataset,
  test: ImageDataset,
  count = 10_000,
): Promise<Baselines> {
  const measure = async (dataset: ImageDataset, n: number) => {
    const images = datasetImages(dataset, 0, n);
    const result = await scoreAndStatistics(classifier, images);
    images.dispose();
    return result;
  };
  const real = await measure(test, test.count);
  const trainSet = await measure(train, Math.min(count, train.count));
  return {
    realTestClassifierScore: real.score,
    realTrainVsTestFrechetDistance: frechetDistance(trainSet.statistics, real.statistics),
  };
}
