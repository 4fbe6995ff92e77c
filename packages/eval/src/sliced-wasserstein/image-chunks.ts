import * as tf from '@tensorflow/tfjs-core';
import type { ImageArray } from './resample-images.js';

/** Images `[count, height, width, channels]`: a tensor, or values row-major with their shape. */
export type ImageSet =
  | tf.Tensor4D
  | { data: ArrayLike<number>; shape: readonly [number, number, number, number] };

/** One set of images, or a (possibly asynchronous) sequence of sets, such as a generator's batches. */
export type ImageSource = ImageSet | Iterable<ImageSet> | AsyncIterable<ImageSet>;

/**
 * Yields `source`'s images as float32 arrays of at most `chunkSize` images each, reading a
 * tensor one slice at a time so that only a chunk is ever copied out of the backend.
 */
export async function* imageChunks(
  source: ImageSource,
  chunkSize: number,
): AsyncGenerator<ImageArray> {
  if (isImageSet(source)) {
    yield* setChunks(source, chunkSize);
    return;
  }
  if (source === null || typeof source !== 'object') throw new Error(badSource(source));
  if (Symbol.asyncIterator in source || Symbol.iterator in source) {
    for await (const set of source as AsyncIterable<ImageSet>) {
      if (!isImageSet(set)) throw new Error(badSource(set));
      yield* setChunks(set, chunkSize);
    }
    return;
  }
  throw new Error(badSource(source));
}

async function* setChunks(set: ImageSet, chunkSize: number): AsyncGenerator<ImageArray> {
  const [count, height, width, channels] = checkShape(set.shape);
  const size = height * width * channels;
  if (!(set instanceof tf.Tensor) && set.data.length !== count * size) {
    throw new Error(
      `images: ${set.data.length} values for the shape [${set.shape.join(', ')}] (expected ${count * size})`,
    );
  }
  for (let start = 0; start < count; start += chunkSize) {
    const images = Math.min(chunkSize, count - start);
    let pixels: Float32Array;
    if (set instanceof tf.Tensor) {
      const slice = sliceImages(set, start, images);
      pixels = new Float32Array(await slice.data());
      slice.dispose();
    } else if (set.data instanceof Float32Array) {
      pixels = set.data.subarray(start * size, (start + images) * size);
    } else {
      pixels = new Float32Array(images * size);
      for (let i = 0; i < pixels.length; i++) pixels[i] = set.data[start * size + i] as number;
    }
    yield { pixels, count: images, height, width, channels };
  }
}

/** Images `start .. start + count` of `images`, read without copying the rest. */
function sliceImages(images: tf.Tensor4D, start: number, count: number): tf.Tensor {
  // tfjs-backend-wasm's Slice copies its whole input out of the heap each time; its Gather does not.
  if (tf.getBackend() === 'wasm') {
    return tf.tidy(() => tf.gather(images, tf.range(start, start + count, 1, 'int32')));
  }
  return tf.slice(images, start, count);
}

function isImageSet(value: unknown): value is ImageSet {
  return (
    value instanceof tf.Tensor ||
    (typeof value === 'object' && value !== null && 'data' in value && 'shape' in value)
  );
}

function checkShape(shape: readonly number[]): [number, number, number, number] {
  if (shape.length !== 4 || !shape.every((n) => Number.isInteger(n) && n >= 0)) {
    throw new Error(
      `images: shape [${shape.join(', ')}], expected [count, height, width, channels]`,
    );
  }
  return shape as [number, number, number, number];
}

function badSource(value: unknown): string {
  return `images: expected a tensor [count, height, width, channels], { data, shape }, or an iterable of them; got ${Object.prototype.toString.call(value)}`;
}
