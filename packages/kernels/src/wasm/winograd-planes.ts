import type * as tf from '@tensorflow/tfjs-core';
import type { KernelRunner } from '../shared/kernel-runner.js';
import type { WasmOffsetBackend } from './wasm-backend.js';

/** A zeroed tensor of n floats (the padding's values), freed with the runner's intermediates. */
export function zerosOf(
  runner: KernelRunner,
  backend: WasmOffsetBackend,
  n: number,
): tf.TensorInfo {
  const zeros = runner.track(backend.makeOutput([n], 'float32'));
  backend.typedArrayFromHeap(zeros).fill(0);
  return zeros;
}

/** The matrix products `a[k] x b[k]` on the backend (XNNPACK's, both operands untransposed). */
export function multiplyPlanes(
  runner: KernelRunner,
  a: tf.TensorInfo[],
  b: tf.TensorInfo[],
): tf.TensorInfo[] {
  return a.map((left, k) =>
    runner.run(
      'BatchMatMul',
      { a: left, b: b[k] as tf.TensorInfo },
      { transposeA: false, transposeB: false },
    ),
  );
}

/** `count` new tensors of `shape` and the offset of their table of offsets. */
export function planes(
  runner: KernelRunner,
  backend: WasmOffsetBackend,
  shape: number[],
  count: number,
): { tensors: tf.TensorInfo[]; table: number } {
  const tensors = Array.from({ length: count }, () =>
    runner.track(backend.makeOutput(shape, 'float32')),
  );
  return { tensors, table: tableOf(runner, backend, tensors) };
}

/** A tensor holding the byte offsets of `tensors` as int32 (wasm32 pointers); its offset. */
export function tableOf(
  runner: KernelRunner,
  backend: WasmOffsetBackend,
  tensors: tf.TensorInfo[],
): number {
  const table = runner.track(backend.makeOutput([tensors.length], 'float32'));
  const values = backend.typedArrayFromHeap(table);
  const offsets = new Int32Array(values.buffer, values.byteOffset, tensors.length);
  tensors.forEach((t, k) => {
    offsets[k] = backend.getMemoryOffset(t.dataId);
  });
  return backend.getMemoryOffset(table.dataId);
}
