import type * as tf from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, forwardConvInfo } from './conv-info.js';
import type { WasmHeapBackend } from './heap.js';
import { im2colTransposed } from './im2col.js';
import { KernelRunner } from './run-kernel.js';

/**
 * Conv2DBackpropFilter as im2col and one matrix multiply: patchesᵀ `[kh*kw*inC, batch*outH*outW]`
 * of x times dy `[batch*outH*outW, outC]` is the filter gradient `[kh, kw, inC, outC]` (patches
 * gathered already transposed: the backend's transposed matrix multiply is slow).
 */
export function conv2dBackpropFilterKernel(backendName: string): tf.KernelConfig {
  return {
    kernelName: 'Conv2DBackpropFilter',
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const convAttrs = attrs as unknown as ConvBackpropAttrs & { filterShape: number[] };
      if (convAttrs.dataFormat === 'NCHW')
        throw new Error('Conv2DBackpropFilter: only NHWC is supported');
      const info = forwardConvInfo(x.shape, convAttrs.filterShape, convAttrs);
      const runner = new KernelRunner(backend as tf.KernelBackend, backendName);
      const result = filterGradient(runner, backend as unknown as WasmHeapBackend, x, dy, info);
      runner.dispose(result);
      return result;
    },
  };
}

function filterGradient(
  runner: KernelRunner,
  backend: WasmHeapBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { filterHeight, filterWidth, inChannels, outChannels } = info;
  const patchesT = runner.track(im2colTransposed(backend, x, info));
  const [columns, rows] = patchesT.shape as [number, number];
  const gradient = runner.run(
    'BatchMatMul',
    {
      a: runner.reshape(patchesT, [1, columns, rows]),
      b: runner.reshape(dy, [1, rows, outChannels]),
    },
    { transposeA: false, transposeB: false },
  );
  return runner.reshape(gradient, [filterHeight, filterWidth, inChannels, outChannels]);
}
