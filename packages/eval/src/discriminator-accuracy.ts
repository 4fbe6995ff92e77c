import type * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';

/** How well a discriminator tells real images from fakes. */
export interface DiscriminatorAccuracy {
  /** The mean of the two shares below: the accuracy on as many reals as fakes. */
  accuracy: number;
  /** Share of the reals it calls real (P(real) > 0.5). */
  realsCalledReal: number;
  /** Share of the fakes it calls fake (P(real) <= 0.5). */
  fakesCalledFake: number;
}

/**
 * The discriminator's accuracy in inference mode (BatchNorm on its moving averages), threshold 0.5,
 * as the training step's `accuracy`. Inputs are read, not disposed; reads asynchronously (WebGPU).
 * @param reals `[count, 28, 28, 1]` in [-1, 1] (for a conditional discriminator, with their
 *   classes one-hot `[count, classes]`)
 * @param fakes `[count', 28, 28, 1]` in [-1, 1] (with their classes, likewise)
 */
export async function discriminatorAccuracy(
  discriminator: LayersModel,
  reals: tf.Tensor4D | [tf.Tensor4D, tf.Tensor2D],
  fakes: tf.Tensor4D | [tf.Tensor4D, tf.Tensor2D],
  batchSize = 500,
): Promise<DiscriminatorAccuracy> {
  const share = async (images: tf.Tensor | tf.Tensor[], label: 0 | 1) => {
    const probabilities = discriminator.predict(images, { batchSize }) as tf.Tensor;
    const values = await probabilities.data();
    probabilities.dispose();
    let right = 0;
    for (const p of values) if (label === 1 ? p > 0.5 : p <= 0.5) right++;
    return right / values.length;
  };
  const realsCalledReal = await share(reals, 1);
  const fakesCalledFake = await share(fakes, 0);
  return { accuracy: (realsCalledReal + fakesCalledFake) / 2, realsCalledReal, fakesCalledFake };
}
