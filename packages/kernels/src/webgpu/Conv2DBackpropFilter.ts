import type * as tf from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, forwardConvInfo } from '../shared/conv-info.js';
import { KernelRunner } from '../shared/kernel-runner.js';

/**
 * Conv2DBackpropFilter as one tiled matrix product, built from the backend's own kernels: the
 * kh*kw strided views of the padded x `[batch, outH, outW, inC]`, side by side, are the patches
 * `[batch*outH*outW, kh*kw*inC]`; patchesᵀ times dy `[batch*outH*outW, outC]` is the filter
 * gradient `[kh, kw, inC, outC]`. tfjs 4.22's WebGPU kernel gives one thread to each filter
 * element, looping over batch x height x width: few threads for a first layer's small filter.
 */
export function conv2DBackpropFilterKernel(backendName: string): tf.KernelConfig {
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
      const result = filterGradient(runner, x, dy, info);
      runner.dispose(result);
      return result;
    },
  };
}

function filterGradient(
  runner: KernelRunner,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize, outHeight, outWidth, inChannels, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  const padded = runner.run(
    'PadV2',
    { x },
    {
      paddings: [
        [0, 0],
        [padInfo.top, padInfo.bottom],
        [padInfo.left, padInfo.right],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  const views: tf.TensorInfo[] = [];
  for (let row = 0; row < filterHeight; row++) {
    for (let column = 0; column < filterWidth; column++) {
      views.push(
        runner.run(
          'StridedSlice',
          { x: padded },
          {
            begin: [0, row, column, 0],
            end: [
              batchSize,
              row + (outHeight - 1) * strideHeight + 1,
              column + (outWidth - 1) * strideWidth + 1,
              inChannels,
            ],
            strides: [1, strideHeight, strideWidth, 1],
            beginMask: 0,
            endMask: 0,
            ellipsisMask: 0,
            newAxisMask: 0,
            shrinkAxisMask: 0,
          },
        ),
      );
    }
  }
  const rows = batchSize * outHeight * outWidth;
  const patches =
    views.length === 1
      ? (views[0] as tf.TensorInfo)
      : runner.run('Concat', views as unknown as Record<string, tf.TensorInfo>, { axis: 3 });
  const gradient = runner.run(
    'BatchMatMul',
    {
      a: runner.reshape(patches, [1, rows, filterHeight * filterWidth * inChannels]),
      b: runner.reshape(dy, [1, rows, outChannels]),
    },
    { transposeA: true, transposeB: false },
  );
  return runner.reshape(gradient, [filterHeight, filterWidth, inChannels, outChannels]);
}
