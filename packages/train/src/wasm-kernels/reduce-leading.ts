import * as tf from '@tensorflow/tfjs-core';
import type { WasmHeapBackend } from './heap.js';

/**
 * Sum or Mean over the leading axes of a float32 tensor (`[0, 1, 2]` of NHWC: what BatchNorm and
 * bias gradients ask for) as one pass of column sums in JavaScript, straight from wasm memory:
 * x `[rows, columns]` -> `[columns]`. tfjs-wasm transposes the reduced axes to the end first, which
 * took most of the time. Other reductions go to the backend's own kernel.
 */
export function leadingReductionKernel(
  native: tf.KernelConfig,
  kind: 'Sum' | 'Mean',
): tf.KernelConfig {
  return {
    ...native,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
      const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
      const leading = axes.length > 0 && axes.every((a, i) => a === i);
      if (x.dtype !== 'float32' || !leading) return native.kernelFunc(args);
      const backend = args.backend as unknown as WasmHeapBackend;
      const rows = tf.util.sizeFromShape(x.shape.slice(0, axes.length));
      const kept = x.shape.slice(axes.length);
      const shape = keepDims ? [...axes.map(() => 1), ...kept] : kept;
      const out = backend.makeOutput(shape, 'float32');
      columnSums(
        backend.typedArrayFromHeap(x),
        rows,
        backend.typedArrayFromHeap(out),
        kind === 'Mean',
      );
      return out;
    },
  };
}

/** Writes the sums (or means) of the columns of `source` `[rows, target.length]` into `target`. */
function columnSums(source: Float32Array, rows: number, target: Float32Array, mean: boolean) {
  const columns = target.length;
  const sums = new Float64Array(columns);
  for (let r = 0, at = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++, at++) sums[c] = (sums[c] as number) + (source[at] as number);
  }
  const scale = mean ? 1 / rows : 1;
  for (let c = 0; c < columns; c++) target[c] = (sums[c] as number) * scale;
}
