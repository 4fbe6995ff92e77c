export * from './augment/index.js';
export {
  averageDecayAt,
  createAverageGenerator,
  updateAverageGenerator,
} from './average-generator.js';
export type { GeneratorInput, RealBatch } from './conditioning.js';
export { generatorInputSource, imagesOf, nextReals, withClassesOf } from './conditioning.js';
export type { TrainConfig } from './config.js';
export { checkTrainConfig, completeTrainConfig, defaultTrainConfig } from './config.js';
export type { Dcgan } from './dcgan.js';
export { createDcgan, disposeDcgan } from './dcgan.js';
export * from './eval/index.js';
export * from './eval/sliced-wasserstein/index.js';
export { FusedAdamOptimizer } from './fused-adam.js';
export type { GeneratorPass } from './generator-pass.js';
export { generatorPass } from './generator-pass.js';
export type { LearningRates } from './learning-rate.js';
export { learningRatesAt, setLearningRate } from './learning-rate.js';
export { accuracy, binaryCrossEntropy } from './losses.js';
export { keepMovingStatistics, withTrainable } from './model-state.js';
export { noiseSource } from './noise.js';
export { getAdamState, setAdamState } from './optimizer-state.js';
export type { WebgpuAdapterInfo } from './software-adapter.js';
export { isSoftwareAdapter } from './software-adapter.js';
export type { StepMetrics } from './train-step.js';
export {
  discriminatorObjective,
  discriminatorStep,
  generatorObjective,
  generatorStep,
  trainingFakes,
  trainStep,
} from './train-step.js';
export type { TrainerCallbacks } from './trainer.js';
export { NonFiniteLossError, train } from './trainer.js';
export { registerWasmTrainingKernels } from './wasm-kernels/register.js';
export { registerWebgpuTrainingKernels } from './webgpu-kernels/register.js';
