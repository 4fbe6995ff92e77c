import * as tf from '@tensorflow/tfjs-core';

/** The parts of tfjs-wasm's backend that kernels written in JavaScript use. */
export interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

/** tfjs-wasm's backend as the native kernels use it: also where a tensor lies in its memory. */
export interface WasmOffsetBackend extends WasmHeapBackend {
  getMemoryOffset(dataId: tf.DataId): number;
  disposeData(dataId: tf.DataId): boolean;
}

/** Rows of a channels-last tensor of `shape`: its size over its last axis (0 when that is 0). */
export function rowsOf(shape: readonly number[]): number {
  const channels = shape.at(-1) ?? 0;
  return channels > 0 ? tf.util.sizeFromShape(shape as number[]) / channels : 0;
}

/** A new float32 tensor of the backend holding `values` (`[]` for a scalar). */
export function heapTensor(
  backend: WasmHeapBackend,
  shape: number[],
  values: ArrayLike<number>,
): tf.TensorInfo {
  const info = backend.makeOutput(shape, 'float32');
  backend.typedArrayFromHeap(info).set(values);
  return info;
}
