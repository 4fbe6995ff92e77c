import * as tf from '@tensorflow/tfjs-core';
import { KernelRunner } from './run-kernel.js';

/**
 * Conv2DBackpropFilter composed of the backend's fast kernels (im2col and one MatMul):
 * for each filter tap (kh, kw), a strided slice of the padded input `[batch, outH, outW, inC]`;
 * the taps side by side give patches `[batch*outH*outW, kh*kw*inC]`, and
 * patchesᵀ · dy `[batch*outH*outW, outC]` is the filter gradient `[kh, kw, inC, outC]`.
 */
export function conv2dBackpropFilterKernel(backendName: string): tf.KernelConfig {
  return {
    kernelName: 'Conv2DBackpropFilter',
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as {
        strides: [number, number] | number;
        pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
        dataFormat: 'NHWC' | 'NCHW';
        dimRoundingMode?: 'floor' | 'round' | 'ceil';
        filterShape: [number, number, number, number];
      };
      if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter: only NHWC is supported');
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        filterShape,
        strides,
        1,
        pad,
        dimRoundingMode,
        false,
        tf.backend_util.convertConv2DDataFormat(dataFormat),
      );
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
  const { batchSize, inChannels, outChannels, outHeight, outWidth, strideHeight, strideWidth } =
    info;
  const { filterHeight, filterWidth, padInfo } = info;
  const needHeight = (outHeight - 1) * strideHeight + filterHeight;
  const needWidth = (outWidth - 1) * strideWidth + filterWidth;
  const padded = runner.run(
    'PadV2',
    { x },
    {
      paddings: [
        [0, 0],
        [padInfo.top, Math.max(0, needHeight - info.inHeight - padInfo.top)],
        [padInfo.left, Math.max(0, needWidth - info.inWidth - padInfo.left)],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  const taps: tf.TensorInfo[] = [];
  for (let kh = 0; kh < filterHeight; kh++) {
    for (let kw = 0; kw < filterWidth; kw++) {
      taps.push(
        runner.run(
          'StridedSlice',
          { x: padded },
          {
            begin: [0, kh, kw, 0],
            end: [
              batchSize,
              kh + (outHeight - 1) * strideHeight + 1,
              kw + (outWidth - 1) * strideWidth + 1,
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
    taps.length === 1
      ? (taps[0] as tf.TensorInfo)
      : runner.run('Concat', taps as unknown as Record<string, tf.TensorInfo>, { axis: 3 });
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
