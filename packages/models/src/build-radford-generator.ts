import * as tf from '@tensorflow/tfjs-layers';
import { classInput } from './conditional.js';
import { type BuildOptions, radfordInitializers } from './initializers.js';
import { checkRadfordConfig, defaultRadfordConfig, type RadfordConfig } from './radford-config.js';

/**
 * Builds the generator of Radford et al. (2016) as pytorch/examples' `dcgan/main.py`:
 * z `[batch, latentSize]` -> images `[batch, imageSize, imageSize, channels]` in (-1, 1).
 * z, as a 1x1 map, goes through a 4x4 transposed convolution (stride 1, valid) to a 4x4 base of
 * `generatorWidth * imageSize / 8` channels (512 for 64 px), then stride-2 4x4 transposed
 * convolutions ('same': PyTorch's padding 1) double the side and halve the channels, each with
 * BatchNorm and ReLU, down to `generatorWidth`; the last one draws `channels` through tanh. No
 * convolution has a bias, as PyTorch's `bias=False` (BatchNorm's beta is the bias).
 * With `options.conditional`, the class one-hot `[batch, classes]` is concatenated to z before the
 * first transposed convolution (a learned 4x4 base per class added to z's).
 */
export function buildRadfordGenerator(
  config: Partial<RadfordConfig> = {},
  options: BuildOptions = {},
): tf.LayersModel {
  const c = { ...defaultRadfordConfig(config.imageSize, config.channels), ...config };
  const blocks = checkRadfordConfig(c);
  const init = radfordInitializers(options.seed, c.initStddev);
  const z = tf.input({ shape: [c.latentSize], name: 'z' });
  const label = options.conditional && tf.input(classInput(options.conditional.classes));
  let x: tf.SymbolicTensor = label
    ? (tf.layers.concatenate({ name: 'g_condition' }).apply([z, label]) as tf.SymbolicTensor)
    : z;
  const inputs = x.shape[1] as number;
  x = tf.layers
    .reshape({ targetShape: [1, 1, inputs], name: 'g_reshape' })
    .apply(x) as tf.SymbolicTensor;
  // state size: 4 x 4 x (ngf * 2^(blocks - 1)), then the side doubles and the width halves.
  for (let block = 1; block <= blocks; block++) {
    const conv = tf.layers.conv2dTranspose({
      filters: c.generatorWidth * 2 ** (blocks - block),
      kernelSize: 4,
      strides: block === 1 ? 1 : 2,
      padding: block === 1 ? 'valid' : 'same',
      useBias: false,
      kernelInitializer: init.kernel(),
      name: `g_block${block}_conv`,
    });
    const norm = tf.layers.batchNormalization({
      momentum: c.batchNormMomentum,
      epsilon: c.batchNormEpsilon,
      gammaInitializer: init.gamma(),
      name: `g_block${block}_bn`,
    });
    const relu = tf.layers.activation({ activation: 'relu', name: `g_block${block}_relu` });
    x = relu.apply(norm.apply(conv.apply(x))) as tf.SymbolicTensor;
  }
  x = tf.layers
    .conv2dTranspose({
      filters: c.channels,
      kernelSize: 4,
      strides: 2,
      padding: 'same',
      useBias: false,
      kernelInitializer: init.kernel(),
      name: 'g_out_conv',
    })
    .apply(x) as tf.SymbolicTensor;
  const image = tf.layers.activation({ activation: 'tanh', name: 'g_tanh' }).apply(x);
  return tf.model({
    inputs: label ? [z, label] : z,
    outputs: image as tf.SymbolicTensor,
    name: 'generator',
  });
}
