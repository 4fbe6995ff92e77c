import type * as tf from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, forwardConvInfo } from '../shared/conv-info.js';
import { KernelRunner } from '../shared/kernel-runner.js';
import { type Phase, phaseOf } from './conv-phases.js';
import { convGeometry, type NativeKernels, nativeKernels } from './native-kernels.js';
import type { WasmHeapBackend, WasmOffsetBackend } from './wasm-backend.js';
import type { WasmKernel } from './wasm-kernel.js';
import { stridedWinogradApplies } from './winograd-strided.js';
import { stridedWinogradTransposedConv } from './winograd-strided-transposed.js';

/**
 * Conv2DBackpropInput (the forward pass of Conv2DTranspose) composed of the backend's fast paths.
 * From a 1x1 dy that the filter covers exactly (z to 4x4), one product of the filter with dyᵀ.
 * Strided, or from another 1x1 dy (a discriminator's verdict, whose phase would be a convolution
 * over mostly padding), where the native kernels run: one matrix product of dy
 * `[batch*outH*outW, outC]` with the filter as `[outC, kh*kw*inC]`, whose rows native/convolution.c
 * adds into dx `[batch, inH, inW, inC]` at their taps' places (the product runs at the backend's
 * full speed, where the phases below are small convolutions). Otherwise the output's stride x
 * stride phases are each a stride-1 convolution of dy with a sub-filter, and one transpose
 * interleaves them into dx.
 * Falls back to the backend's own kernel for unequal strides or NCHW.
 */
export const conv2DBackpropInputKernel: WasmKernel = {
  kernelName: 'Conv2DBackpropInput',
  wraps: (tfjsKernel) => ({
    ...tfjsKernel,
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = args;
      const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
      const convAttrs = attrs as unknown as ConvBackpropAttrs & { inputShape: number[] };
      const info = forwardConvInfo(convAttrs.inputShape, filter.shape, convAttrs);
      if (convAttrs.dataFormat === 'NCHW' || info.strideHeight !== info.strideWidth)
        return tfjsKernel.kernelFunc(args);
      const runner = new KernelRunner(backend as tf.KernelBackend, tfjsKernel.backendName);
      const heap = backend as unknown as WasmHeapBackend;
      const kernels =
        info.strideHeight > 1 || (info.outHeight === 1 && info.outWidth === 1)
          ? nativeKernels(backend as tf.KernelBackend)
          : undefined;
      const offsets = heap as WasmOffsetBackend;
      const result = fromOnePixel(info)
        ? onePixelTransposedConv(runner, dy, filter, info)
        : !kernels
          ? phasedTransposedConv(runner, heap, dy, filter, info)
          : stridedWinogradApplies(info)
            ? stridedWinogradTransposedConv(runner, kernels, offsets, dy, filter, info)
            : productTransposedConv(runner, kernels, offsets, dy, filter, info);
      runner.dispose(result);
      return result;
    },
  }),
};

/**
 * Whether dy has one pixel and the filter covers dx exactly, unpadded (a generator's first layer,
 * z to 4x4): dx is then the filter `[kh*kw*inC, outC]` times dyᵀ `[outC, batch]`, transposed.
 * That transposes `[kh*kw*inC, batch]` where `productTransposedConv` transposes and packs the
 * filter, so it takes more dy channels than images (not a discriminator's last layer, one channel).
 */
function fromOnePixel(info: tf.backend_util.Conv2DInfo): boolean {
  const { outHeight, outWidth, inHeight, inWidth, filterHeight, filterWidth, padInfo } = info;
  return (
    info.outChannels > info.batchSize &&
    outHeight === 1 &&
    outWidth === 1 &&
    inHeight === filterHeight &&
    inWidth === filterWidth &&
    padInfo.top === 0 &&
    padInfo.left === 0 &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1
  );
}

/**
 * The transposed convolution of `fromOnePixel` geometry: the filter is the product's left-hand
 * operand as it lies, so the backend packs only dyᵀ, where `productTransposedConv` would transpose
 * and pack the whole filter.
 */
function onePixelTransposedConv(
  runner: KernelRunner,
  dy: tf.TensorInfo,
  filter: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outChannels } = info;
  const columns = info.filterHeight * info.filterWidth * inChannels;
  const dyT = runner.run(
    'Transpose',
    { x: runner.reshape(dy, [batchSize, outChannels]) },
    { perm: [1, 0] },
  );
  const product = runner.run(
    'BatchMatMul',
    {
      a: runner.reshape(filter, [1, columns, outChannels]),
      b: runner.reshape(dyT, [1, outChannels, batchSize]),
    },
    { transposeA: false, transposeB: false },
  );
  const dx = runner.run(
    'Transpose',
    { x: runner.reshape(product, [columns, batchSize]) },
    { perm: [1, 0] },
  );
  return runner.reshape(dx, [batchSize, inHeight, inWidth, inChannels]);
}

function productTransposedConv(
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  dy: tf.TensorInfo,
  filter: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth } = info;
  const columns = filterHeight * filterWidth * inChannels;
  const filterT = runner.run(
    'Transpose',
    { x: runner.reshape(filter, [columns, outChannels]) },
    { perm: [1, 0] },
  );
  const cols = runner.run(
    'BatchMatMul',
    {
      a: runner.reshape(dy, [1, batchSize * outHeight * outWidth, outChannels]),
      b: runner.reshape(filterT, [1, outChannels, columns]),
    },
    { transposeA: false, transposeB: false },
  );
  const dx = backend.makeOutput([batchSize, inHeight, inWidth, inChannels], 'float32');
  kernels.col2im_add(
    backend.getMemoryOffset(cols.dataId),
    backend.getMemoryOffset(dx.dataId),
    ...convGeometry(info),
  );
  return dx;
}

