import type { TrainConfig } from '@dcgan/train';

/** Training presets: `--recipe NAME` sets these fields, and any other flag still overrides them. */
export const RECIPES = {
  /** The spec's recipe: Keras's Adam defaults, 0.001 and beta1 0.9, batch 128. */
  spec: {},
  /**
   * A first run that draws digits in about a minute on two CPU cores: two time-scales (generator
   * 0.003, discriminator 0.0005), beta1 0.5, batch 32, a short moving average (0.98), 250 iterations.
   */
  quick: {
    iterations: 250,
    batchSize: 32,
    generatorLearningRate: 0.003,
    discriminatorLearningRate: 0.0005,
    beta1: 0.5,
    averageDecay: 0.98,
    sampleInterval: 50,
  },
  /** The DCGAN paper's Adam, as pytorch/examples runs it: 0.0002, beta1 0.5, batch 64. */
  paper: { learningRate: 0.0002, beta1: 0.5, batchSize: 64 },
  /**
   * The shipped MNIST generator's recipe: two time-scales (generator 0.0004, discriminator
   * 0.0001), beta1 0.5, batch 128, the generator's moving average (0.999), 45,000 iterations with
   * both rates falling to a tenth over the last 13%.
   */
  ttur: {
    iterations: 45_000,
    batchSize: 128,
    generatorLearningRate: 0.0004,
    discriminatorLearningRate: 0.0001,
    beta1: 0.5,
    averageDecay: 0.999,
    learningRateDecayStart: 0.8714,
    seed: 1,
  },
} satisfies Record<string, Partial<TrainConfig>>;

export type RecipeName = keyof typeof RECIPES;
export const RECIPE_NAMES = Object.keys(RECIPES) as RecipeName[];
