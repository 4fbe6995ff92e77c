import * as tf from '@tensorflow/tfjs-core';
import type { ImageDataset } from './dataset.js';
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
  /** The next batch: `[batchSize, height, width, 1]` float32 in [-1, 1]. The caller disposes it. */
  next(): tf.Tensor4D;
  /**
   * The next batch (the one `next()` would give) with the images' labels `[batchSize]` int32, for a
   * class-conditional model. The caller disposes both.
   */
  nextWithLabels(): { images: tf.Tensor4D; labels: tf.Tensor1D };
  getState(): SamplerState;
  setState(state: SamplerState): void;
  readonly epoch: number;
}

/**
 * A seeded, shuffling batch sampler: the same seed gives the same batches.
 * Images are scaled from [0, 255] to [-1, 1] as they are batched.
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
  const pixels = dataset.height * dataset.width;
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
    const values = new Float32Array(batchSize * pixels);
    for (let b = 0; b < batchSize; b++) {
      const start = (indices[b] as number) * pixels;
      for (let p = 0; p < pixels; p++) {
        values[b * pixels + p] = BYTE_TO_UNIT[dataset.images[start + p] as number] as number;
      }
    }
    return tf.tensor4d(values, [batchSize, dataset.height, dataset.width, 1]);
  };
  return {
    next: () => imagesAt(nextIndices()),
    nextWithLabels() {
      const indices = nextIndices();
      const labels = Int32Array.from(indices, (index) => dataset.labels[index] as number);
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
