import type * as tf from '@tensorflow/tfjs-core';
import type { TrainConfig } from './config.js';

/** The Adam rates of one iteration. */
export interface LearningRates {
  generator: number;
  discriminator: number;
}

type ScheduleFields = Pick<
  TrainConfig,
  | 'iterations'
  | 'learningRate'
  | 'generatorLearningRate'
  | 'discriminatorLearningRate'
  | 'learningRateDecayStart'
  | 'learningRateFloor'
>;

/**
 * The rates of the iteration that follows `step` iterations: each model's own rate (or the shared
 * one), constant until `learningRateDecayStart * iterations`, then falling linearly to
 * `learningRateFloor` times itself at the last iteration (`step = iterations - 1`).
 */
export function learningRatesAt(config: ScheduleFields, step: number): LearningRates {
  const factor = decayFactor(config, step);
  return {
    generator: (config.generatorLearningRate || config.learningRate) * factor,
    discriminator: (config.discriminatorLearningRate || config.learningRate) * factor,
  };
}

function decayFactor(config: ScheduleFields, step: number): number {
  const start = Math.floor(config.learningRateDecayStart * config.iterations);
  if (step < start) return 1;
  const last = config.iterations - 1;
  const progress = last > start ? Math.min(1, (step - start) / (last - start)) : 1;
  return 1 - progress * (1 - config.learningRateFloor);
}

/** Sets an Adam optimizer's rate for its next updates (tfjs reads it at each update). */
export function setLearningRate(optimizer: tf.AdamOptimizer, rate: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = rate;
}
