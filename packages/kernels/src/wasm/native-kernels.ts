import type * as tf from '@tensorflow/tfjs-core';
import { NativeHelper } from './native-helper.js';
import { NATIVE_PLAIN, NATIVE_SHARED } from './native-module.generated.js';

/**
 * The geometry of a convolution x `[batch, inH, inW, inC]` -> `[batch, outH, outW, outC]` as the
 * native kernels take it: batch, inH, inW, inC, outH, outW, kh, kw, strides, top and left padding.
 */
export type ConvGeometry = [
  batch: number,
  inHeight: number,
  inWidth: number,
  inChannels: number,
  outHeight: number,
  outWidth: number,
  filterHeight: number,
  filterWidth: number,
  strideHeight: number,
  strideWidth: number,
  padTop: number,
  padLeft: number,
];

/** `ConvGeometry` of tfjs's convolution info. */
export function convGeometry(info: tf.backend_util.Conv2DInfo): ConvGeometry {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, padInfo } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  return [
    batchSize,
    inHeight,
    inWidth,
    inChannels,
    outHeight,
    outWidth,
    filterHeight,
    filterWidth,
  ].concat([strideHeight, strideWidth, padInfo.top, padInfo.left]) as ConvGeometry;
}

/** A filter gradient dW `[kh, kw, inC, outC]` of x and dy accumulated straight (pointers). */
type DirectFilterGradient = (
  x: number,
  dy: number,
  dw: number,
  outC: number,
  ...geometry: ConvGeometry
) => void;

/**
 * The exports of native/*.c (pointers are byte offsets in
 * tfjs-wasm's memory).
 */
export interface NativeKernels {
  im2col_transposed(
    x: number,
    out: number,
    zeros: number,
    table: number,
    ...geometry: ConvGeometry
  ): void;
  col2im_add(cols: number, dx: number, ...geometry: ConvGeometry): void;
  winograd_filter(filter: number, planes: number, inC: number, outC: number): void;
  winograd_input(
    x: number,
    planes: number,
    zeros: number,
    batch: number,
    inH: number,
    inW: number,
    inC: number,
    tilesH: number,
    tilesW: number,
    padTop: number,
    padLeft: number,
    transposed: number,
  ): void;
  winograd_output(
    planes: number,
    y: number,
    batch: number,
    outH: number,
    outW: number,
    outC: number,
    tilesH: number,
    tilesW: number,
  ): void;
  winograd_output_gradient(
    dy: number,
    planes: number,
    zeros: number,
    batch: number,
    outH: number,
    outW: number,
    outC: number,
    tilesH: number,
    tilesW: number,
  ): void;
  winograd_filter_gradient(planes: number, dw: number, inC: number, outC: number): void;
  winograd42_taps(
    filter: number,
    planes: number,
    inC: number,
    outC: number,
    top: number,
    left: number,
    step: number,
    rowLength: number,
    column: number,
    transposed: number,
  ): void;
  winograd42_input(
    x: number,
    planes: number,
    zeros: number,
    batch: number,
    inH: number,
    inW: number,
    inC: number,
    phases: number,
    tilesH: number,
    tilesW: number,
    padTop: number,
    padLeft: number,
  ): void;
  winograd42_input_transposed(
    x: number,
    planes: number,
    batch: number,
    inH: number,
    inW: number,
    inC: number,
    phases: number,
    tilesH: number,
    tilesW: number,
    padTop: number,
    padLeft: number,
  ): void;
  winograd42_output(
    planes: number,
    y: number,
    batch: number,
    outH: number,
    outW: number,
    outC: number,
    tilesH: number,
    tilesW: number,
    step: number,
    rowOffset: number,
    columnOffset: number,
    transposed: number,
  ): void;
  winograd42_output_gradient(
    dy: number,
    planes: number,
    zeros: number,
    batch: number,
    outH: number,
    outW: number,
    outC: number,
    tilesH: number,
    tilesW: number,
  ): void;
  winograd42_filter_gradient(planes: number, dw: number, inC: number, outC: number): void;
  /**
   * c[p] = a[p] x b[p] `[M, K] x [K, N]` for `planes` planes (a, b, c: tables of pointers), with
   * 16 K floats of scratch.
   */
  plane_products(
    a: number,
    b: number,
    c: number,
    planes: number,
    M: number,
    K: number,
    N: number,
    scratch: number,
  ): void;
  filter_gradient_direct: DirectFilterGradient;
  filter_gradient_few_channels: DirectFilterGradient;
  leaky_relu(x: number, out: number, size: number, alpha: number): void;
  tanh_values(x: number, out: number, size: number): void;
  channel_binary(
    full: number,
    channel: number,
    out: number,
    rows: number,
    channels: number,
    operation: number,
  ): void;
  batch_norm(
    x: number,
    mean: number,
    factor: number,
    offset: number,
    hasOffset: number,
    out: number,
    rows: number,
    channels: number,
  ): void;
  batch_norm_gradient(
    dy: number,
    x: number,
    mean: number,
    factor: number,
    dx: number,
    sumDy: number,
    sumDyCentred: number,
    rows: number,
    channels: number,
  ): void;
  /** The helper thread that shares the kernels of `SHARED_WORK`, where one runs. */
  helper?: NativeHelper | undefined;
  /**
   * Whether `plane_products` runs on as many threads as tfjs-wasm's matrix product (one, or two
   * with the helper), and so beats it: tfjs-wasm repacks the right-hand operand at every call.
   */
  ownProducts: boolean;
  adam_update(
    value: number,
    m: number,
    v: number,
    gradient: number,
    newValue: number,
    newM: number,
    newV: number,
    size: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    oneMinusAccBeta1: number,
    oneMinusAccBeta2: number,
    negativeRate: number,
    epsilon: number,
  ): void;
}

