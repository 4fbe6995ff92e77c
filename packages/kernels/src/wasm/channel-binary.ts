import * as tf from '@tensorflow/tfjs-core';
import { nativeKernels } from './native-kernels.js';
import { rowsOf, type WasmOffsetBackend } from './wasm-backend.js';

/** channel_binary's operation codes: full op channel, and channel − full. */
const OPERATIONS: Record<string, number> = { Add: 0, Multiply: 1, Sub: 2 };
const FULL_MINUS_CHANNEL = OPERATIONS.Sub;
const CHANNEL_MINUS_FULL = 3;
const CHANNEL_COPY = 4;

/**
 * Add, Sub or Multiply of a tensor `[..., C]` and a per-channel one (`[C]` or `[1, ..., 1, C]`, on
 * either side) in one native pass (`channel_binary` of native/elementwise.c): bias additions,
 * BatchNorm's statistics and their gradients. tfjs-wasm's broadcasting loop runs them several
 * times slower than its plain element-wise passes. The same float32 operation on each value, so the
 * same results; every other case goes to the backend's own kernel.
 */
export function channelBinary(tfjsKernel: tf.KernelConfig): tf.KernelConfig {
  const operation = OPERATIONS[tfjsKernel.kernelName] as number;
  return {
    ...tfjsKernel,
    kernelFunc: (args) => {
      const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const kernels = nativeKernels(args.backend as tf.KernelBackend);
      if (!kernels || a.dtype !== 'float32' || b.dtype !== 'float32')
        return tfjsKernel.kernelFunc(args);
      let code: number;
      let full: tf.TensorInfo;
      let channel: tf.TensorInfo;
      if (isPerChannelOf(b, a)) [full, channel, code] = [a, b, operation];
      else if (isPerChannelOf(a, b))
        [full, channel, code] = [
          b,
          a,
          operation === FULL_MINUS_CHANNEL ? CHANNEL_MINUS_FULL : operation,
        ];
      else return tfjsKernel.kernelFunc(args);
      const heap = args.backend as unknown as WasmOffsetBackend;
      const out = heap.makeOutput(full.shape, 'float32');
      const at = (info: tf.TensorInfo) => heap.getMemoryOffset(info.dataId);
      const channels = full.shape.at(-1) as number;
      kernels.channel_binary(at(full), at(channel), at(out), rowsOf(full.shape), channels, code);
      return out;
    },
  };
}

/**
 * Tile of a per-channel tensor `[1, ..., 1, C]` along its leading axes (a broadcast, as the mean's
 * gradient asks for) in one native pass; every other Tile goes to the backend's own kernel.
 */
export function channelTile(tfjsKernel: tf.KernelConfig): tf.KernelConfig {
  return {
    ...tfjsKernel,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      const { reps } = args.attrs as unknown as { reps: number[] };
      const kernels = nativeKernels(args.backend as tf.KernelBackend);
      const channels = x.shape.at(-1) ?? 0;
      const broadcast =
        x.dtype === 'float32' &&
        channels > 0 &&
        reps.length === x.shape.length &&
        reps.at(-1) === 1 &&
        x.shape.slice(0, -1).every((d) => d === 1);
      if (!kernels || !broadcast) return tfjsKernel.kernelFunc(args);
      const heap = args.backend as unknown as WasmOffsetBackend;
      const out = heap.makeOutput(
        x.shape.map((d, i) => d * (reps[i] as number)),
        'float32',
      );
      const at = (info: tf.TensorInfo) => heap.getMemoryOffset(info.dataId);
      const rows = tf.util.sizeFromShape(reps);
      kernels.channel_binary(at(x), at(x), at(out), rows, channels, CHANNEL_COPY);
      return out;
    },
  };
}

/** Whether `channel` is `[C]` or `[1, ..., 1, C]` against `full` `[..., C]` of several rows. */
function isPerChannelOf(channel: tf.TensorInfo, full: tf.TensorInfo): boolean {
  const channels = full.shape.at(-1);
  return (
    channels !== undefined &&
    channels > 0 &&
    channel.shape.length <= full.shape.length &&
    channel.shape.at(-1) === channels &&
    channel.shape.slice(0, -1).every((d) => d === 1) &&
    tf.util.sizeFromShape(full.shape) > channels
  );
}
