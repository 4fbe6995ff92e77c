import * as tf from '@tensorflow/tfjs-core';

/**
 * The gradient of LeakyRelu as dy · step(x, alpha), where tfjs-core's own uses `where`, which
 * broadcasts both branches with Tile: three full-size copies for every LeakyRelu in the model.
 * Same values on every backend.
 */
export const leakyReluGradConfig: tf.GradConfig = {
  kernelName: 'LeakyRelu',
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved as [tf.Tensor];
    const { alpha } = attrs as unknown as { alpha: number };
    return { x: () => tf.mul(dy as tf.Tensor, tf.step(x, alpha)) };
  },
};
