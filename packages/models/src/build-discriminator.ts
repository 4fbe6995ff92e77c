import * as tf from '@tensorflow/tfjs-layers';
import { classInput } from './conditional.js';
import { checkPositiveInteger, type DiscriminatorConfig, defaultModelConfig } from './config.js';
import { type BuildOptions, kernelInitializers } from './initializers.js';

/**
 * Builds the discriminator of SPEC.md: images `[batch, 28, 28, 1]` in [-1, 1] -> P(real) `[batch, 1]`.
 * Three stride-2 convolutions (same, same, valid) with LeakyReLU, BatchNorm on all but the first,
 * then Flatten and a sigmoid Dense unit.
 * With `options.conditional`, the class-conditional variant, a projection discriminator (Miyato and
 * Koyama, 2018): a second input, the class one-hot `[batch, classes]`, is embedded (a Dense layer
 * without bias: one learned `[1152]` vector per class) and dotted with the flattened features; the
 * dot is added to the Dense unit's logit before the sigmoid. Every spec layer stays as it is.
 */
export function buildDiscriminator(
  config: Partial<DiscriminatorConfig> = {},
  options: BuildOptions = {},
): tf.LayersModel {
  const c = { ...defaultModelConfig().discriminator, ...config };
  const init = kernelInitializers(options.seed);
  checkDiscriminatorConfig(c);
  const image = tf.input({ shape: [c.imageSize, c.imageSize, c.channels], name: 'image' });
  const paddings = ['same', 'same', 'valid'] as const;
  let x: tf.SymbolicTensor = image;
  c.filters.forEach((filters, i) => {
    const name = `d_block${i + 1}`;
    x = tf.layers
      .conv2d({
        filters,
        kernelSize: c.kernelSize,
        strides: 2,
        padding: paddings[i],
        name: `${name}_conv`,
        kernelInitializer: init(),
      })
      .apply(x) as tf.SymbolicTensor;
    if (i > 0) {
      x = tf.layers
        .batchNormalization({ momentum: c.batchNormMomentum, name: `${name}_bn` })
        .apply(x) as tf.SymbolicTensor;
    }
    x = tf.layers
      .leakyReLU({ alpha: c.leakySlope, name: `${name}_lrelu` })
      .apply(x) as tf.SymbolicTensor;
  });
  x = tf.layers.flatten({ name: 'd_flatten' }).apply(x) as tf.SymbolicTensor;
  if (!options.conditional) {
    const probability = tf.layers
      .dense({ units: 1, activation: 'sigmoid', name: 'd_out', kernelInitializer: init() })
      .apply(x);
    return tf.model({
      inputs: image,
      outputs: probability as tf.SymbolicTensor,
      name: 'discriminator',
    });
  }
  const label = tf.input(classInput(options.conditional.classes));
  const logit = tf.layers
    .dense({ units: 1, name: 'd_out', kernelInitializer: init() })
    .apply(x) as tf.SymbolicTensor;
  const embedding = tf.layers
    .dense({
      units: x.shape[1] as number,
      useBias: false,
      name: 'd_class_embedding',
      kernelInitializer: init(),
    })
    .apply(label) as tf.SymbolicTensor;
  const projection = tf.layers.dot({ axes: 1, name: 'd_projection' }).apply([x, embedding]);
  const sum = tf.layers.add({ name: 'd_logit' }).apply([logit, projection as tf.SymbolicTensor]);
  const probability = tf.layers.activation({ activation: 'sigmoid', name: 'd_sigmoid' }).apply(sum);
  return tf.model({
    inputs: [image, label],
    outputs: probability as tf.SymbolicTensor,
    name: 'discriminator',
  });
}

/** Throws, naming the field (`discriminator.filters[1]`), unless the discriminator builds. */
export function checkDiscriminatorConfig(c: DiscriminatorConfig): void {
  for (const key of ['imageSize', 'channels', 'kernelSize'] as const) {
    checkPositiveInteger(c[key], `discriminator.${key}`);
  }
  for (const [i, f] of c.filters.entries()) checkPositiveInteger(f, `discriminator.filters[${i}]`);
  const side = Math.floor((Math.ceil(Math.ceil(c.imageSize / 2) / 2) - c.kernelSize) / 2) + 1;
  if (side < 1) {
    throw new Error(
      `discriminator.imageSize ${c.imageSize} is too small for kernel ${c.kernelSize}: ` +
        'the third (valid) convolution would have no output',
    );
  }
}
