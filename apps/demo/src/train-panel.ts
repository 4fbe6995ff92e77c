import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { type BatchSampler, createBatchSampler, loadIdxFromUrl, SeededRandom } from '@dcgan/data';
import { generate } from '@dcgan/models';
import {
  createDcgan,
  type Dcgan,
  defaultTrainConfig,
  disposeDcgan,
  registerWasmTrainingKernels,
  registerWebgpuTrainingKernels,
  type StepMetrics,
  train,
} from '@dcgan/train';
import * as tf from '@tensorflow/tfjs-core';
import { element, numberIn } from './dom.js';
import type { GeneratePanel } from './generate-panel.js';
import { showError } from './show-error.js';

/** Where the page serves MNIST (vite-plugins/mnist-files.ts). */
const MNIST_URL = `${import.meta.env.BASE_URL}mnist/`;
/** Images in each sample grid, from one noise for the whole run (seed 0), so grids compare. */
const SAMPLE_COUNT = 16;

interface Run {
  dcgan: Dcgan;
  sampler: BatchSampler;
  noiseRandom: SeededRandom;
  step: number;
}

/**
 * The "Train in the browser" section: trains the spec's DCGAN (SPEC.md's defaults, but the batch
 * size and sample interval of the page) on MNIST from this site, shown live in the training view.
 * Stop keeps the models, optimizers, sampler and step in memory; Train resumes from there.
 */
export function setUpTrainPanel(generatePanel: GeneratePanel): void {
  const view = element('#training-view') as HTMLElementTagNameMap['dcgan-training-view'];
  const status = element('#train-status');
  const batchSize = element<HTMLInputElement>('#batch-size');
  const sampleInterval = element<HTMLInputElement>('#sample-interval');
  const iterations = element<HTMLInputElement>('#iterations');
  const buttons = {
    start: element<HTMLButtonElement>('#train-start'),
    stop: element<HTMLButtonElement>('#train-stop'),
    reset: element<HTMLButtonElement>('#train-reset'),
    use: element<HTMLButtonElement>('#train-use'),
  };
  let run: Run | undefined;
  let running = false;
  let stopRequested = false;
  let shownAbove = false;

  const refresh = (message: string) => {
    status.textContent = message;
    buttons.start.disabled = running;
    buttons.stop.disabled = !running;
    buttons.reset.disabled = running || !run;
    buttons.use.disabled = !run;
    batchSize.disabled = Boolean(run);
  };

  const pushSample = async (step: number) => {
    if (!run) return;
    const images = generate(run.dcgan.generator, SAMPLE_COUNT, { seed: 1 });
    await view.pushSample(step, images);
    images.dispose();
    if (shownAbove) generatePanel.redraw();
  };

  const begin = async (): Promise<Run> => {
    refresh('Loading the MNIST training set (60,000 digits)…');
    const dataset = await loadIdxFromUrl(MNIST_URL, 'train');
    const config = defaultTrainConfig();
    if (tf.getBackend() === 'wasm') registerWasmTrainingKernels();
    if (tf.getBackend() === 'webgpu') registerWebgpuTrainingKernels();
    const started: Run = {
      dcgan: createDcgan(config),
      sampler: createBatchSampler(dataset, {
        batchSize: numberIn(batchSize, 32, 1, 512),
        seed: config.seed,
      }),
      noiseRandom: new SeededRandom(config.seed + 1),
      step: 0,
    };
    run = started;
    view.clear();
    await pushSample(0);
    return started;
  };

  const trainMore = async () => {
    running = true;
    stopRequested = false;
    try {
      const current = run ?? (await begin());
      const interval = numberIn(sampleInterval, 25, 1);
      let last = performance.now();
      refresh(`Training from iteration ${current.step}…`);
      const result = await train({
        dcgan: current.dcgan,
        sampler: current.sampler,
        noiseRandom: current.noiseRandom,
        config: { iterations: numberIn(iterations, 20_000, 1), sampleInterval: interval },
        startStep: current.step,
        callbacks: {
          onStep(step: number, metrics: StepMetrics) {
            const now = performance.now();
            current.step = step;
            view.pushStep(step, { ...metrics, iterationsPerSecond: 1000 / (now - last) });
            last = now;
            status.textContent = `Training: iteration ${step}…`;
          },
          onSample: (step: number) => pushSample(step),
          shouldStop: () => stopRequested,
        },
      });
      current.step = result.step;
      running = false;
      refresh(
        result.stopped
          ? `Stopped at iteration ${result.step}. Train resumes from there.`
          : `Done: ${result.step} iterations.`,
      );
    } catch (error) {
      running = false;
      refresh('Training failed (see the message at the top).');
      showError('Training failed', error);
    }
  };

  buttons.start.addEventListener('click', () => void trainMore());
  buttons.stop.addEventListener('click', () => {
    stopRequested = true;
    status.textContent = 'Stopping after this iteration…';
  });
  buttons.reset.addEventListener('click', () => {
    if (!run || running) return;
    if (shownAbove)
      return showError(
        'Cannot start over',
        'the generator trained here is in use above',
        'Reload the page to start over.',
      );
    disposeDcgan(run.dcgan);
    run = undefined;
    view.clear();
    refresh('Not started.');
  });
  buttons.use.addEventListener('click', () => {
    if (!run) return;
    shownAbove = true;
    generatePanel.use(run.dcgan.generator, `(trained in this page, redrawn at every sample)`);
    element('#model-url').textContent = 'the generator trained in this page';
  });
}
