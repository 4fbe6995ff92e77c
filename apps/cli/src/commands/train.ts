import { existsSync } from 'node:fs';
import { createBatchSampler, type ImageDataset, SeededRandom } from '@dcgan/data/node';
import { buildModels, generatorInputs, imageShapeOf } from '@dcgan/models/node';
import {
  type CheckpointState,
  createDcgan,
  type Dcgan,
  learningRatesAt,
  loadCheckpoint,
  NonFiniteLossError,
  newestIntactCheckpoint,
  removeIncompleteCheckpoints,
  type StepMetrics,
  saveCheckpoint,
  type TrainConfig,
  train,
} from '@dcgan/train/node';
import { gridFromValues, readPng, writeGif, writeGridPng, writeReport } from '@dcgan/viz/node';
import * as tf from '@tensorflow/tfjs-core';
import { type BackendChoice, describeBackend, startBackend } from '../backend.js';
import { checkLabels } from '../conditional.js';
import { figureOf, isBetter, keepBestCheckpoint, readBest } from '../keep-best.js';
import { createProgress } from '../progress.js';
import { resumedConfig } from '../resumed-config.js';
import { defaultEvalConfig, type KeepBestMetric, type RunConfig } from '../run-config.js';
import { loadRunData } from '../run-data.js';
import { describeFigures, metricsOf, runEvaluator } from '../run-evaluator.js';
import {
  appendMetrics,
  createRunDir,
  listSampleGrids,
  runPaths,
  truncateMetrics,
} from '../run-files.js';
import { EXIT, UsageError } from '../usage-error.js';

/** Seeds derived from the run's seed, one per random stream, so that each can be resumed alone. */
// Each at least 1: TensorFlow.js takes a seed of 0 as no seed at all.
const seeds = (seed: number) => ({
  generator: seed + 1,
  discriminator: seed + 101,
  noise: seed + 201,
  batches: seed + 301,
  fixedNoise: seed + 401,
});

/** What `dcgan train` was asked to do: a new run, or `--resume` of an old one. */
export type TrainRequest =
  | { kind: 'new'; runDir: string; config: RunConfig }
  | {
      kind: 'resume';
      runDir: string;
      backend: BackendChoice;
      /** Training fields to change from the last checkpoint on (`--iterations`, the rates...). */
      train: Partial<TrainConfig>;
      keepBest?: KeepBestMetric;
    };

/**
 * Trains the spec's DCGAN, writing `config.json`, `metrics.jsonl`, sample grids, checkpoints,
 * `report.html` (curves and grids, opens offline) and `samples.gif` into the run folder. SIGINT and SIGTERM save a checkpoint, then end with exit
 * code 130 and 143.
 * @returns the process exit code
 */
export async function runTraining(request: TrainRequest): Promise<number> {
  const { runDir } = request;
  const config = request.kind === 'new' ? request.config : await resumedConfig(request);
  if (request.kind === 'new' && existsSync(runPaths(runDir).config)) {
    throw new UsageError(
      `--out ${runDir} already holds a run: pass --resume ${runDir} to continue it, or another --out`,
    );
  }
  const dataset = await loadRunData(config, (line) => console.error(line));
  checkLabels(config, dataset);
  const backend = await startBackend(
    request.kind === 'new' ? (config.backend as BackendChoice) : request.backend,
  );
  console.error(describeBackend(backend));
  const session =
    request.kind === 'new'
      ? await startRun(runDir, config, dataset)
      : await resumeRun(runDir, config, dataset);
  console.error(
    `${session.startStep > 0 ? `resuming ${runDir} at iteration ${session.startStep}` : `training into ${runDir}`}: ` +
      `${config.train.iterations} iterations, batch ${config.train.batchSize}, data ${config.data} (${dataset.count} images of ${imageShapeOf(config.model).join('x')})` +
      (config.model.conditional
        ? `, conditional on ${config.model.conditional.classes} classes`
        : ''),
  );
  return trainSession(runDir, config, session);
}

interface Session {
  /** The training images (the sliced Wasserstein distance's real side). */
  dataset: ImageDataset;
  dcgan: Dcgan;
  sampler: ReturnType<typeof createBatchSampler>;
  noiseRandom: SeededRandom;
  startStep: number;
}

async function startRun(
  runDir: string,
  config: RunConfig,
  dataset: ImageDataset,
): Promise<Session> {
  const s = seeds(config.train.seed);
  const { conditional } = config.model;
  await createRunDir(runDir, config);
  const dcgan = createDcgan(
    config.train,
    config.model,
    buildModels(config.model, {
      seeds: { generator: s.generator, discriminator: s.discriminator },
      conditional,
    }),
  );
  const sampler = createBatchSampler(dataset, {
    batchSize: config.train.batchSize,
    seed: s.batches,
  });
  return { dataset, dcgan, sampler, noiseRandom: new SeededRandom(s.noise), startStep: 0 };
}

async function resumeRun(
  runDir: string,
  config: RunConfig,
  dataset: ImageDataset,
): Promise<Session> {
  await removeIncompleteCheckpoints(runDir);
  const checkpoint = await newestIntactCheckpoint(runDir, {
    setAside: true,
    report: (line) => console.error(line),
  });
  if (!checkpoint) {
    console.error(`${runDir} has no checkpoint yet: starting it again from iteration 0`);
    await truncateMetrics(runDir, 0);
    return startRun(runDir, config, dataset);
  }
  const { dcgan, state } = await loadCheckpoint(checkpoint, config.train);
  const sampler = createBatchSampler(dataset, { batchSize: config.train.batchSize, seed: 0 });
  sampler.setState(state.samplerState);
  const noiseRandom = new SeededRandom(0);
  noiseRandom.setState(state.noiseRandomState);
  await truncateMetrics(runDir, state.step);
  return { dataset, dcgan, sampler, noiseRandom, startStep: state.step };
}

