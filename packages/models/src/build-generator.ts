import * as tf from '@tensorflow/tfjs-layers';
import { classInput } from './conditional.js';
import { checkPositiveInteger, defaultModelConfig, type GeneratorConfig } from './config.js';
import { type BuildOptions, type KernelInitializer, kernelInitializers } from './initializers.js';

/**
 * Builds the generator of SPEC.md: z `[batch, latentSize]` -> images `[batch, 28, 28, 1]` in (-1, 1).
 * Dense to a 7x7 base, two transposed convolutions with BatchNorm and LeakyReLU (stride 2 then 1),
 * a last stride-2 transposed convolution without BatchNorm, and tanh.
 * With `options.conditional`, the class-conditional variant: inputs z and the class one-hot
 * `[batch, classes]`, concatenated before the same Dense layer (which so adds a learned 7x7x256
 * map per class to its output); every other layer is the spec's.
 */
export function buildGenerator(
  config: Partial<GeneratorConfig> = {},
  options: BuildOptions = {},
): tf.LayersModel {
  const c = { ...defaultModelConfig().generator, ...config };
  const init = kernelInitializers(options.seed);
  const base = checkGeneratorConfig(c);
  const [filters1, filters2] = c.filters;
  const z = tf.input({ shape: [c.latentSize], name: 'z' });
  const label = options.conditional && tf.input(classInput(options.conditional.classes));
  const dense = tf.layers.dense({
    units: base * base * c.baseDepth,
    name: 'g_dense',
    kernelInitializer: init(),
  });
  let x = (
    label
      ? dense.apply(tf.layers.concatenate({ name: 'g_condition' }).apply([z, label]))
      : dense.apply(z)
  ) as tf.SymbolicTensor;
  x = tf.layers
    .reshape({ targetShape: [base, base, c.baseDepth], name: 'g_reshape' })
    .apply(x) as tf.SymbolicTensor;
  x = transposedBlock(x, filters1, 2, 'g_block1', c, init());
  x = transposedBlock(x, filters2, 1, 'g_block2', c, init());
  x = tf.layers
    .conv2dTranspose({
      filters: c.channels,
      kernelSize: c.kernelSize,
      strides: 2,
      padding: 'same',
      name: 'g_out_conv',
      kernelInitializer: init(),
    })
    .apply(x) as tf.SymbolicTensor;
  const image = tf.layers.activation({ activation: 'tanh', name: 'g_tanh' }).apply(x);
  return tf.model({
    inputs: label ? [z, label] : z,
    outputs: image as tf.SymbolicTensor,
    name: 'generator',
  });
}

function transposedBlock(
  input: tf.SymbolicTensor,
  filters: number,
  strides: number,
  name: string,
  c: GeneratorConfig,
  kernelInitializer: KernelInitializer,
): tf.SymbolicTensor {
  const conv = tf.layers.conv2dTranspose({
    filters,
    kernelSize: c.kernelSize,
    strides,
    padding: 'same',
    name: `${name}_conv`,
    kernelInitializer,
  });
  const norm = tf.layers.batchNormalization({ momentum: c.batchNormMomentum, name: `${name}_bn` });
  const act = tf.layers.leakyReLU({ alpha: c.leakySlope, name: `${name}_lrelu` });
  return act.apply(norm.apply(conv.apply(input))) as tf.SymbolicTensor;
}

/** Checks that the generator can reach the image size; returns the side of its Dense base. */
export function checkGeneratorConfig(c: GeneratorConfig): number {
  for (const key of ['latentSize', 'imageSize', 'channels', 'baseDepth', 'kernelSize'] as const) {
    checkPositiveInteger(c[key], `generator.${key}`);
  }
  for (const [i, f] of c.filters.entries()) checkPositiveInteger(f, `generator.filters[${i}]`);
  if (c.imageSize % 4 !== 0) {
    throw new Error(
      `generator.imageSize must be a multiple of 4 (two stride-2 transposed convolutions double ` +
        `the base twice), got ${c.imageSize}`,
    );
  }
  return c.imageSize / 4;
}
