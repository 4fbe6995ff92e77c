import { buildModels, defaultModelConfigFor, generate } from '@dcgan/models';
import { createDcgan, type Dcgan, defaultTrainConfig, disposeDcgan, trainStep } from '@dcgan/train';
import * as tf from '@tensorflow/tfjs-core';
import { type BackendChoice, startBackend } from '../backend.js';
import { inferenceGflop, iterationGflop } from './model-flops.js';

/** The model a bench times: the spec's at 28 pixels, Radford's at 32, 64 and 128. */
export interface BenchModel {
  imageSize: number;
  channels: 1 | 3;
  batchSize: number;
}
/** Sides of the square matrix product that measures a backend's ceiling (at batch 128 and more). */
const MATMUL_SIZE = 1024;
/** Images of one inference pass (at batch 128 and more). */
const INFERENCE_IMAGES = 1024;

/** What `dcgan bench` measured on one backend. */
export interface BenchResult {
  backend: string;
  threads: number;
  /** The WebGPU adapter's name, and whether it is software (a CPU emulation). */
  adapter?: string;
  software?: boolean;
  batchSize: number;
  /** `[size, size, channels]` of the images the model trains on. */
  imageShape: number[];
  iterationsPerSecond: number;
  imagesPerSecond: number;
  inferenceImagesPerSecond: number;
  gflops: number;
  inferenceGflops: number;
  /**
   * GFLOP/s of a [1024, 1024] x [1024, 1024] matrix product (smaller below batch 128): about the
   * most that the backend's convolutions (matrix products inside) can reach on this machine.
   */
  matMulGflops: number;
  /**
   * The iteration's GFLOP/s as a share of the matrix product's, the product timed right after each
   * timed iteration: the median of those pairs, so that both sides of each ratio ran under the same
   * load of a shared host.
   */
  matMulShare: number;
}

/**
 * Work sizes of a bench at `batchSize`: at batch 128 and more, 1,024 images of inference (from
 * batch 64, [1024, 1024] matrices); smaller below, so that a short bench on a slow (software)
 * backend stays short.
 */
function benchSizes(batchSize: number): { inferenceImages: number; matMulSize: number } {
  return {
    inferenceImages: Math.min(INFERENCE_IMAGES, 8 * batchSize),
    matMulSize: batchSize >= 64 ? MATMUL_SIZE : 8 * batchSize,
  };
}

function newDcgan(model: BenchModel): Dcgan {
  const config = defaultModelConfigFor(model.imageSize, model.channels);
  const seeds = { generator: 1, discriminator: 2 };
  return createDcgan(defaultTrainConfig(), config, buildModels(config, { seeds }));
}

function batchAndNoise({ batchSize, imageSize, channels }: BenchModel) {
  const shape: [number, number, number, number] = [batchSize, imageSize, imageSize, channels];
  const reals = tf.tanh(tf.randomNormal(shape, 0, 1, 'float32', 3)) as tf.Tensor4D;
  let seed = 10;
  const noise = (n: number) => tf.randomNormal([n, 100], 0, 1, 'float32', seed++) as tf.Tensor2D;
  return { reals, noise };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/**
 * Measures steady-state training speed (warm-up excluded, median of `timed` iterations) and
 * generator inference speed on one backend.
 */
export async function benchBackend(
  choice: BackendChoice,
  options: { model: BenchModel; warmup: number; timed: number },
): Promise<BenchResult> {
  const backend = await startBackend(choice);
  const { model } = options;
  const dcgan = newDcgan(model);
  const { reals, noise } = batchAndNoise(model);
  const { batchSize } = model;
  const { inferenceImages, matMulSize } = benchSizes(batchSize);
  const product = matMulTimer(matMulSize);
  await product.seconds();
  const seconds: number[] = [];
  const productSeconds: number[] = [];
  for (let i = 0; i < options.warmup + options.timed; i++) {
    const start = performance.now();
    await trainStep(dcgan, reals, noise);
    if (i < options.warmup) continue;
    seconds.push((performance.now() - start) / 1000);
    productSeconds.push(await product.seconds());
  }
  product.dispose();
  generate(dcgan.generator, inferenceImages / 4, { seed: 1 }).dispose();
  const inference: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const images = generate(dcgan.generator, inferenceImages, { seed: i + 1 });
    await images.data();
    images.dispose();
    inference.push(inferenceImages / ((performance.now() - start) / 1000));
  }
  const gflop = iterationGflop(dcgan.generator, dcgan.discriminator, batchSize);
  const perImage = inferenceGflop(dcgan.generator, 1);
  reals.dispose();
  disposeDcgan(dcgan);
  const iterationsPerSecond = 1 / median(seconds);
  const productGflop = (2 * matMulSize ** 3) / 1e9;
  const inferenceImagesPerSecond = median(inference);
  return {
    backend: backend.name,
    threads: backend.threads,
    ...(backend.adapter !== undefined && { adapter: backend.adapter, software: backend.software }),
    batchSize: batchSize,
    imageShape: [model.imageSize, model.imageSize, model.channels],
    iterationsPerSecond,
    imagesPerSecond: iterationsPerSecond * batchSize,
    inferenceImagesPerSecond,
    gflops: iterationsPerSecond * gflop,
    inferenceGflops: inferenceImagesPerSecond * perImage,
    matMulGflops: productGflop / median(productSeconds),
    matMulShare: median(
      seconds.map((s, i) => gflop / s / (productGflop / (productSeconds[i] as number))),
    ),
  };
}

