import type * as tf from '@tensorflow/tfjs-core';

/**
 * A kernel of this package for tfjs-wasm: one that wraps tfjs-wasm's own kernel of that name (and
 * falls back to it outside its cases), or one that tfjs-wasm lacks.
 */
export type WasmKernel =
  | { kernelName: string; wraps(tfjsKernel: tf.KernelConfig): tf.KernelConfig }
  | { kernelName: string; adds(backendName: string): tf.KernelConfig };
