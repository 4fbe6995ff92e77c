import type * as tf from '@tensorflow/tfjs-core';
import { nativeKernels } from './native-kernels.js';
import { rowsOf, type WasmOffsetBackend } from './wasm-backend.js';
import type { WasmKernel } from './wasm-kernel.js';

/** The kernel behind BatchNorm's gradient where a backend registers it (wasm). */
export const BATCH_NORM_GRADIENT = 'DcganBatchNormGradient';

/**
 * BatchNorm's gradient over its full-size tensors in one pass: from dy and x `[..., C]`, mean and
 * factor `[C]` (scale / sqrt(variance + ε)), it returns dx = dy · factor `[..., C]` and, per
 * channel, the sums of dy and of dy · (x − mean) `[C]`. Native (`batch_norm_gradient` of
 * native/elementwise.c), or the same loops in JavaScript without the native kernels.
 */
export const dcganBatchNormGradientKernel: WasmKernel = {
  kernelName: 'DcganBatchNormGradient',
  adds: (backendName) => ({
    kernelName: BATCH_NORM_GRADIENT,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const { dy, x, mean, factor } = inputs as Record<string, tf.TensorInfo>;
      const heap = backend as unknown as WasmOffsetBackend;
      const channels = mean?.shape[0] as number;
      const rows = rowsOf((x as tf.TensorInfo).shape);
      const outputs = [x, mean, mean].map((like) =>
        heap.makeOutput((like as tf.TensorInfo).shape, 'float32'),
      ) as [tf.TensorInfo, tf.TensorInfo, tf.TensorInfo];
      const tensors = [dy, x, mean, factor, ...outputs] as tf.TensorInfo[];
      const kernels = nativeKernels(backend as tf.KernelBackend);
      if (kernels) {
        const at = tensors.map((info) => heap.getMemoryOffset(info.dataId));
        kernels.batch_norm_gradient(...(at as Seven), rows, channels);
      } else {
        const [dyV, xV, meanV, factorV, dxV, sumDyV, sumDyCentredV] = tensors.map((info) =>
          heap.typedArrayFromHeap(info),
        ) as Float32Array[] as Seven<Float32Array>;
        sumDyV.fill(0);
        sumDyCentredV.fill(0);
        for (let i = 0; i < rows * channels; i++) {
          const c = i % channels;
          const d = dyV[i] as number;
          sumDyV[c] = (sumDyV[c] as number) + d;
          sumDyCentredV[c] =
            (sumDyCentredV[c] as number) + d * ((xV[i] as number) - (meanV[c] as number));
          dxV[i] = d * (factorV[c] as number);
        }
      }
      return outputs;
    },
  }),
};

type Seven<T = number> = [T, T, T, T, T, T, T];