/** Times one square matrix product `[size, size]` on the active backend, its operands made once. */
function matMulTimer(size: number): { seconds(): Promise<number>; dispose(): void } {
  const [a, b] = [1, 2].map((seed) => tf.randomNormal([size, size], 0, 1, 'float32', seed)) as [
    tf.Tensor2D,
    tf.Tensor2D,
  ];
  return {
    async seconds() {
      const start = performance.now();
      const product = tf.matMul(a, b);
      await product.data();
      product.dispose();
      return (performance.now() - start) / 1000;
    },
    dispose: () => tf.dispose([a, b]),
  };
}

/** The row a profiled kernel call counts in: its kernel's, or with `byShape` also its input shapes'. */
export function profileRowName(
  kernel: { name: string; inputShapes: (number[] | null | undefined)[] },
  byShape: boolean,
): string {
  return byShape ? `${kernel.name} ${JSON.stringify(kernel.inputShapes)}` : kernel.name;
}

/** One row of a kernel profile: a kernel's name, its calls in one iteration, their total ms. */
export interface ProfileRow {
  kernel: string;
  calls: number;
  ms: number;
}

/**
 * Times every kernel of one training iteration (after a warm-up one), and the iteration's wall
 * time: what is not in kernels is the time outside them (tape, tidy, JavaScript). Records that
 * are not the backend's kernels but wrap some (`fusedConv2d__op` around `FusedConv2D`, a custom
 * gradient's scope) are left out, not counted twice.
 */
export async function profileIteration(
  choice: BackendChoice,
  model: BenchModel,
  byShape = false,
): Promise<{ rows: ProfileRow[]; wallMs: number }> {
  await startBackend(choice);
  const dcgan = newDcgan(model);
  const { reals, noise } = batchAndNoise(model);
  await trainStep(dcgan, reals, noise);
  const start = performance.now();
  const profile = await tf.profile(async () => {
    await trainStep(dcgan, reals, noise);
  });
  const wallMs = performance.now() - start;
  const totals = new Map<string, { calls: number; ms: number }>();
  const backendName = tf.getBackend();
  for (const kernel of profile.kernels) {
    if (!tf.getKernel(kernel.name, backendName)) continue;
    const key = profileRowName(kernel, byShape);
    const entry = totals.get(key) ?? { calls: 0, ms: 0 };
    entry.calls++;
    entry.ms += typeof kernel.kernelTimeMs === 'number' ? kernel.kernelTimeMs : 0;
    totals.set(key, entry);
  }
  reals.dispose();
  disposeDcgan(dcgan);
  const rows = [...totals].map(([kernel, t]) => ({ kernel, ...t })).sort((a, b) => b.ms - a.ms);
  return { rows, wallMs };
}
