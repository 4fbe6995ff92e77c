import * as tf from '@tensorflow/tfjs-core';
import { KernelRunner } from '../shared/kernel-runner.js';
import { nativeKernels } from './native-kernels.js';
import { heapTensor, type WasmHeapBackend, type WasmOffsetBackend } from './wasm-backend.js';
import type { WasmKernel } from './wasm-kernel.js';

/**
 * LeakyRelu in one native pass (`leaky_relu` of native/elementwise.c: tfjs's values exactly).
 * Without the native kernels, as (1 − alpha) · relu(x) + alpha · x: four XNNPACK element-wise
 * passes, which beat tfjs-wasm's own loop (equal for x ≤ 0, within one rounding for x > 0).
 */
export const leakyReluKernel: WasmKernel = {
  kernelName: 'LeakyRelu',
  wraps: (tfjsKernel) => ({
    ...tfjsKernel,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      const { alpha } = args.attrs as unknown as { alpha: number };
      if (x.dtype !== 'float32') return tfjsKernel.kernelFunc(args);
      const kernels = nativeKernels(args.backend as tf.KernelBackend);
      if (kernels) {
        const backend = args.backend as unknown as WasmOffsetBackend;
        const out = backend.makeOutput(x.shape, 'float32');
        const at = (info: tf.TensorInfo) => backend.getMemoryOffset(info.dataId);
        kernels.leaky_relu(at(x), at(out), tf.util.sizeFromShape(x.shape), alpha);
        return out;
      }
      const backend = args.backend as unknown as WasmHeapBackend;
      const runner = new KernelRunner(args.backend as tf.KernelBackend, tfjsKernel.backendName);
      const scalar = (value: number) => runner.track(heapTensor(backend, [], [value]));
      const positive = runner.run('Multiply', {
        a: runner.run('Relu', { x }),
        b: scalar(1 - alpha),
      });
      const out = runner.run('Add', {
        a: positive,
        b: runner.run('Multiply', { a: x, b: scalar(alpha) }),
      });
      runner.dispose(out);
      return out;
    },
  }),
};
