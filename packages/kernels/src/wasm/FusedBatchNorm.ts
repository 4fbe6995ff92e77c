import type * as tf from '@tensorflow/tfjs-core';
import { KernelRunner } from '../shared/kernel-runner.js';
import { nativeKernels } from './native-kernels.js';
import { heapTensor, rowsOf, type WasmOffsetBackend } from './wasm-backend.js';
import type { WasmKernel } from './wasm-kernel.js';

/**
 * FusedBatchNorm over the last axis as (x − mean) · a + offset, with a = scale / sqrt(variance + ε)
 * worked out per channel first: one native pass (`batch_norm` of native/elementwise.c), or without
 * the native kernels three XNNPACK element-wise passes, which beat tfjs-wasm's own loop. Statistics of any other shape go to the backend's own kernel.
 */
export const fusedBatchNormKernel: WasmKernel = {
  kernelName: 'FusedBatchNorm',
  wraps: (tfjsKernel) => ({
    ...tfjsKernel,
    kernelFunc: (args) => {
      const { x, mean, variance, offset, scale } = args.inputs as {
        x: tf.TensorInfo;
        mean: tf.TensorInfo;
        variance: tf.TensorInfo;
        offset?: tf.TensorInfo;
        scale?: tf.TensorInfo;
      };
      const { varianceEpsilon } = args.attrs as unknown as { varianceEpsilon: number };
      const channels = x.shape.at(-1) as number;
      const allFloat32 = [x, mean, variance, offset, scale].every(
        (t) => t === undefined || t.dtype === 'float32',
      );
      const perChannel = [mean, variance, offset, scale].every(
        (t) => t === undefined || t.shape.join() === `${channels}`,
      );
      if (!allFloat32 || !perChannel) return tfjsKernel.kernelFunc(args);
      const backend = args.backend as unknown as WasmOffsetBackend;
      const variances = backend.typedArrayFromHeap(variance);
      const scales = scale && backend.typedArrayFromHeap(scale);
      const factors = new Float32Array(channels);
      for (let c = 0; c < channels; c++) {
        factors[c] =
          (scales ? (scales[c] as number) : 1) /
          Math.sqrt((variances[c] as number) + varianceEpsilon);
      }
      const factor = heapTensor(backend, [channels], factors);
      const kernels = nativeKernels(args.backend as tf.KernelBackend);
      if (kernels) {
        const out = backend.makeOutput(x.shape, 'float32');
        const at = (info: tf.TensorInfo | undefined) =>
          info ? backend.getMemoryOffset(info.dataId) : 0;
        kernels.batch_norm(
          at(x),
          at(mean),
          at(factor),
          at(offset),
          offset ? 1 : 0,
          at(out),
          rowsOf(x.shape),
          channels,
        );
        backend.disposeData(factor.dataId);
        return out;
      }
      const runner = new KernelRunner(args.backend as tf.KernelBackend, tfjsKernel.backendName);
      const centred = runner.run('Sub', { a: x, b: mean });
      const scaled = runner.run('Multiply', { a: centred, b: runner.track(factor) });
      const out = offset ? runner.run('Add', { a: scaled, b: offset }) : scaled;
      runner.dispose(out);
      return out;
    },
  }),
};
