// @dcgan/train: the DCGAN's training step and loop, learning rates, the generator's moving
// average and class conditioning; checkpoints on disk in '@dcgan/train/node'.
//   const dcgan = createDcgan(defaultTrainConfig());
//   const metrics = await trainStep(dcgan, reals, generatorInputSource(random, dcgan.generator));
export type { AugmentPolicy } from './augment/index.js';
export { defaultAugmentPolicy, diffAugment, parseAugmentPolicy } from './augment/index.js';
export {
  averageDecayAt,
  createAverageGenerator,
  updateAverageGenerator,
} from './average-generator.js';
export type { GeneratorInput, RealBatch } from './conditioning.js';
export { generatorInputSource, nextReals } from './conditioning.js';
export type { TrainConfig } from './config.js';
export { checkTrainConfig, completeTrainConfig, defaultTrainConfig } from './config.js';
export type { Dcgan } from './dcgan.js';
export { createDcgan, disposeDcgan } from './dcgan.js';
export type { LearningRates } from './learning-rate.js';
export { learningRatesAt, setLearningRate } from './learning-rate.js';
export type { StepMetrics } from './train-step.js';
export { discriminatorStep, generatorStep, trainStep } from './train-step.js';
export type { TrainerCallbacks } from './trainer.js';
export { NonFiniteLossError, train } from './trainer.js';
