import type { BatchSampler, SeededRandom } from '@dcgan/data';
import * as tf from '@tensorflow/tfjs-core';
import { averageDecayAt, updateAverageGenerator } from './average-generator.js';
import { generatorInputSource, nextReals } from './conditioning.js';
import type { TrainConfig } from './config.js';
import type { Dcgan } from './dcgan.js';
import { type LearningRates, setLearningRate } from './learning-rate.js';
import { type StepMetrics, trainStep } from './train-step.js';

/** Hooks into the loop; each may be async (the loop waits for it). */
export interface TrainerCallbacks {
  /** After every iteration. */
  onStep?(step: number, metrics: StepMetrics): void | Promise<void>;
  /** Every `sampleInterval` iterations and after the last one: log, sample, checkpoint. */
  onSample?(step: number, metrics: StepMetrics): void | Promise<void>;
  /** Asked before each iteration: true ends the loop early (the caller then checkpoints). */
  shouldStop?(): boolean;
}

/** Thrown when a loss turns NaN or infinite; the run stops and keeps its last good checkpoint. */
export class NonFiniteLossError extends Error {
  constructor(
    readonly step: number,
    readonly metrics: StepMetrics,
  ) {
    super(
      `losses are not finite at iteration ${step} (discriminator ${metrics.discriminatorLoss}, ` +
        `generator ${metrics.generatorLoss}): training stopped; the last good checkpoint is kept. ` +
        'Try a lower --learning-rate.',
    );
  }
}

/**
 * The training loop (nanoGPT-short): step, check, log, sample and checkpoint through callbacks.
 * It knows nothing of files or backends; it yields to the event loop between iterations so that
 * signals and pages stay responsive.
 * @returns the number of iterations done when the loop ended, and whether it was asked to stop
 */
export async function train(options: {
  dcgan: Dcgan;
  sampler: BatchSampler;
  noiseRandom: SeededRandom;
  config: Pick<TrainConfig, 'iterations' | 'sampleInterval'>;
  startStep?: number;
  /** The rates of the iteration after `step` iterations (a schedule); the optimizers' own if absent. */
  learningRates?: (step: number) => LearningRates;
  callbacks?: TrainerCallbacks;
}): Promise<{ step: number; stopped: boolean }> {
  const { dcgan, sampler, config, learningRates, callbacks = {} } = options;
  const noise = generatorInputSource(options.noiseRandom, dcgan.generator);
  let step = options.startStep ?? 0;
  while (step < config.iterations) {
    if (callbacks.shouldStop?.()) return { step, stopped: true };
    if (learningRates) {
      const rates = learningRates(step);
      setLearningRate(dcgan.generatorOptimizer, rates.generator);
      setLearningRate(dcgan.discriminatorOptimizer, rates.discriminator);
    }
    const reals = nextReals(sampler, dcgan.discriminator);
    const metrics = await trainStep(dcgan, reals, noise);
    tf.dispose(reals);
    if (dcgan.average) {
      const decay = averageDecayAt(dcgan.average.decay, step);
      updateAverageGenerator(dcgan.average.generator, dcgan.generator, decay);
    }
    step++;
    if (!Object.values(metrics).every(Number.isFinite)) throw new NonFiniteLossError(step, metrics);
    await callbacks.onStep?.(step, metrics);
    if (step % config.sampleInterval === 0 || step === config.iterations) {
      await callbacks.onSample?.(step, metrics);
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { step, stopped: false };
}
