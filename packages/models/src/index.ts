export { buildDiscriminator } from './build-discriminator.js';
export { buildGan } from './build-gan.js';
export { buildGenerator } from './build-generator.js';
export type { BuildModelsOptions } from './build-models.js';
export { buildDiscriminatorFor, buildGeneratorFor, buildModels } from './build-models.js';
export { buildRadfordDiscriminator } from './build-radford-discriminator.js';
export { buildRadfordGenerator } from './build-radford-generator.js';
export type { ExpectedShapes } from './check-architecture.js';
export {
  checkArchitecture,
  DISCRIMINATOR_SHAPES,
  GENERATOR_SHAPES,
  generatorShapes,
  modelVariant,
} from './check-architecture.js';
export { CLASS_INPUT, classCountOf, oneHotClasses, sampleClasses } from './conditional.js';
export type {
  ConditionalConfig,
  DiscriminatorConfig,
  GeneratorConfig,
  SpecModelConfig,
} from './config.js';
export { defaultModelConfig } from './config.js';
export { quantizeFloat16 } from './float16.js';
export type { GenerateOptions } from './generate.js';
export { generate, generatorInputs, latentSizeOf, sampleNoise } from './generate.js';
export type { ImageShape } from './image-shape.js';
export { imageShapeOf } from './image-shape.js';
export type { BuildOptions } from './initializers.js';
export { loadModel, saveModel } from './load-model.js';
export type { ModelConfig, RadfordModelConfig } from './model-config.js';
export {
  ARCHITECTURES,
  checkModelConfig,
  defaultModelConfigFor,
  radfordConfigOf,
} from './model-config.js';
export type { PredictOptions } from './predict-images.js';
export { predictImages } from './predict-images.js';
export type { PretrainedName } from './pretrained.js';
export { loadPretrainedGenerator, PRETRAINED_NAMES } from './pretrained.js';
export type { RadfordConfig } from './radford-config.js';
export {
  checkRadfordConfig,
  defaultRadfordConfig,
  IMAGE_CHANNELS,
  RADFORD_IMAGE_SIZES,
} from './radford-config.js';
export type { LayerSummary, ModelSummary } from './summarize.js';
export { formatSummary, summarize } from './summarize.js';
