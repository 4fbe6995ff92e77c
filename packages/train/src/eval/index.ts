export type { ClassifierConfig } from './build-classifier.js';
export { buildClassifier, defaultClassifierConfig, FEATURE_LAYER } from './build-classifier.js';
export { classAccuracy, meanClassAccuracy } from './class-accuracy.js';
export { classifierForward } from './classifier-forward.js';
export type { ClassifierOutputs } from './classifier-outputs.js';
export { classifierAccuracy, classifierOutputs } from './classifier-outputs.js';
export { classifierScore, classShares } from './classifier-score.js';
export { conv2dValid } from './conv2d-valid.js';
export { datasetBatch, datasetImages } from './dataset-tensors.js';
export type { DiscriminatorAccuracy } from './discriminator-accuracy.js';
export { discriminatorAccuracy } from './discriminator-accuracy.js';
export { frechetDistance } from './frechet-distance.js';
export type { GaussianStatistics } from './gaussian-statistics.js';
export { gaussianStatistics } from './gaussian-statistics.js';
export type { Baselines } from './real-baselines.js';
export { realBaselines, scoreAndStatistics } from './real-baselines.js';
export { sqrtSymmetric, symmetricEigen } from './symmetric-eigen.js';
export type { ClassifierTrainingConfig } from './train-classifier.js';
export {
  classifierStep,
  crossEntropy,
  defaultClassifierTrainingConfig,
  trainClassifier,
} from './train-classifier.js';
