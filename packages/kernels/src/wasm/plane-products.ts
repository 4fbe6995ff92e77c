import type { NativeKernels } from './native-kernels.js';
import type { WasmOffsetBackend } from './wasm-backend.js';

/**
 * c[p] = a[p] x b[p] by the native `plane_products`, given the byte offsets of each plane's
 * `[M, K]`, `[K, N]` and `[M, N]` matrices (a plane's may repeat): one temporary tensor holds the
 * three tables of offsets and the products' scratch.
 */
export function nativePlaneProducts(
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  offsets: { a: number[]; b: number[]; c: number[] },
  M: number,
  K: number,
  N: number,
): void {
  const planes = offsets.c.length;
  const tables = backend.makeOutput([3 * planes + 16 * K], 'float32');
  const heap = backend.typedArrayFromHeap(tables);
  new Int32Array(heap.buffer, heap.byteOffset, 3 * planes).set([
    ...offsets.a,
    ...offsets.b,
    ...offsets.c,
  ]);
  const at = backend.getMemoryOffset(tables.dataId);
  kernels.plane_products(at, at + 4 * planes, at + 8 * planes, planes, M, K, N, at + 12 * planes);
  backend.disposeData(tables.dataId);
}
