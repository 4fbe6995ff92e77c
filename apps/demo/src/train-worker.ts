// The demo's training, off the page's main thread: a module worker that trains the spec's DCGAN on
// MNIST from this site, or the Radford DCGAN on the reader's pictures, and posts steps, sample
// grids, the generator's weights (when the page shows it above) and its files (to save).
// TensorFlow.js runs WebGPU, WebGL (through OffscreenCanvas) and wasm in a worker.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { type BatchSampler, createBatchSampler, SeededRandom } from '@dcgan/data';
import { registerWasmTrainingKernels, registerWebgpuTrainingKernels } from '@dcgan/kernels';
import { generate } from '@dcgan/models';
import { createDcgan, type Dcgan, disposeDcgan, train } from '@dcgan/train';
import * as tf from '@tensorflow/tfjs-core';
import { startBackend } from './backend.js';
import { setUpRun, UnusablePicturesError } from './run-setup.js';
import type { ExportPurpose, FromWorker, ToWorker } from './train-messages.js';

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
  } else if (message.type === 'export') void postGenerator(message.purpose);
  else if (message.type === 'reset' && run) {
    disposeDcgan(run.dcgan);
    run = undefined;
    following = false;
  }
};

async function begin(request: Extract<ToWorker, { type: 'train' }>): Promise<Run> {
  const backend = await startBackend(request.backend);
  if (backend.name === 'wasm') registerWasmTrainingKernels();
  if (backend.name === 'webgpu') registerWebgpuTrainingKernels();
  const setup = await setUpRun(request.data, post);
  // A set smaller than a batch trains on all of it at each iteration.
  const batchSize = Math.min(request.batchSize, setup.dataset.count);
  run = {
    dcgan: createDcgan(setup.train, setup.model),
    sampler: createBatchSampler(setup.dataset, { batchSize, seed: setup.train.seed }),
    noiseRandom: new SeededRandom(setup.train.seed + 1),
    step: 0,
  };
  post({ type: 'begun', backend: backend.name, model: setup.model });
  await postSample(0);
  return run;
}

async function postSample(step: number): Promise<void> {
  if (!run) return;
  const images = generate(run.dcgan.generator, SAMPLE_COUNT, { seed: 1 });
  const values = (await images.data()) as Float32Array;
  const shape = images.shape;
  images.dispose();
  post({ type: 'sample', step, values, shape }, [values.buffer]);
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

/** Posts the generator's files as `model.save` writes them: its topology carries its shapes. */
async function postGenerator(purpose: ExportPurpose): Promise<void> {
  if (!run) return;
  try {
    await run.dcgan.generator.save(
      tf.io.withSaveHandler(async (artifacts) => {
        post({ type: 'generator', purpose, artifacts });
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
  } catch (error) {
    post({ type: 'export-failed', message: (error as Error).message ?? String(error) });
  }
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
          const tensors = tf.memory().numTensors;
          post({ type: 'step', step, metrics, iterationsPerSecond: 1000 / (now - last), tensors });
          last = now;
        },
        onSample: (step) => postSample(step),
        shouldStop: () => stopRequested,
      },
    });
    current.step = result.step;
    post({ type: 'ended', step: result.step, stopped: result.stopped });
  } catch (error) {
    const advice = error instanceof UnusablePicturesError ? error.advice : undefined;
    post({ type: 'error', message: (error as Error).message ?? String(error), advice });
  }
}
