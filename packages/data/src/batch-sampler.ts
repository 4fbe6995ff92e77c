import * as tf from '@tensorflow/tfjs-core';
import { type ImageDataset, imageBytes } from './dataset.js';
import { SeededRandom, shuffleInPlace } from './random.js';
import { BYTE_TO_UNIT } from './scale.js';

/** Where a sampler stands: save it with a checkpoint to resume the same batches. */
export interface SamplerState {
  /** The generator's state just before this epoch's shuffle: the order is drawn again from it. */
  epochRandomState: number;
  position: number;
  epoch: number;
  count: number;
}

/** Draws shuffled minibatches without replacement, reshuffling at every epoch. */
export interface BatchSampler {
  /**
   * The next batch: `[batchSize, height, width, channels]` float32 in [-1, 1]. The caller disposes
   * it.
   */
  next(): tf.Tensor4D;
  /**
   * The next batch (the one `next()` would give) with the images' labels `[batchSize]` int32, for a
   * class-conditional model. The caller disposes both. Throws on a data set without labels.
   */
  nextWithLabels(): { images: tf.Tensor4D; labels: tf.Tensor1D };
  getState(): SamplerState;
  setState(state: SamplerState): void;
  readonly epoch: number;
}

/**
 * A seeded, shuffling batch sampler: the same seed gives the same batches.
 * Images are scaled from [0, 255] to [-1, 1] a batch at a time, as they are batched: the data set
 * stays in bytes.
 * @param dataset images `[count, height, width, channels]` as bytes (grey when `channels` is absent)
 */
export function createBatchSampler(
  dataset: ImageDataset,
  options: { batchSize: number; seed: number },
): BatchSampler {
  const { batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > dataset.count) {
    throw new Error(`batchSize must be an integer from 1 to ${dataset.count}, got ${batchSize}`);
  }
  const random = new SeededRandom(options.seed);
  const channels = dataset.channels ?? 1;
  const bytesPerImage = imageBytes(dataset);
  if (dataset.images.length < dataset.count * bytesPerImage) {
    throw new Error(
      `data set holds ${dataset.images.length} bytes, expected ${dataset.count * bytesPerImage} ` +
        `(${dataset.count} images of ${dataset.height}x${dataset.width}x${channels})`,
    );
  }
  const order = new Uint32Array(dataset.count);
  let position = 0;
  let epoch = 0;
  let epochRandomState = random.getState();
  const reshuffle = () => {
    epochRandomState = random.getState();
    for (let i = 0; i < order.length; i++) order[i] = i;
    shuffleInPlace(order, random);
    position = 0;
  };
  reshuffle();
  /** The indices of the next batch's images, reshuffling at the end of an epoch. */
  const nextIndices = (): Uint32Array => {
    if (position + batchSize > order.length) {
      reshuffle();
      epoch++;
    }
    position += batchSize;
    return order.subarray(position - batchSize, position);
  };
  const imagesAt = (indices: Uint32Array): tf.Tensor4D => {
    const values = new Float32Array(batchSize * bytesPerImage);
    for (let b = 0; b < batchSize; b++) {
      const start = (indices[b] as number) * bytesPerImage;
      for (let p = 0; p < bytesPerImage; p++) {
        values[b * bytesPerImage + p] = BYTE_TO_UNIT[dataset.images[start + p] as number] as number;
      }
    }
    return tf.tensor4d(values, [batchSize, dataset.height, dataset.width, channels]);
  };
  return {
    next: () => imagesAt(nextIndices()),
    nextWithLabels() {
      const source = dataset.labels;
      if (!source) {
        throw new Error(
          'nextWithLabels: this data set has no labels (an image folder without class ' +
            'subfolders); use next(), or put the images in one subfolder a class',
        );
      }
      const indices = nextIndices();
      const labels = Int32Array.from(indices, (index) => source[index] as number);
      return { images: imagesAt(indices), labels: tf.tensor1d(labels, 'int32') };
    },
    getState: () => ({ epochRandomState, position, epoch, count: dataset.count }),
    setState(state) {
      if (state.count !== dataset.count) {
        throw new Error(
          `sampler state is for ${state.count} images, this data set has ${dataset.count}`,
        );
      }
      random.setState(state.epochRandomState);
      reshuffle();
      position = state.position;
      epoch = state.epoch;
    },
    get epoch() {
      return epoch;
    },
  };
}
