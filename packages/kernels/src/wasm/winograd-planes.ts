import type * as tf from '@tensorflow/tfjs-core';
import type { KernelRunner } from '../shared/kernel-runner.js';
import { type NativeKernels, nativeProducts } from './native-kernels.js';
import { nativePlaneProducts } from './plane-products.js';
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

/**
 * The matrix products `a[k] x b[k]` (`[1, M, K] x [1, K, N]`): the native kernels' where they run on
 * as many threads as tfjs-wasm's, else tfjs-wasm's (XNNPACK's).
 */
export function multiplyPlanes(
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  a: tf.TensorInfo[],
  b: tf.TensorInfo[],
): tf.TensorInfo[] {
  const [, M, K] = (a[0] as tf.TensorInfo).shape as number[];
  const N = ((b[0] as tf.TensorInfo).shape as number[])[2] as number;
  if (!nativeProducts(kernels)) {
    return a.map((left, k) =>
      runner.run(
        'BatchMatMul',
        { a: left, b: b[k] as tf.TensorInfo },
        { transposeA: false, transposeB: false },
      ),
    );
  }
  const products = a.map(() => runner.track(backend.makeOutput([1, M as number, N], 'float32')));
  const offsets = (tensors: tf.TensorInfo[]) =>
    tensors.map((t) => backend.getMemoryOffset(t.dataId));
  nativePlaneProducts(
    kernels,
    backend,
    { a: offsets(a), b: offsets(b), c: offsets(products) },
    M as number,
    K as number,
    N,
  );
  return products;
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
