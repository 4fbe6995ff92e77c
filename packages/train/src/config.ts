import { type AugmentPolicy, checkAugmentPolicy } from './augment/augment-policy.js';

/** How the DCGAN is trained: SPEC.md's defaults, each a field. */
export interface TrainConfig {
  /** Training iterations (one discriminator and one generator update each): 20,000 as the notes. */
  iterations: number;
  /** Real images per discriminator update, and fakes per update: 128 as the notes. */
  batchSize: number;
  /** Adam's learning rate, both models: 0.001, the Keras default the notes use. */
  learningRate: number;
  /**
   * The generator's own rate, for two time-scale updates (Heusel et al. 2017): 0 takes
   * `learningRate`, the notes' one rate for both models.
   */
  generatorLearningRate: number;
  /** The discriminator's own rate: 0 takes `learningRate`, as the notes. */
  discriminatorLearningRate: number;
  /**
   * Where the rates start to decay, as a share of `iterations`: they then fall linearly to
   * `learningRateFloor` times their value at the last iteration. 1 (never: constant) as the notes.
   */
  learningRateDecayStart: number;
  /** The rates at the last iteration, as a share of their value, when they decay: a tenth. */
  learningRateFloor: number;
  /** Adam's beta1: 0.9, the Keras default (0.5 is the DCGAN paper's, and makes digits sooner). */
  beta1: number;
  /** Adam's beta2: 0.999, the Keras default. */
  beta2: number;
  /** Adam's epsilon: 1e-7, the Keras default. */
  epsilon: number;
  /** Iterations between logs, sample grids and checkpoints: 1,000 as the notes. */
  sampleInterval: number;
  /** Seed of every random draw (weights, noise, batch order): runs with one seed repeat exactly. */
  seed: number;
  /** Checkpoints kept on disk, newest first: the last 3, so a bad one never leaves nothing. */
  keepCheckpoints: number;
  /** Images in the sample grid, from a noise fixed for the whole run: 25, a 5x5 grid as the notes. */
  sampleCount: number;
  /**
   * Decay of a moving average of the generator's weights, which then samples, evaluates and ships:
   * 0 (off) as the notes; 0.999 averages about the last 1,000 iterations and draws cleaner digits.
   */
  averageDecay: number;
  /**
   * One-sided label smoothing (Salimans et al. 2016): the reals' target in the discriminator's loss
   * is 1 minus this, the fakes' stays 0. 0 (off) as the notes.
   */
  labelSmoothing: number;
  /**
   * Differentiable augmentation (Zhao et al. 2020) of the reals and the fakes the discriminator sees
   * in both steps, gradients flowing through it: none (`{}`) as the notes; with a few hundred
   * pictures, `{ color: true, translation: 0.125, cutout: 0.5 }` keeps the discriminator from
   * memorising them.
   */
  augment: AugmentPolicy;
}

/** SPEC.md's training defaults ("GANs in Action", chapter 4). */
export function defaultTrainConfig(): TrainConfig {
  return {
    iterations: 20_000,
    batchSize: 128,
    learningRate: 0.001,
    generatorLearningRate: 0,
    discriminatorLearningRate: 0,
    learningRateDecayStart: 1,
    learningRateFloor: 0.1,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
    sampleInterval: 1_000,
    seed: 0,
    keepCheckpoints: 3,
    sampleCount: 25,
    averageDecay: 0,
    labelSmoothing: 0,
    augment: {},
  };
}

/** Throws a message naming the field when a training config is out of range. */
export function checkTrainConfig(config: TrainConfig): void {
  const positiveIntegers = [
    'iterations',
    'batchSize',
    'sampleInterval',
    'keepCheckpoints',
    'sampleCount',
  ] as const;
  for (const key of positiveIntegers) {
    if (!Number.isInteger(config[key]) || config[key] < 1) {
      throw new Error(`train.${key} must be a positive integer, got ${config[key]}`);
    }
  }
  for (const key of ['learningRate', 'epsilon'] as const) {
    if (!(config[key] > 0))
      throw new Error(`train.${key} must be a positive number, got ${config[key]}`);
  }
  for (const key of ['generatorLearningRate', 'discriminatorLearningRate'] as const) {
    if (!(config[key] >= 0))
      throw new Error(
        `train.${key} must be a positive number (or 0: train.learningRate), got ${config[key]}`,
      );
  }
  for (const key of ['beta1', 'beta2', 'averageDecay', 'labelSmoothing'] as const) {
    if (!(config[key] >= 0 && config[key] < 1))
      throw new Error(`train.${key} must be in [0, 1), got ${config[key]}`);
  }
  for (const key of ['learningRateDecayStart', 'learningRateFloor'] as const) {
    if (!(config[key] >= 0 && config[key] <= 1))
      throw new Error(`train.${key} must be in [0, 1], got ${config[key]}`);
  }
  checkAugmentPolicy(config.augment, 'train.augment');
  if (!Number.isInteger(config.seed) || config.seed < 0) {
    throw new Error(`train.seed must be a non-negative integer, got ${config.seed}`);
  }
}

/**
 * A training config read from an older run or checkpoint, completed with the defaults of the fields
 * it predates (all of which leave training as it was).
 */
export function completeTrainConfig(config: Partial<TrainConfig>): TrainConfig {
  return { ...defaultTrainConfig(), ...config };
}
