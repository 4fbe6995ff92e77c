import type * as tf from '@tensorflow/tfjs-core';
import { convGeometry, type NativeKernels, nativeKernels } from './native-kernels.js';
import type { WasmHeapBackend, WasmOffsetBackend } from './wasm-backend.js';

/** Rows (output positions) gathered together: one cache line of each patch column per block. */
const BLOCK = 16;

/**
 * Gathers convolution patches straight from and into wasm memory, already transposed: patchesᵀ
 * `[kh*kw*inC, batch*outH*outW]` of x `[batch, inH, inW, inC]`, zeros where they fall in the
 * padding. One blocked pass, where the backend's Pad, strided slices, Concat and Transpose took
 * eleven: in native/convolution.c (SIMD128, 4x4 tiles transposed in registers) where tfjs-wasm's
 * memory can be reached, in JavaScript otherwise (or when `native` is false).
 */
export function im2colTransposed(
  backend: WasmHeapBackend,
  x: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  native = true,
): tf.TensorInfo {
  const kernels = native ? nativeKernels(backend as unknown as tf.KernelBackend) : undefined;
  return kernels
    ? im2colNative(kernels, backend as WasmOffsetBackend, x, info)
    : im2colJavaScript(backend, x, info);
}

function im2colNative(
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  x: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize, inChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
  const out = backend.makeOutput(
    [filterHeight * filterWidth * inChannels, batchSize * outHeight * outWidth],
    'float32',
  );
  // inC zeros (the padding's patch), then room for the kernel's table of BLOCK row pointers.
  const scratch = backend.makeOutput([inChannels + BLOCK], 'float32');
  backend.typedArrayFromHeap(scratch).fill(0);
  const zeros = backend.getMemoryOffset(scratch.dataId);
  kernels.im2col_transposed(
    backend.getMemoryOffset(x.dataId),
    backend.getMemoryOffset(out.dataId),
    zeros,
    zeros + 4 * inChannels,
    ...convGeometry(info),
  );
  backend.disposeData(scratch.dataId);
  return out;
}

function im2colJavaScript(
  backend: WasmHeapBackend,
  x: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize, outHeight, outWidth, inChannels, filterHeight, filterWidth } = info;
  const rows = batchSize * outHeight * outWidth;
  const taps = filterHeight * filterWidth;
  const out = backend.makeOutput([taps * inChannels, rows], 'float32');
  const source = backend.typedArrayFromHeap(x);
  const target = backend.typedArrayFromHeap(out);
  const starts = new Int32Array(BLOCK * taps);
  for (let first = 0; first < rows; first += BLOCK) {
    const count = Math.min(BLOCK, rows - first);
    patchStarts(info, first, count, starts);
    for (let tap = 0; tap < taps; tap++) {
      for (let c = 0; c < inChannels; c++) {
        const at = (tap * inChannels + c) * rows + first;
        for (let r = 0; r < count; r++) {
          const from = starts[r * taps + tap] as number;
          target[at + r] = from < 0 ? 0 : (source[from + c] as number);
        }
      }
    }
  }
  return out;
}

/** For `count` output positions from `first`: where each tap's inC values start in x, or -1 (padding). */
function patchStarts(
  info: tf.backend_util.Conv2DInfo,
  first: number,
  count: number,
  starts: Int32Array,
): void {
  const { inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth } = info;
  const { filterHeight, filterWidth, padInfo } = info;
  let at = 0;
  for (let row = first; row < first + count; row++) {
    const ox = row % outWidth;
    const oy = Math.floor(row / outWidth) % outHeight;
    const b = Math.floor(row / (outWidth * outHeight));
    for (let ky = 0; ky < filterHeight; ky++) {
      const y = oy * strideHeight + ky - padInfo.top;
      for (let kx = 0; kx < filterWidth; kx++, at++) {
        const xx = ox * strideWidth + kx - padInfo.left;
        const inside = y >= 0 && y < inHeight && xx >= 0 && xx < inWidth;
        starts[at] = inside ? ((b * inHeight + y) * inWidth + xx) * inChannels : -1;
      }
    }
  }
}
