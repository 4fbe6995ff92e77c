import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';

/**
 * The trainable variables of a model, even while it is frozen. In tfjs-layers, `trainable = false`
 * also marks the underlying `tf.Variable`s untrainable, and `optimizer.minimize` silently prunes
 * those; so the discriminator, frozen inside the GAN, is thawed for its own update alone.
 */
export function withTrainable<T>(model: LayersModel, fn: (variables: tf.Variable[]) => T): T {
  const wasTrainable = model.trainable;
  model.trainable = true;
  try {
    return fn(model.trainableWeights.map((w) => w.read() as tf.Variable));
  } finally {
    model.trainable = wasTrainable;
  }
}

/**
 * Runs `fn` and puts BatchNorm's moving statistics back as they were: tfjs-layers updates them on
 * every call in training mode, and a step must not change the model it does not train.
 */
export function keepMovingStatistics<T>(model: LayersModel, fn: () => T): T {
  const statistics = model.weights.filter((w) => /moving_(mean|variance)/.test(w.name));
  const saved = statistics.map((w) => tf.clone(w.read()));
  try {
    return fn();
  } finally {
    for (const [i, w] of statistics.entries()) w.write(saved[i] as tf.Tensor);
    tf.dispose(saved);
  }
}
