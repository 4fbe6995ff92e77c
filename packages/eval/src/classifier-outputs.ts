import * as tf from '@tensorflow/tfjs-core';
import { type LayersModel, model } from '@tensorflow/tfjs-layers';
import { FEATURE_LAYER } from './build-classifier.js';

/** What the classifier makes of a set of images. */
export interface ClassifierOutputs {
  /** Class probabilities `[count, classes]`. */
  probabilities: tf.Tensor2D;
  /** Activations of the penultimate layer `[count, featureSize]`. */
  features: tf.Tensor2D;
}

/**
 * Runs the classifier in inference mode on images `[count, 28, 28, 1]` in [-1, 1], in batches.
 * @returns probabilities and features; the caller disposes them
 */
export function classifierOutputs(
  classifier: LayersModel,
  images: tf.Tensor4D,
  batchSize = 500,
): ClassifierOutputs {
  const featureLayer = classifier.getLayer(FEATURE_LAYER);
  const both = model({
    inputs: classifier.inputs,
    outputs: [featureLayer.output as never, classifier.outputs[0] as never],
  });
  const [features, probabilities] = both.predict(images, { batchSize }) as tf.Tensor2D[];
  return { probabilities: probabilities as tf.Tensor2D, features: features as tf.Tensor2D };
}

/** The share of images `[count, 28, 28, 1]` whose most probable class is their label. */
export function classifierAccuracy(
  classifier: LayersModel,
  images: tf.Tensor4D,
  labels: ArrayLike<number>,
  batchSize = 500,
): number {
  const predicted = tf.tidy(() =>
    tf.argMax(classifier.predict(images, { batchSize }) as tf.Tensor2D, 1),
  );
  const classes = predicted.dataSync();
  predicted.dispose();
  let right = 0;
  for (let i = 0; i < classes.length; i++) if (classes[i] === labels[i]) right++;
  return right / classes.length;
}
