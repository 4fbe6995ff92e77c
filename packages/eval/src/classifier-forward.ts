import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { conv2dValid } from './conv2d-valid.js';

/**
 * The classifier's forward pass for training: layer after layer as the model's own, except that its
 * convolutions (stride 1, 'valid', ReLU) go through `conv2dValid`, whose gradients are fast on wasm
 * (and none towards the images). Gradients flow to the model's own variables.
 * @param images `[batch, 28, 28, 1]` in [-1, 1]
 * @returns class probabilities `[batch, classes]`
 */
export function classifierForward(classifier: LayersModel, images: tf.Tensor4D): tf.Tensor2D {
  let x: tf.Tensor = images;
  for (const layer of classifier.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    if (layer.getClassName() !== 'Conv2D') {
      x = layer.apply(x, { training: true }) as tf.Tensor;
      continue;
    }
    const config = layer.getConfig();
    const plain =
      config.padding === 'valid' &&
      String(config.strides) === '1,1' &&
      String(config.dilationRate) === '1,1' &&
      config.activation === 'relu' &&
      config.useBias === true;
    if (!plain)
      throw new Error(`${layer.name}: classifierForward needs a stride-1 valid ReLU conv`);
    const [kernel, bias] = layer.weights.map((w) => w.read());
    const inputGradient = x !== images;
    const convolved = conv2dValid(x as tf.Tensor4D, kernel as tf.Tensor4D, { inputGradient });
    x = tf.relu(tf.add(convolved, bias as tf.Tensor));
  }
  return x as tf.Tensor2D;
}
