/** The generator of SPEC.md: z -> Dense -> 3 transposed convolutions -> tanh image. */
export interface GeneratorConfig {
  /** Size of the noise vector z: 100, as in the notes' Keras DCGAN. */
  latentSize: number;
  /** Side of the image the generator draws: 28 for MNIST-like data. */
  imageSize: number;
  /** Grey images: one channel. */
  channels: number;
  /** Depth of the Dense layer's 7x7 base: "small base, large depth" (256). */
  baseDepth: number;
  /** Filters of the two hidden transposed convolutions (128, then 64), as the spec's table. */
  filters: [number, number];
  /** Kernel size of every transposed convolution: 3, as the Keras original. */
  kernelSize: number;
  /** Slope of LeakyReLU below zero: 0.01, the notes' Keras value. */
  leakySlope: number;
  /** BatchNorm momentum of the moving averages: 0.99, the Keras default. */
  batchNormMomentum: number;
}

/** The discriminator of SPEC.md: 3 strided convolutions -> Flatten -> Dense sigmoid. */
export interface DiscriminatorConfig {
  imageSize: number;
  channels: number;
  /** Filters of the three convolutions: 32, 64, 128 as the spec's table. */
  filters: [number, number, number];
  /** Kernel size of every convolution: 3, as the Keras original. */
  kernelSize: number;
  /** Slope of LeakyReLU below zero: 0.01, the notes' Keras value. */
  leakySlope: number;
  /** BatchNorm momentum of the moving averages: 0.99, the Keras default. */
  batchNormMomentum: number;
}

/**
 * The class-conditional variant: the generator draws the class it is given and the discriminator
 * judges an image with its class. Absent: the spec's unconditional model.
 */
export interface ConditionalConfig {
  /** Classes of the data set's labels: 10 for MNIST and Fashion-MNIST. */
  classes: number;
}

/** The spec's DCGAN; `ModelConfig` adds the others. */
export interface SpecModelConfig {
  /** 'spec' or absent: SPEC.md's model (absent in the run configs written before there were others). */
  architecture?: 'spec';
  generator: GeneratorConfig;
  discriminator: DiscriminatorConfig;
  /** Set (`{ classes: 10 }`) for the class-conditional variant; absent, as the spec, by default. */
  conditional?: ConditionalConfig;
}

/** The defaults of SPEC.md, which follow the Keras DCGAN of "GANs in Action", chapter 4. */
export function defaultModelConfig(): SpecModelConfig {
  return {
    generator: {
      latentSize: 100,
      imageSize: 28,
      channels: 1,
      baseDepth: 256,
      filters: [128, 64],
      kernelSize: 3,
      leakySlope: 0.01,
      batchNormMomentum: 0.99,
    },
    discriminator: {
      imageSize: 28,
      channels: 1,
      filters: [32, 64, 128],
      kernelSize: 3,
      leakySlope: 0.01,
      batchNormMomentum: 0.99,
    },
  };
}

/** Throws unless a field is a positive integer; `name` says which field in the message. */
export function checkPositiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got ${value}`);
  }
}
