export { buildDiscriminator } from './build-discriminator.js';
export { buildGan } from './build-gan.js';
export { buildGenerator } from './build-generator.js';
export type { ExpectedShapes } from './check-architecture.js';
export {
  checkArchitecture,
  DISCRIMINATOR_SHAPES,
  GENERATOR_SHAPES,
  modelVariant,
} from './check-architecture.js';
export { CLASS_INPUT, classCountOf, oneHotClasses, sampleClasses } from './conditional.js';
export type {
  ConditionalConfig,
  DiscriminatorConfig,
  GeneratorConfig,
  ModelConfig,
} from './config.js';
export { defaultModelConfig } from './config.js';
export { quantizeFloat16 } from './float16.js';
export type { GenerateOptions } from './generate.js';
export { generate, generatorInputs, latentSizeOf, sampleNoise } from './generate.js';
export type { BuildOptions } from './initializers.js';
export { loadModel, saveModel } from './load-model.js';
export type { PredictOptions } from './predict-images.js';
export { predictImages } from './predict-images.js';
export type { PretrainedName } from './pretrained.js';
export { loadPretrainedGenerator, PRETRAINED_NAMES } from './pretrained.js';
export type { LayerSummary, ModelSummary } from './summarize.js';
export { formatSummary, summarize } from './summarize.js';