/** The parts of tfjs-wasm's Emscripten module where its memory can be found, by build. */
interface EmscriptenModule {
  tfjs?: { getThreadsCount?: () => number };
  wasmMemory?: WebAssembly.Memory;
  asm?: { memory?: WebAssembly.Memory };
  wasmExports?: { memory?: WebAssembly.Memory };
}

const instances = new WeakMap<object, NativeKernels | null>();
let enabled = true;

/**
 * Turns the native kernels off (or back on): the kernels then take their JavaScript paths. For
 * tests of those paths, and for comparing the two.
 */
export function useNativeKernels(use: boolean): void {
  enabled = use;
}

let productsEnabled = true;

/**
 * Leaves the Winograd planes' products to tfjs-wasm (or gives them back to the native kernels
 * where they run on as many threads): for tests of that path, and for comparing the two.
 */
export function useNativeProducts(use: boolean): void {
  productsEnabled = use;
}

/** Whether the Winograd planes' products run natively (`plane_products`) rather than on XNNPACK. */
export function nativeProducts(kernels: NativeKernels): boolean {
  return productsEnabled && kernels.ownProducts;
}

/**
 * The kernels of native/*.c, instantiated once a backend in tfjs-wasm's own memory (shared in
 * its threaded build), so that they read and write its tensors in place. Undefined where that
 * memory cannot be reached (another build of tfjs-wasm): callers then use their JavaScript path.
 */
export function nativeKernels(backend: tf.KernelBackend): NativeKernels | undefined {
  const module = (backend as unknown as { wasm?: EmscriptenModule }).wasm;
  if (!module || !enabled) return undefined;
  let kernels = instances.get(module);
  if (kernels === undefined) {
    kernels = instantiate(module);
    instances.set(module, kernels);
  }
  return kernels ?? undefined;
}

function instantiate(module: EmscriptenModule): NativeKernels | null {
  const memory = module.wasmMemory ?? module.asm?.memory ?? module.wasmExports?.memory;
  const threads = module.tfjs?.getThreadsCount?.() ?? 1;
  return memory instanceof WebAssembly.Memory ? kernelsIn(memory, threads) : null;
}

/**
 * The native kernels in `memory`, for a tfjs-wasm running `threads` threads: those that
 * `SHARED_WORK` names shared with a helper thread where the memory is shared (tfjs-wasm's threaded
 * build), tfjs-wasm runs 1 or 2 threads and one can start; null where this memory cannot be
 * imported.
 */
export function kernelsIn(memory: WebAssembly.Memory, threads: number): NativeKernels | null {
  const shared =
    typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const bytes = Uint8Array.from(atob(shared ? NATIVE_SHARED : NATIVE_PLAIN), (c) =>
    c.charCodeAt(0),
  );
  let exports: Record<string, Call>;
  try {
    exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } })
      .exports as unknown as Record<string, Call>;
  } catch {
    // A memory this build cannot import (no SIMD128, another memory type): the JavaScript path.
    return null;
  }
  const helper = threads <= 2 ? NativeHelper.start(bytes, memory, exports) : undefined;
  const kernels: Record<string, Call> = { ...exports };
  for (const [name, { units, align, least = 1 }] of Object.entries(SHARED_WORK)) {
    const call = exports[name] as Call;
    kernels[name] = (...args) => {
      const count = units(args);
      if (helper && count >= least) helper.run(name, args, count, align);
      else call(...args, 0, count, 0);
    };
  }
  const ownProducts = threads === 1 || helper !== undefined;
  return Object.assign(kernels as unknown as NativeKernels, { helper, ownProducts });
}

type Call = (...args: number[]) => void;

/**
 * The kernels whose last two arguments, `first` and `end`, bound their outermost loop (over
 * `units` of the other arguments, split at multiples of `align`; calls of fewer than `least`
 * units, whose sharing would cost more than it saves, stay whole), and which take the thread that
 * runs them (0 or 1) after: what NativeKernels' callers leave out.
 */
const SHARED_WORK: Record<
  string,
  { units: (args: number[]) => number; align: number; least?: number }
> = {
  // Input channels, or output channels when transposed.
  winograd42_taps: { units: (a) => (a[9] ? (a[3] as number) : (a[2] as number)), align: 1 },
  winograd42_input: { units: (a) => a[3] as number, align: 1 },
  // Tiles, 4 at a time.
  winograd42_input_transposed: {
    units: (a) => (a[2] as number) * (a[7] as number) * (a[8] as number),
    align: 4,
  },
  winograd42_output: { units: (a) => a[2] as number, align: 1 },
  winograd42_output_gradient: { units: (a) => a[3] as number, align: 1 },
  winograd42_filter_gradient: { units: (a) => a[2] as number, align: 1 },
  // Filter rows.
  filter_gradient_few_channels: { units: (a) => a[10] as number, align: 1 },
  // Images.
  col2im_add: { units: (a) => a[2] as number, align: 1 },
  // Elements.
  tanh_values: { units: (a) => a[2] as number, align: 4, least: 1 << 14 },
  // Planes times blocks of 128 rows and 256 columns.
  plane_products: {
    units: (a) =>
      (a[3] as number) * Math.ceil((a[4] as number) / 128) * Math.ceil((a[6] as number) / 256),
    align: 1,
  },
};
