import * as tf from '@tensorflow/tfjs-core';

/**
 * The gradient of Mean as dy / n broadcast to x's shape, where tfjs-core's own multiplies dy by a
 * tensor of ones made in JavaScript (`ones(x.shape)`: a full-size array filled and copied for every
 * mean of BatchNorm's statistics) and then divides the full-size product. The same values
 * (dy · 1 / n is dy / n), on every backend.
 */
export const meanGradConfig: tf.GradConfig = {
  kernelName: 'Mean',
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved as [tf.Tensor];
    const { axis } = attrs as unknown as { axis: number | number[] };
    const axes = tf.util.parseAxisParam(axis, x.shape);
    const [, reduceShape] = tf.backend_util.computeOutAndReduceShapes(x.shape, axes);
    const reduceSize = tf.util.sizeFromShape(reduceShape);
    const expandedShape = x.shape.map((size, i) => (axes.includes(i) ? 1 : size));
    return {
      x: () =>
        tf.broadcastTo(tf.div(tf.reshape(dy as tf.Tensor, expandedShape), reduceSize), x.shape),
    };
  },
};
