import { checkDiscriminatorConfig } from './build-discriminator.js';
import { checkGeneratorConfig } from './build-generator.js';
import {
  type ConditionalConfig,
  checkPositiveInteger,
  defaultModelConfig,
  type SpecModelConfig,
} from './config.js';
import {
  checkRadfordConfig,
  defaultRadfordConfig,
  IMAGE_CHANNELS,
  RADFORD_IMAGE_SIZES,
  type RadfordConfig,
} from './radford-config.js';

/** The DCGAN of Radford et al. (2016), for 32, 64 or 128 pixel images, grey or colour. */
export interface RadfordModelConfig {
  architecture: 'radford';
  /** Its fields; those left out take `defaultRadfordConfig(imageSize, channels)`'s values. */
  radford: Partial<RadfordConfig>;
  /** Set (`{ classes: 10 }`) for the class-conditional variant; absent, unconditional. */
  conditional?: ConditionalConfig;
}

/** Any model this package builds, told apart by `architecture` (absent: the spec's). */
export type ModelConfig = SpecModelConfig | RadfordModelConfig;

/** The architectures, by `architecture`'s value. */
export const ARCHITECTURES = ['spec', 'radford'] as const;

/** The spec's 28x28 grey images. */
const SPEC_IMAGE_SIZE = 28;

/**
 * The default model for images `imageSize` x `imageSize` x `channels`: the spec's for 28 (its
 * defaults exactly for grey), the Radford DCGAN for 32, 64 and 128.
 * @throws naming the size or the channels, and what is supported, for anything else
 */
export function defaultModelConfigFor(imageSize: number, channels: number): ModelConfig {
  if (!(IMAGE_CHANNELS as readonly number[]).includes(channels)) {
    throw new Error(`channels must be 1 (grey) or 3 (colour), got ${channels}`);
  }
  if (imageSize === SPEC_IMAGE_SIZE) {
    const spec = defaultModelConfig();
    return {
      generator: { ...spec.generator, channels },
      discriminator: { ...spec.discriminator, channels },
    };
  }
  if ((RADFORD_IMAGE_SIZES as readonly number[]).includes(imageSize)) {
    return { architecture: 'radford', radford: defaultRadfordConfig(imageSize, channels) };
  }
  throw new Error(
    `imageSize ${imageSize} has no model: supported are ${SPEC_IMAGE_SIZE} (the spec's DCGAN) and ` +
      `${RADFORD_IMAGE_SIZES.join(', ')} (the Radford DCGAN)`,
  );
}

/** A Radford config with its defaults filled in. */
export function radfordConfigOf(config: RadfordModelConfig): RadfordConfig {
  const fields = config.radford ?? {};
  return { ...defaultRadfordConfig(fields.imageSize, fields.channels), ...fields };
}

/**
 * Throws, naming the field (`architecture`, `radford.imageSize`, `generator.filters[0]`,
 * `conditional.classes`), unless the config builds a generator and a discriminator that fit.
 * Fields left out take their defaults, as the builders do.
 */
export function checkModelConfig(config: ModelConfig): void {
  const architecture = config.architecture ?? 'spec';
  if (!(ARCHITECTURES as readonly string[]).includes(architecture)) {
    throw new Error(
      `architecture must be ${ARCHITECTURES.map((a) => JSON.stringify(a)).join(' or ')} ` +
        `(absent: "spec"), got ${JSON.stringify(architecture)}`,
    );
  }
  if (config.conditional) checkPositiveInteger(config.conditional.classes, 'conditional.classes');
  if (config.architecture === 'radford') {
    if (typeof config.radford !== 'object' || config.radford === null) {
      throw new Error(
        `radford must be an object of the Radford DCGAN's fields, got ${config.radford}`,
      );
    }
    checkRadfordConfig(radfordConfigOf(config));
    return;
  }
  const spec = defaultModelConfig();
  const generator = { ...spec.generator, ...config.generator };
  const discriminator = { ...spec.discriminator, ...config.discriminator };
  checkGeneratorConfig(generator);
  checkDiscriminatorConfig(discriminator);
  for (const key of ['imageSize', 'channels'] as const) {
    if (generator[key] !== discriminator[key]) {
      throw new Error(
        `discriminator.${key} must be the generator's (${generator[key]}), got ${discriminator[key]}`,
      );
    }
  }
}
