import * as tf from '@tensorflow/tfjs-core';

/**
 * Keras keeps probabilities in [1e-7, 1 - 1e-7] before the log, so that a confident 0 or 1 stays
 * finite. Here they are squeezed into that range (eps + (1 - 2 eps) p) rather than clipped: the same
 * to within 1e-7, and a NaN probability still gives a NaN loss (a clip would hide it as 16.1).
 */
const EPSILON = 1e-7;

/**
 * Binary cross-entropy of probabilities `[batch, 1]` against one label for the whole batch,
 * as Keras's `binary_crossentropy` on a sigmoid output.
 * @param label the target, 0 or 1, or between them for a smoothed label
 * @returns a scalar, the mean over the batch
 */
export function binaryCrossEntropy(probabilities: tf.Tensor, label: number): tf.Scalar {
  return tf.tidy(() => {
    const p = tf.add(tf.mul(probabilities, 1 - 2 * EPSILON), EPSILON);
    if (label === 1) return tf.neg(tf.mean(tf.log(p))) as tf.Scalar;
    if (label === 0) return tf.neg(tf.mean(tf.log1p(tf.neg(p)))) as tf.Scalar;
    const perImage = tf.add(tf.mul(tf.log(p), label), tf.mul(tf.log1p(tf.neg(p)), 1 - label));
    return tf.neg(tf.mean(perImage)) as tf.Scalar;
  });
}

/** The share of probabilities `[batch, 1]` on the right side of 0.5 for the label. */
export function accuracy(probabilities: tf.Tensor, label: 0 | 1): tf.Scalar {
  return tf.tidy(() => {
    const right = label === 1 ? tf.greater(probabilities, 0.5) : tf.lessEqual(probabilities, 0.5);
    return tf.mean(tf.cast(right, 'float32'));
  });
}
