import * as tf from '@tensorflow/tfjs-layers';

/** The project's LeNet-like classifier of 28x28 grey images, whose features the metrics compare. */
export interface ClassifierConfig {
  /** Side of the images: 28 for MNIST-like data. */
  imageSize: number;
  /** Filters of the two convolutions: LeNet's 6 and 16, made wider (32, 64) for Fashion-MNIST. */
  filters: [number, number];
  /** Kernel size of both convolutions: 5, as LeNet; valid padding: 28 -> 24 -> pool 12 -> 8 -> 4. */
  kernelSize: number;
  /** Units of the penultimate Dense layer, the Fréchet distance's features: 64 keeps it small. */
  featureSize: number;
  /** Number of classes: 10 for MNIST and Fashion-MNIST. */
  classes: number;
}

/** The classifier's defaults: about 118,000 weights (under 500 kB in float32). */
export function defaultClassifierConfig(): ClassifierConfig {
  return { imageSize: 28, filters: [32, 64], kernelSize: 5, featureSize: 64, classes: 10 };
}

/** Name of the penultimate layer, whose activations are the classifier's features. */
export const FEATURE_LAYER = 'c_features';

/**
 * Builds the classifier: images `[batch, 28, 28, 1]` in [-1, 1] -> class probabilities
 * `[batch, classes]` (softmax). Two conv(5x5, ReLU) + 2x2 max-pool blocks, then a ReLU Dense layer
 * of `featureSize` units (`FEATURE_LAYER`) and the softmax layer. No dropout nor BatchNorm, so that
 * training is reproducible from the seed and inference needs no mode.
 */
export function buildClassifier(
  config: Partial<ClassifierConfig> = {},
  options: { seed?: number } = {},
): tf.LayersModel {
  const c = { ...defaultClassifierConfig(), ...config };
  let layer = 0;
  const init = () =>
    options.seed === undefined
      ? 'glorotUniform'
      : tf.initializers.glorotUniform({ seed: options.seed + layer++ });
  const image = tf.input({ shape: [c.imageSize, c.imageSize, 1], name: 'image' });
  let x: tf.SymbolicTensor = image;
  c.filters.forEach((filters, i) => {
    const conv = tf.layers.conv2d({
      filters,
      kernelSize: c.kernelSize,
      activation: 'relu',
      name: `c_conv${i + 1}`,
      kernelInitializer: init(),
    });
    x = conv.apply(x) as tf.SymbolicTensor;
    x = tf.layers
      .maxPooling2d({ poolSize: 2, name: `c_pool${i + 1}` })
      .apply(x) as tf.SymbolicTensor;
  });
  x = tf.layers.flatten({ name: 'c_flatten' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers
    .dense({
      units: c.featureSize,
      activation: 'relu',
      name: FEATURE_LAYER,
      kernelInitializer: init(),
    })
    .apply(x) as tf.SymbolicTensor;
  const probabilities = tf.layers
    .dense({ units: c.classes, activation: 'softmax', name: 'c_out', kernelInitializer: init() })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: image, outputs: probabilities, name: 'classifier' });
}
