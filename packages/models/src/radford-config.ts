import { checkPositiveInteger } from './config.js';

/** The image sides the DCGAN of Radford et al. is built for: 4 doubled 3, 4 or 5 times. */
export const RADFORD_IMAGE_SIZES = [32, 64, 128] as const;
/** Grey or colour images. */
export const IMAGE_CHANNELS = [1, 3] as const;

/**
 * The DCGAN of Radford et al. (2016) as pytorch/examples' `dcgan/main.py` writes it: 4x4 kernels,
 * stride-2 (transposed) convolutions that double (halve) the side, BatchNorm, no biases.
 */
export interface RadfordConfig {
  /** Side of the square images: 64, the size of main.py (and of the paper's LSUN bedrooms). */
  imageSize: number;
  /** Colour images (3), as main.py's `nc`; 1 for grey data sets. */
  channels: number;
  /** Size of the noise vector z: 100, main.py's `nz` and the paper's. */
  latentSize: number;
  /** `ngf`: the generator's last hidden block's filters, doubled each block up: 64, main.py's. */
  generatorWidth: number;
  /** `ndf`: the discriminator's first convolution's filters, doubled each block: 64, main.py's. */
  discriminatorWidth: number;
  /** Slope of the discriminator's LeakyReLU below zero: 0.2, the paper's and main.py's. */
  leakySlope: number;
  /** BatchNorm's moving-average momentum: 0.9, Keras's name for PyTorch's default momentum 0.1. */
  batchNormMomentum: number;
  /** BatchNorm's epsilon: 1e-5, PyTorch's default (Keras's is 1e-3). */
  batchNormEpsilon: number;
  /** Initial kernels N(0, s) and BatchNorm gammas N(1, s): s = 0.02, main.py's `weights_init`. */
  initStddev: number;
}

/** main.py's defaults, for images `imageSize` x `imageSize` x `channels` (64x64x3 by default). */
export function defaultRadfordConfig(imageSize = 64, channels = 3): RadfordConfig {
  return {
    imageSize,
    channels,
    latentSize: 100,
    generatorWidth: 64,
    discriminatorWidth: 64,
    leakySlope: 0.2,
    batchNormMomentum: 0.9,
    batchNormEpsilon: 1e-5,
    initStddev: 0.02,
  };
}

/**
 * Throws, naming the field (`radford.imageSize`), unless the config builds: a supported side and
 * channel count, positive integer sizes, a slope, momentum, epsilon and stddev in range.
 * @returns the number of stride-2 blocks between the 4x4 base and the image (3, 4 or 5)
 */
export function checkRadfordConfig(config: RadfordConfig, prefix = 'radford'): number {
  const { imageSize, channels } = config;
  if (!(RADFORD_IMAGE_SIZES as readonly number[]).includes(imageSize)) {
    throw new Error(
      `${prefix}.imageSize must be ${RADFORD_IMAGE_SIZES.join(', ')} (the Radford DCGAN) or 28 ` +
        `(the spec's model, another architecture), got ${imageSize}`,
    );
  }
  if (!(IMAGE_CHANNELS as readonly number[]).includes(channels)) {
    throw new Error(`${prefix}.channels must be 1 (grey) or 3 (colour), got ${channels}`);
  }
  for (const key of ['latentSize', 'generatorWidth', 'discriminatorWidth'] as const) {
    checkPositiveInteger(config[key], `${prefix}.${key}`);
  }
  const ranges: [keyof RadfordConfig, (value: number) => boolean, string][] = [
    ['leakySlope', (value) => value >= 0 && value < 1, 'in [0, 1)'],
    ['batchNormMomentum', (value) => value >= 0 && value < 1, 'in [0, 1)'],
    ['batchNormEpsilon', (value) => value > 0, 'above 0'],
    ['initStddev', (value) => value > 0 && Number.isFinite(value), 'above 0'],
  ];
  for (const [key, fits, what] of ranges) {
    const value = config[key];
    if (typeof value !== 'number' || !fits(value)) {
      throw new Error(`${prefix}.${key} must be ${what}, got ${value}`);
    }
  }
  return Math.log2(imageSize / 4);
}
