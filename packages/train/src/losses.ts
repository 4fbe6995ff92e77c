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

/**
 * Binary cross-entropy of logits `[batch, 1]` (before the sigmoid) against one label, as PyTorch's
 * `BCEWithLogitsLoss`: softplus(-logit) for a real label, softplus(logit) for a fake one. Its
 * gradient stays -(1 - p) however confident the discriminator is.
 * @returns a scalar, the mean over the batch
 */
export function binaryCrossEntropyWithLogits(logits: tf.Tensor, label: number): tf.Scalar {
  return tf.tidy(() => {
    const real = tf.softplus(tf.neg(logits));
    if (label === 1) return tf.mean(real) as tf.Scalar;
    const fake = tf.softplus(logits);
    if (label === 0) return tf.mean(fake) as tf.Scalar;
    return tf.mean(tf.add(tf.mul(real, label), tf.mul(fake, 1 - label))) as tf.Scalar;
  });
}

/**
 * The share of outputs `[batch, 1]` on the right side of the boundary for the label: 0.5 for
 * probabilities, 0 for logits.
 */
export function accuracy(outputs: tf.Tensor, label: 0 | 1, boundary = 0.5): tf.Scalar {
  return tf.tidy(() => {
    const right = label === 1 ? tf.greater(outputs, boundary) : tf.lessEqual(outputs, boundary);
    return tf.mean(tf.cast(right, 'float32'));
  });
}
