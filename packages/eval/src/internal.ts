// What scripts/train-classifier.mjs needs beyond the public API (dist/internal.js; not an export).
export { datasetImages } from './dataset-tensors.js';
export { realBaselines } from './real-baselines.js';
export { defaultClassifierTrainingConfig, trainClassifier } from './train-classifier.js';
