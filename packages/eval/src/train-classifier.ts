import { type LabeledImageDataset, SeededRandom, shuffleInPlace } from '@dcgan/data';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { classifierForward } from './classifier-forward.js';
import { datasetBatch } from './dataset-tensors.js';

/** How the classifier is trained. */
export interface ClassifierTrainingConfig {
  /** Passes over the training set: 4 reach both accuracy targets. */
  epochs: number;
  /** Minibatch size: 64 gives enough steps per epoch for a small model. */
  batchSize: number;
  /** Adam's learning rate in the first epoch (Keras default, 0.001). */
  learningRate: number;
  /** Factor applied to the learning rate after each epoch, to settle into a minimum. */
  learningRateDecay: number;
  /** Seed of the order of the examples (the weights are seeded when the model is built). */
  seed: number;
}

/** The defaults used for the committed classifiers. */
export function defaultClassifierTrainingConfig(): ClassifierTrainingConfig {
  return { epochs: 4, batchSize: 64, learningRate: 0.001, learningRateDecay: 0.5, seed: 1 };
}

/** Mean cross-entropy of probabilities `[batch, classes]` against integer labels `[batch]`. */
export function crossEntropy(probabilities: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const classes = probabilities.shape[1];
    const p = tf.clipByValue(probabilities, 1e-7, 1);
    const picked = tf.sum(tf.mul(tf.log(p), tf.oneHot(labels, classes)), 1);
    return tf.neg(tf.mean(picked)) as tf.Scalar;
  });
}

/**
 * One Adam step of the classifier on images `[batch, 28, 28, 1]` in [-1, 1] with labels `[batch]`.
 * @returns the loss before the step
 */
export function classifierStep(
  classifier: LayersModel,
  optimizer: tf.Optimizer,
  images: tf.Tensor4D,
  labels: tf.Tensor1D,
): number {
  const loss = tf.tidy(
    () =>
      optimizer.minimize(
        () => crossEntropy(classifierForward(classifier, images), labels),
        true,
      ) as tf.Scalar,
  );
  const value = loss.dataSync()[0] as number;
  loss.dispose();
  return value;
}

/**
 * Trains the classifier on a labelled data set, in an order drawn from `config.seed`: each epoch a
 * fresh Adam optimizer at the decayed learning rate. `onEpoch` receives the epoch (from 1) and its
 * mean loss.
 */
export function trainClassifier(
  classifier: LayersModel,
  dataset: LabeledImageDataset,
  config: ClassifierTrainingConfig = defaultClassifierTrainingConfig(),
  onEpoch?: (epoch: number, loss: number) => void,
): void {
  if (!tf.getGradient('MaxPool')) {
    throw new Error(
      "TensorFlow.js gradients are not registered: import '@tensorflow/tfjs' once before training " +
        "(or, with a bundler, '@tensorflow/tfjs-core/dist/register_all_gradients')",
    );
  }
  const random = new SeededRandom(config.seed);
  const order = Uint32Array.from({ length: dataset.count }, (_, i) => i);
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    const learningRate = config.learningRate * config.learningRateDecay ** (epoch - 1);
    const optimizer = tf.train.adam(learningRate);
    shuffleInPlace(order, random);
    let total = 0;
    const steps = Math.floor(dataset.count / config.batchSize);
    for (let step = 0; step < steps; step++) {
      const start = step * config.batchSize;
      const { images, labels } = datasetBatch(
        dataset,
        order.subarray(start, start + config.batchSize),
      );
      total += classifierStep(classifier, optimizer, images, labels);
      tf.dispose([images, labels]);
    }
    optimizer.dispose();
    onEpoch?.(epoch, total / steps);
  }
}
