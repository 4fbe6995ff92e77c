import type { TrainConfig } from '@dcgan/train';
import { integerListOf, integerOf, numberOf, positiveOf } from './parse-values.js';

/** A training flag that sets one field of `train` in config.json. */
export interface TrainFlag {
  flag: string;
  placeholder: string;
  field: keyof TrainConfig;
  description: string;
  parse(text: string): number;
  /** Whether `--resume` lets it change from the last checkpoint on. */
  resumable?: boolean;
}

const train = (
  flag: string,
  field: keyof TrainConfig,
  description: string,
  parse: (flag: string) => (text: string) => number,
  resumable = false,
  placeholder = '<n>',
): TrainFlag => ({ flag, placeholder, field, description, parse: parse(flag), resumable });

const rate = (flag: string) => positiveOf(flag);
const share = (flag: string) => numberOf(flag, 0, 1);
const below1 = (flag: string) => numberOf(flag, 0, 1, true);

/** The training flags, in the order `--help` lists them. */
export const TRAIN_FLAGS: TrainFlag[] = [
  train(
    '--iterations',
    'iterations',
    'training iterations (one update of each model)',
    (f) => integerOf(f, 1),
    true,
  ),
  train('--batch-size', 'batchSize', 'real images (and as many fakes) per update', (f) =>
    integerOf(f, 1),
  ),
  train(
    '--learning-rate',
    'learningRate',
    "Adam's learning rate, both models",
    rate,
    true,
    '<rate>',
  ),
  train(
    '--generator-learning-rate',
    'generatorLearningRate',
    "the generator's own rate (0: --learning-rate)",
    (f) => numberOf(f, 0),
    true,
    '<rate>',
  ),
  train(
    '--discriminator-learning-rate',
    'discriminatorLearningRate',
    "the discriminator's own rate (0: --learning-rate)",
    (f) => numberOf(f, 0),
    true,
    '<rate>',
  ),
  train(
    '--learning-rate-decay-start',
    'learningRateDecayStart',
    'where both rates start falling, as a share of the iterations (1: never)',
    share,
    true,
    '<share>',
  ),
  train(
    '--learning-rate-floor',
    'learningRateFloor',
    'the rates at the last iteration, as a share of their value',
    share,
    true,
    '<share>',
  ),
  train('--beta1', 'beta1', "Adam's beta1", below1, false, '<x>'),
  train('--beta2', 'beta2', "Adam's beta2", below1, false, '<x>'),
  train('--epsilon', 'epsilon', "Adam's epsilon", rate, false, '<x>'),
  train(
    '--average-decay',
    'averageDecay',
    "decay of a moving average of the generator's weights, which samples and ships (0: none)",
    below1,
    true,
    '<x>',
  ),
  train(
    '--label-smoothing',
    'labelSmoothing',
    "one-sided label smoothing: the reals' target is 1 minus this",
    below1,
    true,
    '<x>',
  ),
  train('--seed', 'seed', 'seed of every random draw: one seed, one run', (f) => integerOf(f, 0)),
  train(
    '--sample-interval',
    'sampleInterval',
    'iterations between sample grids, log lines and checkpoints',
    (f) => integerOf(f, 1),
  ),
  train('--sample-count', 'sampleCount', 'images in each sample grid', (f) => integerOf(f, 1)),
  train('--keep-checkpoints', 'keepCheckpoints', 'checkpoints kept, newest first', (f) =>
    integerOf(f, 1),
  ),
];

/** A model flag: one field of the spec's model or of the Radford DCGAN in config.json. */
export interface ModelFlag {
  flag: string;
  placeholder: string;
  description: string;
  /** Which architecture it shapes: `both`, the spec's 28x28 model, or Radford's. */
  architecture: 'both' | 'spec' | 'radford';
  parse(text: string): number | number[];
}

/** The model flags, in the order `--help` lists them. */
export const MODEL_FLAGS: ModelFlag[] = [
  {
    flag: '--latent-size',
    placeholder: '<n>',
    description: 'size of the noise vector z',
    architecture: 'both',
    parse: integerOf('--latent-size', 1),
  },
  {
    flag: '--generator-width',
    placeholder: '<n>',
    description: "Radford models: the generator's last hidden filters (ngf), doubled each block up",
    architecture: 'radford',
    parse: integerOf('--generator-width', 1),
  },
  {
    flag: '--discriminator-width',
    placeholder: '<n>',
    description: "Radford models: the discriminator's first filters (ndf), doubled each block",
    architecture: 'radford',
    parse: integerOf('--discriminator-width', 1),
  },
  {
    flag: '--generator-base-depth',
    placeholder: '<n>',
    description: "the spec's model: depth of the generator's 7x7 base",
    architecture: 'spec',
    parse: integerOf('--generator-base-depth', 1),
  },
  {
    flag: '--generator-filters',
    placeholder: '<a,b>',
    description: "the spec's model: filters of the generator's two hidden transposed convolutions",
    architecture: 'spec',
    parse: integerListOf('--generator-filters', 2),
  },
  {
    flag: '--discriminator-filters',
    placeholder: '<a,b,c>',
    description: "the spec's model: filters of the discriminator's three convolutions",
    architecture: 'spec',
    parse: integerListOf('--discriminator-filters', 3),
  },
  {
    flag: '--kernel-size',
    placeholder: '<n>',
    description: "the spec's model: kernel size of every convolution",
    architecture: 'spec',
    parse: integerOf('--kernel-size', 1),
  },
  {
    flag: '--leaky-slope',
    placeholder: '<x>',
    description: 'slope of LeakyReLU below zero',
    architecture: 'both',
    parse: numberOf('--leaky-slope', 0, 1, true),
  },
  {
    flag: '--batch-norm-momentum',
    placeholder: '<x>',
    description: "momentum of BatchNorm's moving averages",
    architecture: 'both',
    parse: numberOf('--batch-norm-momentum', 0, 1, true),
  },
];
