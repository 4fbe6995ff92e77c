// @dcgan/eval: how good a generator is, by a classifier of the data set and its features, or by
// the sliced Wasserstein distance of image patches (any images, no classifier).
//   const outputs = classifierOutputs(classifier, images);
//   classifierScore(outputs.probabilities); frechetDistance(gaussianStatistics(outputs.features), real);
export type { ClassifierConfig } from './build-classifier.js';
export { buildClassifier, defaultClassifierConfig } from './build-classifier.js';
export { classAccuracy, meanClassAccuracy } from './class-accuracy.js';
export type { ClassifierOutputs } from './classifier-outputs.js';
export { classifierAccuracy, classifierOutputs } from './classifier-outputs.js';
export { classifierScore, classShares } from './classifier-score.js';
export type { DiscriminatorAccuracy } from './discriminator-accuracy.js';
export { discriminatorAccuracy } from './discriminator-accuracy.js';
export { frechetDistance } from './frechet-distance.js';
export type { GaussianStatistics } from './gaussian-statistics.js';
export { gaussianStatistics } from './gaussian-statistics.js';
export type { Baselines } from './real-baselines.js';
export type {
  ImageSet,
  ImageSource,
  PatchDescriptors,
  SlicedWassersteinOptions,
  SlicedWassersteinResult,
} from './sliced-wasserstein/index.js';
export { patchDescriptors, slicedWasserstein } from './sliced-wasserstein/index.js';
export type { PatchEvaluator } from './sliced-wasserstein/patch-evaluator.js';
export { createPatchEvaluator } from './sliced-wasserstein/patch-evaluator.js';
