import type { SeededRandom } from '@dcgan/data';
import * as tf from '@tensorflow/tfjs-core';
import { adjustColor } from './adjust-color.js';
import { type AugmentParameters, drawAugmentParameters } from './augment-parameters.js';
import type { AugmentPolicy } from './augment-policy.js';
import { cutoutImages } from './cutout-images.js';
import { translateImages } from './translate-images.js';

/**
 * Differentiable augmentation (Zhao et al. 2020, DiffAugment): colour, then translation, then
 * cutout, each drawn per image from `random`, through which gradients reach the images. Apply
 * it to the reals and the fakes that the discriminator sees, in both training steps; save
 * `random`'s state with the checkpoint so that a resumed run draws the same augmentations.
 * @param images `[batch, height, width, channels]` in [-1, 1]
 * @returns a new tensor `[batch, height, width, channels]`; the caller disposes it
 */
export function diffAugment(
  images: tf.Tensor4D,
  policy: AugmentPolicy,
  random: SeededRandom,
): tf.Tensor4D {
  return applyAugmentParameters(images, drawAugmentParameters(random, images.shape, policy));
}

/** Applies augmentations already drawn (`drawAugmentParameters`) to `[batch, height, width, channels]`. */
export function applyAugmentParameters(
  images: tf.Tensor4D,
  parameters: AugmentParameters,
): tf.Tensor4D {
  if (images.rank !== 4)
    throw new Error(`diffAugment: images of shape [${images.shape}], expected 4 dimensions`);
  return tf.tidy(() => {
    let x = tf.clone(images);
    const { brightness, saturation, contrast, shift, cutout } = parameters;
    if (brightness && saturation && contrast)
      x = adjustColor(x, { brightness, saturation, contrast });
    if (shift) x = translateImages(x, shift.rows, shift.columns);
    if (cutout) x = cutoutImages(x, cutout);
    return x;
  });
}
