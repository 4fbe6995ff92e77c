import * as tf from '@tensorflow/tfjs-core';
import type { AugmentParameters } from './augment-parameters.js';

type Cutout = NonNullable<AugmentParameters['cutout']>;

/**
 * 1 everywhere but in each image's square (clipped to the image), where it is 0.
 * @returns `[batch, height, width]` values, row-major
 */
export function cutoutMask(cutout: Cutout, height: number, width: number): Float32Array {
  const batch = cutout.top.length;
  const mask = new Float32Array(batch * height * width).fill(1);
  for (let image = 0; image < batch; image++) {
    const top = cutout.top[image] as number;
    const left = cutout.left[image] as number;
    for (let y = Math.max(0, top); y < Math.min(height, top + cutout.height); y++) {
      const row = (image * height + y) * width;
      mask.fill(0, row + Math.max(0, left), row + Math.min(width, left + cutout.width));
    }
  }
  return mask;
}

/**
 * Zeroes a square of each image in every channel (the reference's cutout): the gradient there is 0.
 * @param images `[batch, height, width, channels]`
 * @returns `[batch, height, width, channels]`
 */
export function cutoutImages(images: tf.Tensor4D, cutout: Cutout): tf.Tensor4D {
  const [batch, height, width] = images.shape;
  if (cutout.top.length !== batch || cutout.left.length !== batch) {
    throw new Error(`cutoutImages: ${cutout.top.length} squares for ${batch} images`);
  }
  return tf.tidy(() =>
    tf.mul(images, tf.tensor4d(cutoutMask(cutout, height, width), [batch, height, width, 1])),
  );
}
