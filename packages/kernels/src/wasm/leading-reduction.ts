import * as tf from '@tensorflow/tfjs-core';
import { KernelRunner } from '../shared/kernel-runner.js';
import type { WasmHeapBackend } from './wasm-backend.js';

/**
 * The most columns pooled at once: 16,384 pool correctly over windows of 2 to 4,096 rows, while
 * 25,088 and more read out of tfjs-wasm's memory (XNNPACK's pooling keeps a row on the stack).
 */
export const MAX_POOLED_COLUMNS = 16384;

/**
 * Sum or Mean over the leading axes of a float32 tensor (`[0, 1, 2]` of NHWC: what BatchNorm and
 * bias gradients ask for) as one average pooling over a window that covers them all: x viewed as
 * `[1, outer, inner, columns]` -> `[columns]`, where `inner` is the last reduced axis. XNNPACK's
 * pooling reads memory once, where tfjs-wasm's own reduction transposes the reduced axes to the
 * end first. Other reductions, windows of one element and more than `MAX_POOLED_COLUMNS` columns go
 * to tfjs-wasm's own kernel.
 */
export function leadingReduction(tfjsKernel: tf.KernelConfig): tf.KernelConfig {
  const kind = tfjsKernel.kernelName;
  return {
    ...tfjsKernel,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
      const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
      const leading = axes.length > 0 && axes.every((a, i) => a === i);
      const reduced = x.shape.slice(0, axes.length);
      const rows = tf.util.sizeFromShape(reduced);
      const kept = x.shape.slice(axes.length);
      const columns = tf.util.sizeFromShape(kept);
      if (x.dtype !== 'float32' || !leading || rows < 2 || columns > MAX_POOLED_COLUMNS)
        return tfjsKernel.kernelFunc(args);
      const inner = reduced.at(-1) as number;
      const window = [rows / inner, inner] as [number, number];
      const runner = new KernelRunner(args.backend as tf.KernelBackend, tfjsKernel.backendName);
      const pooled = runner.run(
        'AvgPool',
        { x: runner.reshape(x, [1, ...window, columns]) },
        { filterSize: window, strides: window, pad: 'valid' },
      );
      if (kind === 'Sum') {
        const values = (args.backend as unknown as WasmHeapBackend).typedArrayFromHeap(pooled);
        for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * rows;
      }
      const out = runner.reshape(pooled, keepDims ? [...axes.map(() => 1), ...kept] : kept);
      runner.dispose(out);
      return out;
    },
  };
}
