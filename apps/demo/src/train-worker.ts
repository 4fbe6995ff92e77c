// The demo's training, off the page's main thread: a module worker that trains the spec's DCGAN on
// MNIST from this site and posts steps, sample grids and (when the page shows the generator above)
// its weights. TensorFlow.js runs WebGPU, WebGL (through OffscreenCanvas) and wasm in a worker.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { type BatchSampler, createBatchSampler, loadIdxFromUrl, SeededRandom } from '@dcgan/data';
import { registerWasmTrainingKernels, registerWebgpuTrainingKernels } from '@dcgan/kernels';
import { generate } from '@dcgan/models';
import { createDcgan, type Dcgan, defaultTrainConfig, disposeDcgan, train } from '@dcgan/train';
import { startBackend } from './backend.js';
import type { FromWorker, ToWorker } from './train-messages.js';

/** Where the page serves MNIST (vite-plugins/mnist-files.ts). */
const MNIST_URL = `${import.meta.env.BASE_URL}mnist/`;
/** Images in each sample grid, from one noise for the whole run (seed 1), so grids compare. */
const SAMPLE_COUNT = 16;

interface Run {
  dcgan: Dcgan;
  sampler: BatchSampler;
  noiseRandom: SeededRandom;
  step: number;
}

let run: Run | undefined;
let stopRequested = false;
let following = false;

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'train') void trainMore(message);
  else if (message.type === 'stop') stopRequested = true;
  else if (message.type === 'follow') {
    following = true;
    void postWeights();
  } else if (message.type === 'reset' && run) {
    disposeDcgan(run.dcgan);
    run = undefined;
    following = false;
  }
};

async function begin(request: Extract<ToWorker, { type: 'train' }>): Promise<Run> {
  const backend = await startBackend(request.backend);
  if (backend.name === 'wasm') registerWasmTrainingKernels();
  if (backend.name === 'webgpu') registerWebgpuTrainingKernels();
  post({ type: 'status', text: 'Loading the MNIST training set (60,000 digits)…' });
  const dataset = await loadIdxFromUrl(MNIST_URL, 'train');
  const config = defaultTrainConfig();
  run = {
    dcgan: createDcgan(config),
    sampler: createBatchSampler(dataset, { batchSize: request.batchSize, seed: config.seed }),
    noiseRandom: new SeededRandom(config.seed + 1),
    step: 0,
  };
  post({ type: 'begun', backend: backend.name });
  await postSample(0);
  return run;
}

async function postSample(step: number): Promise<void> {
  if (!run) return;
  const images = generate(run.dcgan.generator, SAMPLE_COUNT, { seed: 1 });
  const values = (await images.data()) as Float32Array;
  images.dispose();
  post({ type: 'sample', step, values, count: SAMPLE_COUNT }, [values.buffer]);
  if (following) await postWeights();
}

async function postWeights(): Promise<void> {
  if (!run) return;
  const weights = run.dcgan.generator.getWeights();
  const values = (await Promise.all(weights.map((w) => w.data()))) as Float32Array[];
  post(
    { type: 'weights', values, shapes: weights.map((w) => w.shape) },
    values.map((v) => v.buffer),
  );
}

async function trainMore(request: Extract<ToWorker, { type: 'train' }>): Promise<void> {
  stopRequested = false;
  try {
    const current = run ?? (await begin(request));
    post({ type: 'status', text: `Training from iteration ${current.step}…` });
    let last = performance.now();
    const result = await train({
      dcgan: current.dcgan,
      sampler: current.sampler,
      noiseRandom: current.noiseRandom,
      config: { iterations: request.iterations, sampleInterval: request.sampleInterval },
      startStep: current.step,
      callbacks: {
        onStep(step, metrics) {
          const now = performance.now();
          current.step = step;
          post({ type: 'step', step, metrics, iterationsPerSecond: 1000 / (now - last) });
          last = now;
        },
        onSample: (step) => postSample(step),
        shouldStop: () => stopRequested,
      },
    });
    current.step = result.step;
    post({ type: 'ended', step: result.step, stopped: result.stopped });
  } catch (error) {
    post({ type: 'error', message: (error as Error).message ?? String(error) });
  }
}
