import * as tf from '@tensorflow/tfjs-core';

/**
 * The reference's colour augmentation, differentiable in the images: brightness added, then each
 * pixel's channels scaled about their mean (saturation), then all values scaled about the image's
 * mean (contrast), one factor per image. With one channel the saturation step leaves the image
 * as it is ((x - mean) is 0 there), so it is skipped.
 * @param images `[batch, height, width, channels]` in [-1, 1]
 * @param factors `[batch]` each
 * @returns `[batch, height, width, channels]`, not clipped
 */
export function adjustColor(
  images: tf.Tensor4D,
  factors: { brightness: Float32Array; saturation: Float32Array; contrast: Float32Array },
): tf.Tensor4D {
  return tf.tidy(() => {
    const perImage = (values: Float32Array) => tf.tensor4d(values, [values.length, 1, 1, 1]);
    let x: tf.Tensor4D = tf.add(images, perImage(factors.brightness));
    if (images.shape[3] > 1) {
      const pixelMean = tf.mean(x, 3, true);
      x = tf.add(tf.mul(tf.sub(x, pixelMean), perImage(factors.saturation)), pixelMean);
    }
    const imageMean = tf.mean(x, [1, 2, 3], true);
    return tf.add(tf.mul(tf.sub(x, imageMean), perImage(factors.contrast)), imageMean);
  });
}
