import * as tf from '@tensorflow/tfjs-core';

/**
 * Backends whose synchronous reads cannot work or stall: WebGPU's `dataSync` needs an
 * OffscreenCanvas, which Node lacks, and blocks a page until the GPU is done.
 */
const ASYNC_READ_BACKENDS = new Set(['webgpu']);

/**
 * Reads scalars and disposes them. On WebGPU with `await data()` (all at once, after every update
 * was queued); elsewhere with `dataSync`, which on wasm and cpu costs nothing more.
 * @param scalars `[]`-shaped tensors, each disposed here
 */
export async function readScalars(scalars: tf.Scalar[]): Promise<number[]> {
  try {
    const arrays = ASYNC_READ_BACKENDS.has(tf.getBackend())
      ? await Promise.all(scalars.map((scalar) => scalar.data()))
      : scalars.map((scalar) => scalar.dataSync());
    return arrays.map((values) => values[0] as number);
  } finally {
    tf.dispose(scalars);
  }
}
