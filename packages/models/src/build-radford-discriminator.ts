import * as tf from '@tensorflow/tfjs-layers';
import { classInput } from './conditional.js';
import { type BuildOptions, radfordInitializers } from './initializers.js';
import { checkRadfordConfig, defaultRadfordConfig, type RadfordConfig } from './radford-config.js';

/**
 * Builds the discriminator of Radford et al. (2016) as pytorch/examples' `dcgan/main.py`:
 * images `[batch, imageSize, imageSize, channels]` in [-1, 1] -> P(real) `[batch, 1]`.
 * Stride-2 4x4 convolutions ('same': PyTorch's padding 1) halve the side and double the channels
 * from `discriminatorWidth` to a 4x4 map, each with LeakyReLU 0.2 and, all but the first, BatchNorm;
 * no pooling, no bias. A last 4x4 valid convolution gives one logit, flattened to `[1]`, and sigmoid.
 * With `options.conditional`, a projection discriminator (Miyato and Koyama, 2018), as the spec's
 * variant: the class one-hot `[batch, classes]` is embedded (a Dense layer without bias, one vector
 * per class) and dotted with the flattened 4x4 features; the dot is added to the logit.
 */
export function buildRadfordDiscriminator(
  config: Partial<RadfordConfig> = {},
  options: BuildOptions = {},
): tf.LayersModel {
  const c = { ...defaultRadfordConfig(config.imageSize, config.channels), ...config };
  const blocks = checkRadfordConfig(c);
  const init = radfordInitializers(options.seed, c.initStddev);
  const image = tf.input({ shape: [c.imageSize, c.imageSize, c.channels], name: 'image' });
  let x: tf.SymbolicTensor = image;
  // state size: imageSize/2 x imageSize/2 x ndf, then the side halves and the width doubles.
  for (let block = 1; block <= blocks; block++) {
    const name = `d_block${block}`;
    x = tf.layers
      .conv2d({
        filters: c.discriminatorWidth * 2 ** (block - 1),
        kernelSize: 4,
        strides: 2,
        padding: 'same',
        useBias: false,
        kernelInitializer: init.kernel(),
        name: `${name}_conv`,
      })
      .apply(x) as tf.SymbolicTensor;
    if (block > 1) {
      x = tf.layers
        .batchNormalization({
          momentum: c.batchNormMomentum,
          epsilon: c.batchNormEpsilon,
          gammaInitializer: init.gamma(),
          name: `${name}_bn`,
        })
        .apply(x) as tf.SymbolicTensor;
    }
    x = tf.layers
      .leakyReLU({ alpha: c.leakySlope, name: `${name}_lrelu` })
      .apply(x) as tf.SymbolicTensor;
  }
  const features = x;
  x = tf.layers
    .conv2d({
      filters: 1,
      kernelSize: 4,
      padding: 'valid',
      useBias: false,
      kernelInitializer: init.kernel(),
      name: 'd_out',
    })
    .apply(x) as tf.SymbolicTensor;
  let logit = tf.layers.flatten({ name: 'd_out_flatten' }).apply(x) as tf.SymbolicTensor;
  const label = options.conditional && tf.input(classInput(options.conditional.classes));
  if (label) {
    const flat = tf.layers.flatten({ name: 'd_flatten' }).apply(features) as tf.SymbolicTensor;
    // N(0, initStddev) as the last convolution's kernel: the projection starts on the logit's scale.
    const embedding = tf.layers
      .dense({
        units: flat.shape[1] as number,
        useBias: false,
        kernelInitializer: init.kernel(),
        name: 'd_class_embedding',
      })
      .apply(label) as tf.SymbolicTensor;
    const projection = tf.layers.dot({ axes: 1, name: 'd_projection' }).apply([flat, embedding]);
    logit = tf.layers
      .add({ name: 'd_logit' })
      .apply([logit, projection as tf.SymbolicTensor]) as tf.SymbolicTensor;
  }
  const probability = tf.layers
    .activation({ activation: 'sigmoid', name: 'd_sigmoid' })
    .apply(logit);
  return tf.model({
    inputs: label ? [image, label] : image,
    outputs: probability as tf.SymbolicTensor,
    name: 'discriminator',
  });
}
