import { type ImageDataset, type LabeledImageDataset, scaleToUnit } from '@dcgan/data';
import * as tf from '@tensorflow/tfjs-core';

/**
 * Images `start .. start + count` of a data set (or those at `indices`), scaled to [-1, 1].
 * @returns `[count, 28, 28, 1]` float32; the caller disposes it
 */
export function datasetImages(
  dataset: ImageDataset,
  start = 0,
  count = dataset.count - start,
): tf.Tensor4D {
  const pixels = dataset.height * dataset.width;
  const bytes = dataset.images.subarray(start * pixels, (start + count) * pixels);
  return tf.tensor4d(scaleToUnit(bytes), [count, dataset.height, dataset.width, 1]);
}

/** The images at `indices` `[count, 28, 28, 1]` in [-1, 1] and their labels `[count]` int32. */
export function datasetBatch(
  dataset: LabeledImageDataset,
  indices: ArrayLike<number>,
): { images: tf.Tensor4D; labels: tf.Tensor1D } {
  const pixels = dataset.height * dataset.width;
  const bytes = new Uint8Array(indices.length * pixels);
  const labels = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i] as number;
    bytes.set(dataset.images.subarray(index * pixels, (index + 1) * pixels), i * pixels);
    labels[i] = dataset.labels[index] as number;
  }
  return {
    images: tf.tensor4d(scaleToUnit(bytes), [indices.length, dataset.height, dataset.width, 1]),
    labels: tf.tensor1d(labels, 'int32'),
  };
}
