import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClassifier } from './build-classifier.js';
import { classifierForward } from './classifier-forward.js';
import { conv2dValid } from './conv2d-valid.js';
import { onBackend, relativeError } from './test-support.js';

describe('conv2dValid and classifierForward (cpu, the reference backend)', () => {
  beforeAll(() => onBackend('cpu', () => undefined));

  it('has the value and the gradients of tf.conv2d, or no input gradient when asked', () => {
    const x = tf.randomNormal([3, 9, 8, 4], 0, 1, 'float32', 1) as tf.Tensor4D;
    const filter = tf.randomNormal([3, 5, 4, 6], 0, 1, 'float32', 2) as tf.Tensor4D;
    const weight = tf.randomNormal([3, 7, 4, 6], 0, 1, 'float32', 3);
    const loss = (conv: typeof conv2dValid) => (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(conv(a as tf.Tensor4D, b as tf.Tensor4D), weight));
    const reference = (a: tf.Tensor4D, b: tf.Tensor4D) => tf.conv2d(a, b, 1, 'valid');
    const [dx, dFilter] = tf.grads(loss(conv2dValid))([x, filter]);
    const [refDx, refDFilter] = tf.grads(loss(reference))([x, filter]);
    const [value, refValue] = [conv2dValid(x, filter), reference(x, filter)];
    expect(relativeError(value.arraySync(), refValue.arraySync())).toBeLessThan(1e-6);
    expect(relativeError(dx?.arraySync(), refDx?.arraySync())).toBeLessThan(1e-6);
    expect(relativeError(dFilter?.arraySync(), refDFilter?.arraySync())).toBeLessThan(1e-6);
    const noInput = (a: tf.Tensor4D, b: tf.Tensor4D) => conv2dValid(a, b, { inputGradient: false });
    const [zeros, dFilter2] = tf.grads(loss(noInput))([x, filter]);
    expect(zeros?.dataSync().every((v) => v === 0)).toBe(true);
    expect(dFilter2?.arraySync()).toEqual(dFilter?.arraySync());
    tf.dispose([
      x,
      filter,
      weight,
      dx,
      dFilter,
      refDx,
      refDFilter,
      value,
      refValue,
      zeros,
      dFilter2,
    ] as tf.Tensor[]);
  });

  it('computes what the classifier predicts, and its gradients reach every weight', () => {
    const classifier = buildClassifier({}, { seed: 5 });
    const images = tf.tanh(tf.randomNormal([2, 28, 28, 1], 0, 1, 'float32', 4)) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const [forward, predicted] = tf.tidy(() => [
      classifierForward(classifier, images),
      classifier.predict(images) as tf.Tensor,
    ]);
    expect(relativeError(forward?.arraySync(), predicted?.arraySync())).toBeLessThan(1e-5);
    const { value, grads } = tf.variableGrads(() =>
      tf.sum(tf.log(classifierForward(classifier, images))),
    );
    expect(Object.keys(grads)).toHaveLength(classifier.trainableWeights.length);
    tf.dispose([forward, predicted, value, ...Object.values(grads)] as tf.Tensor[]);
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
    classifier.dispose();
  });
});
