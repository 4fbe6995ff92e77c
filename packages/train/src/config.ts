/** How the DCGAN is trained: SPEC.md's defaults, each a field. */
export interface TrainConfig {
  /** Training iterations (one discriminator and one generator update each): 20,000 as the notes. */
  iterations: number;
  /** Real images per discriminator update, and fakes per update: 128 as the notes. */
  batchSize: number;
  /** Adam's learning rate, both models: 0.001, the Keras default the notes use. */
  learningRate: number;
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
}

/** SPEC.md's training defaults ("GANs in Action", chapter 4). */
export function defaultTrainConfig(): TrainConfig {
  return {
    iterations: 20_000,
    batchSize: 128,
    learningRate: 0.001,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
    sampleInterval: 1_000,
    seed: 0,
    keepCheckpoints: 3,
    sampleCount: 25,
    averageDecay: 0,
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
  for (const key of ['beta1', 'beta2', 'averageDecay'] as const) {
    if (!(config[key] >= 0 && config[key] < 1))
      throw new Error(`train.${key} must be in [0, 1), got ${config[key]}`);
  }
  if (!Number.isInteger(config.seed) || config.seed < 0) {
    throw new Error(`train.seed must be a non-negative integer, got ${config.seed}`);
  }
}
