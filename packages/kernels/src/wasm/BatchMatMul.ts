import * as tf from '@tensorflow/tfjs-core';
import { type NativeKernels, nativeKernels, nativeProducts } from './native-kernels.js';
import { nativePlaneProducts } from './plane-products.js';
import { untransposedMatMul } from './untransposed-mat-mul.js';
import type { WasmOffsetBackend } from './wasm-backend.js';
import type { WasmKernel } from './wasm-kernel.js';

/**
 * BatchMatMul by the native products where they run on as many threads as tfjs-wasm's (its own
 * repacks the right-hand operand at every call), else tfjs-wasm's; transposed operands made
 * explicit either way (see `untransposedMatMul`).
 */
export const batchMatMulKernel: WasmKernel = {
  kernelName: 'BatchMatMul',
  wraps: (tfjsKernel) => untransposedMatMul({ ...tfjsKernel, kernelFunc: nativeOr(tfjsKernel) }),
};

/** tfjs-wasm's BatchMatMul, or `nativeMatMul` for untransposed float32 operands it covers. */
function nativeOr(tfjsKernel: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    const kernels = nativeKernels(args.backend as tf.KernelBackend);
    if (transposeA || transposeB || !kernels || !nativeProducts(kernels)) {
      return tfjsKernel.kernelFunc(args);
    }
    return (
      nativeMatMul(kernels, args.backend as unknown as WasmOffsetBackend, a, b) ??
      tfjsKernel.kernelFunc(args)
    );
  };
}

/**
 * a `[..., M, K]` x b `[..., K, N]` by `plane_products`, one plane a matrix of the batch (one of a
 * or b may have a batch of 1, broadcast); undefined outside that (other dtypes, other broadcasts,
 * empty matrices).
 */
function nativeMatMul(
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  a: tf.TensorInfo,
  b: tf.TensorInfo,
): tf.TensorInfo | undefined {
  const [M, K] = a.shape.slice(-2) as [number, number];
  const [K2, N] = b.shape.slice(-2) as [number, number];
  const outerA = a.shape.slice(0, -2);
  const outerB = b.shape.slice(0, -2);
  const batchA = tf.util.sizeFromShape(outerA);
  const batchB = tf.util.sizeFromShape(outerB);
  const outer = broadcastOuter(outerA, batchA, outerB, batchB);
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || K !== K2 || !outer) return undefined;
  if (M * K * N === 0) return undefined;
  const planes = Math.max(batchA, batchB);
  const out = backend.makeOutput([...outer, M, N], 'float32');
  const [atA, atB, atC] = [a, b, out].map((t) => backend.getMemoryOffset(t.dataId)) as number[];
  const plane = (at: number, batch: number, size: number) =>
    Array.from({ length: planes }, (_, p) => at + (batch === 1 ? 0 : 4 * p * size));
  nativePlaneProducts(
    kernels,
    backend,
    {
      a: plane(atA as number, batchA, M * K),
      b: plane(atB as number, batchB, K * N),
      c: plane(atC as number, planes, M * N),
    },
    M,
    K,
    N,
  );
  return out;
}

/** The output's batch shape: a's and b's when they are the same, else the one not of size 1. */
function broadcastOuter(
  outerA: number[],
  batchA: number,
  outerB: number[],
  batchB: number,
): number[] | undefined {
  if (outerA.length === outerB.length && outerA.every((d, i) => d === outerB[i])) return outerA;
  if (batchA === 1 && outerA.length <= outerB.length) return outerB;
  if (batchB === 1 && outerB.length <= outerA.length) return outerA;
  return undefined;
}
