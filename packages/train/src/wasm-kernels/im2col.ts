import type * as tf from '@tensorflow/tfjs-core';
import type { WasmHeapBackend } from './heap.js';

/**
 * Gathers convolution patches in JavaScript, straight from and into wasm memory:
 * patches `[batch*outH*outW, kh*kw*inC]` of x `[batch, inH, inW, inC]`, zeros where they fall in the
 * padding. One pass that copies rows of `inC` floats, where the backend's Pad, strided slices and
 * Concat took ten passes and most of the filter gradient's time.
 */
export function im2col(
  backend: WasmHeapBackend,
  x: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const {
    batchSize,
    inHeight,
    inWidth,
    inChannels,
    outHeight,
    outWidth,
    strideHeight,
    strideWidth,
  } = info;
  const { filterHeight, filterWidth, padInfo } = info;
  const columns = filterHeight * filterWidth * inChannels;
  const out = backend.makeOutput([batchSize * outHeight * outWidth, columns], 'float32');
  const source = backend.typedArrayFromHeap(x);
  const target = backend.typedArrayFromHeap(out);
  let row = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++, row++) {
        let at = row * columns;
        for (let ky = 0; ky < filterHeight; ky++) {
          const y = oy * strideHeight + ky - padInfo.top;
          for (let kx = 0; kx < filterWidth; kx++, at += inChannels) {
            const xx = ox * strideWidth + kx - padInfo.left;
            if (y < 0 || y >= inHeight || xx < 0 || xx >= inWidth) {
              target.fill(0, at, at + inChannels);
            } else {
              const from = ((b * inHeight + y) * inWidth + xx) * inChannels;
              if (inChannels === 1) target[at] = source[from] as number;
              else target.set(source.subarray(from, from + inChannels), at);
            }
          }
        }
      }
    }
  }
  return out;
}
