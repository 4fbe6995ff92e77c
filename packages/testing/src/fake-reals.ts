import * as tf from '@tensorflow/tfjs-core';

/** A reproducible batch of pseudo-images `[batch, size, size, channels]` in [-1, 1]. */
export function fakeReals(batch: number, seed: number, size = 28, channels = 1): tf.Tensor4D {
  return tf.tanh(
    tf.randomNormal([batch, size, size, channels], 0, 1, 'float32', seed),
  ) as tf.Tensor4D;
}
