import type * as tf from '@tensorflow/tfjs-core';

/** The parts of tfjs-wasm's backend that kernels written in JavaScript use. */
export interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}