async function trainSession(runDir: string, config: RunConfig, session: Session): Promise<number> {
  const { dcgan, sampler, noiseRandom } = session;
  const paths = runPaths(runDir);
  const evaluation = config.eval ?? defaultEvalConfig();
  const evaluator =
    evaluation.interval > 0 ? await runEvaluator(config, session.dataset) : undefined;
  // A conditional generator's grid takes the classes in turn.
  const fixedNoise = generatorInputs(dcgan.generator, config.train.sampleCount, {
    seed: seeds(config.train.seed).fixedNoise,
  });
  const progress = createProgress(session.startStep, config.train.iterations);
  let stopRequested: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopRequested)
      progress.log(`${signal}: saving a checkpoint after this iteration, then stopping`);
    stopRequested ??= signal;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let lastCheckpointStep = session.startStep;
  let lastCheckpointDir = '';
  let best = evaluation.keepBest ? await readBest(runDir, evaluation.keepBest) : undefined;
  let intervalStart = { step: session.startStep, time: performance.now() };
  const checkpoint = async (step: number) => {
    const state: CheckpointState = {
      step,
      noiseRandomState: noiseRandom.getState(),
      samplerState: sampler.getState(),
      config: { data: config.data, model: config.model, train: config.train },
    };
    lastCheckpointDir = await saveCheckpoint(runDir, dcgan, state, config.train.keepCheckpoints);
    lastCheckpointStep = step;
  };
  /** The generator that samples and evaluations show: the average when the run keeps one. */
  const shown = dcgan.average?.generator ?? dcgan.generator;
  const onSample = async (step: number, metrics: StepMetrics) => {
    const images = tf.tidy(() => shown.predict(fixedNoise) as tf.Tensor4D);
    const [size, , channels] = imageShapeOf(config.model);
    const grid = gridFromValues(await images.data(), config.train.sampleCount, size, {
      scale: size < 64 ? 2 : 1,
      channels: channels as 1 | 3,
    });
    images.dispose();
    await writeGridPng(paths.sample(step), grid);
    await checkpoint(step);
    const seconds = (performance.now() - intervalStart.time) / 1000;
    const iterationsPerSecond = (step - intervalStart.step) / seconds;
    intervalStart = { step, time: performance.now() };
    const figures =
      evaluator && step % evaluation.interval === 0
        ? await evaluator.evaluate({ generator: shown, seed: 1 })
        : undefined;
    const metric = evaluation.keepBest;
    if (figures && metric && isBetter(metric, figures, best)) {
      best = { metric, value: figureOf(metric, figures), step };
      await keepBestCheckpoint(runDir, lastCheckpointDir, best);
    }
    await appendMetrics(runDir, {
      step,
      ...metrics,
      iterationsPerSecond,
      time: new Date().toISOString(),
      ...memoryFigures(),
      ...(figures && metricsOf(figures)),
    });
    await writeReport(runDir);
    progress.log(
      `iteration ${step}: D loss ${metrics.discriminatorLoss.toFixed(4)}, D accuracy ${(metrics.discriminatorAccuracy * 100).toFixed(1)}%, ` +
        `G loss ${metrics.generatorLoss.toFixed(4)}, ${iterationsPerSecond.toFixed(2)} it/s, grid ${paths.sample(step)}` +
        (figures
          ? `, ${describeFigures(figures)}` +
            (best?.step === step ? ` (best so far: ${paths.best})` : '')
          : ''),
    );
  };
  try {
    const result = await train({
      dcgan,
      sampler,
      noiseRandom,
      config: config.train,
      startStep: session.startStep,
      learningRates: (step) => learningRatesAt(config.train, step),
      callbacks: {
        onStep: (step, m) => progress.update(step, m),
        onSample,
        shouldStop: () => stopRequested !== undefined,
      },
    });
    progress.stop();
    if (result.step > lastCheckpointStep) await checkpoint(result.step);
    await writeRunGif(runDir);
    console.error(
      result.stopped
        ? `stopped at iteration ${result.step}; checkpoint saved. Continue with: dcgan train --resume ${runDir}`
        : `done: ${result.step} iterations. Samples: ${paths.gif}. Generator: dcgan sample ${runDir} --out digits.png`,
    );
    if (!result.stopped) return EXIT.done;
    return stopRequested === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
  } catch (error) {
    progress.stop();
    if (error instanceof NonFiniteLossError) {
      console.error(`error: ${error.message} (last checkpoint: iteration ${lastCheckpointStep})`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    tf.dispose(fixedNoise);
    evaluator?.dispose();
  }
}

/**
 * What a long run must keep flat: TensorFlow.js's live tensors (constant after the first interval
 * unless something leaks) and the process's resident memory in bytes.
 */
const memoryFigures = () => ({
  numTensors: tf.memory().numTensors,
  rss: process.memoryUsage().rss,
});

/** Writes `samples.gif`: the run's sample grids in order. */
async function writeRunGif(runDir: string): Promise<void> {
  const grids = await listSampleGrids(runDir);
  if (grids.length > 0) await writeGif(runPaths(runDir).gif, await Promise.all(grids.map(readPng)));
}