function phasedTransposedConv(
  runner: KernelRunner,
  heap: WasmHeapBackend,
  dy: tf.TensorInfo,
  filter: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const {
    strideHeight: s,
    inHeight,
    inWidth,
    outHeight,
    outWidth,
    padInfo,
    batchSize,
    inChannels,
  } = info;
  const phases: tf.TensorInfo[] = [];
  for (let py = 0; py < s; py++) {
    for (let px = 0; px < s; px++) {
      const rows = phaseOf(py, padInfo.top, s, info.filterHeight);
      const cols = phaseOf(px, padInfo.left, s, info.filterWidth);
      const size = [Math.ceil(inHeight / s), Math.ceil(inWidth / s)];
      if (rows.taps === 0 || cols.taps === 0) {
        phases.push(
          runner.run(
            'Fill',
            {},
            { shape: [batchSize, size[0], size[1], inChannels], value: 0, dtype: 'float32' },
          ),
        );
        continue;
      }
      const subFilter = runner.track(phaseFilter(heap, filter, [rows, cols], s));
      phases.push(
        phaseConv(runner, dy, subFilter, [rows, cols], size as [number, number], [
          outHeight,
          outWidth,
        ]),
      );
    }
  }
  if (s === 1) return phases[0] as tf.TensorInfo;
  return interleavePhases(runner, phases, info);
}

/**
 * Interleaves the phases `[b, h, w, C]` (in (py, px) order) into `[b, inH, inW, C]`:
 * [b, h, w, (py, px, C)] -> [b*h, w, py, px, C] -> [b*h, py, w, px, C] -> [b, h*s, w*s, C], cropped
 * to the output when it is not a multiple of the stride. The backend's DepthToSpace does the same
 * more slowly.
 */
function interleavePhases(
  runner: KernelRunner,
  phases: tf.TensorInfo[],
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { strideHeight: s, inHeight, inWidth, batchSize, inChannels } = info;
  const [h, w] = [Math.ceil(inHeight / s), Math.ceil(inWidth / s)];
  const stacked = runner.run('Concat', phases as unknown as Record<string, tf.TensorInfo>, {
    axis: 3,
  });
  const split = runner.reshape(stacked, [batchSize * h, w, s, s, inChannels]);
  const interleaved = runner.run('Transpose', { x: split }, { perm: [0, 2, 1, 3, 4] });
  const whole = runner.reshape(interleaved, [batchSize, h * s, w * s, inChannels]);
  if (h * s === inHeight && w * s === inWidth) return whole;
  return runner.run(
    'Slice',
    { x: whole },
    { begin: [0, 0, 0, 0], size: [batchSize, inHeight, inWidth, inChannels] },
  );
}

/** A stride-1 convolution giving one phase's `size` outputs, padding or cropping dy as needed. */
function phaseConv(
  runner: KernelRunner,
  dy: tf.TensorInfo,
  subFilter: tf.TensorInfo,
  [rows, cols]: [Phase, Phase],
  size: [number, number],
  dySize: [number, number],
): tf.TensorInfo {
  const pads = [rows, cols].map((p, axis) => {
    const before = Math.max(0, -p.firstOffset);
    const offset = Math.max(0, p.firstOffset);
    const after = Math.max(
      0,
      offset + (size[axis] as number) - (dySize[axis] as number) - before + p.taps - 1,
    );
    return { before, after, offset };
  }) as [
    { before: number; after: number; offset: number },
    { before: number; after: number; offset: number },
  ];
  const out = runner.run(
    'Conv2D',
    { x: dy, filter: subFilter },
    {
      strides: [1, 1],
      pad: [
        [0, 0],
        [pads[0].before, pads[0].after],
        [pads[1].before, pads[1].after],
        [0, 0],
      ],
      dataFormat: 'NHWC',
      dilations: [1, 1],
    },
  );
  const [, height, width] = out.shape as number[];
  if (pads[0].offset === 0 && pads[1].offset === 0 && height === size[0] && width === size[1])
    return out;
  const shape = out.shape as number[];
  return runner.run(
    'Slice',
    { x: out },
    { begin: [0, pads[0].offset, pads[1].offset, 0], size: [shape[0], size[0], size[1], shape[3]] },
  );
}

/**
 * The stride-1 filter of one phase, gathered in JavaScript straight from wasm memory: the taps
 * `firstTap + t * stride` of the filter `[kh, kw, inC, outC]` reversed along kh and kw, with its
 * channels swapped: `[taps, taps, outC, inC]`. (Reverse, StridedSlice and Transpose kernels took
 * a third of the transposed convolution's time.)
 */
function phaseFilter(
  heap: WasmHeapBackend,
  filter: tf.TensorInfo,
  [rows, cols]: [Phase, Phase],
  stride: number,
): tf.TensorInfo {
  const [height, width, inChannels, outChannels] = filter.shape as [number, number, number, number];
  const out = heap.makeOutput([rows.taps, cols.taps, outChannels, inChannels], 'float32');
  const source = heap.typedArrayFromHeap(filter);
  const target = heap.typedArrayFromHeap(out);
  const block = inChannels * outChannels;
  let at = 0;
  for (let tr = 0; tr < rows.taps; tr++) {
    const ky = height - 1 - (rows.firstTap + tr * stride);
    for (let tc = 0; tc < cols.taps; tc++) {
      const kx = width - 1 - (cols.firstTap + tc * stride);
      const from = (ky * width + kx) * block;
      for (let o = 0; o < outChannels; o++) {
        for (let i = 0; i < inChannels; i++, at++) {
          target[at] = source[from + i * outChannels + o] as number;
        }
      }
    }
  }
  return out;
}
