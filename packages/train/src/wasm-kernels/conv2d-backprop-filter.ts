import type * as tf from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, forwardConvInfo } from './conv-info.js';
import type { WasmHeapBackend } from './heap.js';
import { im2col } from './im2col.js';
import { KernelRunner } from './run-kernel.js';

/**
 * Conv2DBackpropFilter as im2col and one matrix multiply: patches `[batch*outH*outW, kh*kw*inC]`
 * of x, and patchesᵀ · dy `[batch*outH*outW, outC]` is the filter gradient `[kh, kw, inC, outC]`
 * (patches transposed explicitly: the backend's transposed matrix multiply is slow).
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
  const patches = runner.track(im2col(backend, x, info));
  const [rows, columns] = patches.shape as [number, number];
  const patchesT = runner.run('Transpose', { x: patches }, { perm: [1, 0] });
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
