import type { LayersModel } from '@tensorflow/tfjs-layers';
import { buildDiscriminator } from './build-discriminator.js';
import { buildGenerator } from './build-generator.js';
import { buildRadfordDiscriminator } from './build-radford-discriminator.js';
import { buildRadfordGenerator } from './build-radford-generator.js';
import { type ConditionalConfig, defaultModelConfig } from './config.js';
import type { BuildOptions } from './initializers.js';
import { checkModelConfig, type ModelConfig, radfordConfigOf } from './model-config.js';

/** How `buildModels` builds. */
export interface BuildModelsOptions {
  /** Seeds of each model's initial weights; unseeded when absent. */
  seeds?: { generator?: number; discriminator?: number };
  /** The class-conditional variant; absent, the config's `conditional`. */
  conditional?: ConditionalConfig;
}

/**
 * Builds the generator and the discriminator of any model config (by its `architecture`: the spec's
 * when absent), after checking the whole config, so that a bad field throws, named, before either
 * model holds weights.
 */
export function buildModels(
  config: ModelConfig = defaultModelConfig(),
  options: BuildModelsOptions = {},
): { generator: LayersModel; discriminator: LayersModel } {
  const conditional = options.conditional ?? config.conditional;
  checkModelConfig({ ...config, conditional });
  const generator = buildGeneratorFor(config, { seed: options.seeds?.generator, conditional });
  try {
    const discriminator = buildDiscriminatorFor(config, {
      seed: options.seeds?.discriminator,
      conditional,
    });
    return { generator, discriminator };
  } catch (error) {
    generator.dispose();
    throw error;
  }
}

/** The generator of a model config (by its `architecture`); `options.conditional` as given. */
export function buildGeneratorFor(config: ModelConfig, options: BuildOptions = {}): LayersModel {
  return config.architecture === 'radford'
    ? buildRadfordGenerator(radfordConfigOf(config), options)
    : buildGenerator(config.generator, options);
}

/** The discriminator of a model config (by its `architecture`); `options.conditional` as given. */
export function buildDiscriminatorFor(
  config: ModelConfig,
  options: BuildOptions = {},
): LayersModel {
  return config.architecture === 'radford'
    ? buildRadfordDiscriminator(radfordConfigOf(config), options)
    : buildDiscriminator(config.discriminator, options);
}
