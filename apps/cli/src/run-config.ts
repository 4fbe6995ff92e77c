import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { idxFileNames } from '@dcgan/data';
import {
  checkModelConfig,
  defaultModelConfigFor,
  imageShapeOf,
  type ModelConfig,
} from '@dcgan/models';
import {
  type AugmentPolicy,
  checkTrainConfig,
  defaultTrainConfig,
  type TrainConfig,
} from '@dcgan/train';
import { RECIPES, type RecipeName } from './options/recipes.js';
import { MODEL_FLAGS, TRAIN_FLAGS } from './options/train-flags.js';
import { UsageError } from './usage-error.js';

/** Everything a run is made of; written as `config.json` beside its checkpoints. */
export interface RunConfig {
  /** `mnist`, `fashion`, a folder of IDX files or a folder of images. */
  data: string;
  /** How an image folder's files are read (absent for IDX data). */
  images?: ImageReading;
  backend: string;
  /** The preset the training fields started from (absent in runs made before presets). */
  recipe?: RecipeName;
  model: ModelConfig;
  train: TrainConfig;
  eval: EvalConfig;
}

/** How the images of a folder are read. */
export interface ImageReading {
  /** The colour behind transparent pixels, `#rrggbb`: white by default, as most pictures are shown. */
  background: string;
  /** Skip unreadable files (listed in the run's log) instead of stopping: off by default. */
  skipUnreadable: boolean;
}

/** Evaluation during training, into metrics.jsonl. */
export interface EvalConfig {
  /** Iterations between evaluations, a multiple of the sample interval; 0 (off) by default. */
  interval: number;
  /** Fakes per evaluation: 2,000 keeps each to seconds; `dcgan eval` uses 10,000. */
  samples: number;
  /** The figure whose best value so far keeps its checkpoint in `checkpoints/best/`. */
  keepBest?: KeepBestMetric;
  /**
   * Also the sliced Wasserstein distance on MNIST and Fashion-MNIST, which have classifiers (other
   * data always has it): off by default, as it takes longer than the classifier.
   */
  slicedWasserstein?: boolean;
}

/** The figures `--keep-best` can follow: distances fall as the fakes improve, the score rises. */
export const KEEP_BEST_METRICS = [
  'frechet-distance',
  'classifier-score',
  'sliced-wasserstein',
] as const;
export type KeepBestMetric = (typeof KEEP_BEST_METRICS)[number];

/** Evaluation off by default. */
export function defaultEvalConfig(): EvalConfig {
  return { interval: 0, samples: 2_000 };
}

/** Where a `--data` source's images come from: IDX files, or a folder of pictures. */
export function dataKind(source: string): 'idx' | 'images' {
  if (source === 'mnist' || source === 'fashion') return 'idx';
  if (!existsSync(source))
    throw new UsageError(
      `--data ${source}: no such folder (expected mnist, fashion, a folder of IDX files or a folder of images)`,
    );
  const { images } = idxFileNames('train');
  return [images, `${images}.gz`].some((name) => existsSync(join(source, name))) ? 'idx' : 'images';
}

/** Colour names `--background` takes besides `#rrggbb`. */
const COLOURS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  grey: '#808080',
  gray: '#808080',
};

/** `--background`'s colour as `#rrggbb`. */
function colourOf(text: string): string {
  const colour = COLOURS[text.toLowerCase()] ?? text.toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(colour))
    throw new UsageError(
      `--background: expected #rrggbb or one of ${Object.keys(COLOURS).join(', ')}, got "${text}"`,
    );
  return colour;
}

/** How many class folders (subfolders, hidden ones aside) an image folder has: 2 at least. */
function classFolders(folder: string): number {
  const count = readdirSync(folder, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && !entry.name.startsWith('.'),
  ).length;
  if (count < 2)
    throw new UsageError(
      `--conditional trains on one subfolder a class, and ${folder} has ${count}: give it a folder per class`,
    );
  return count;
}

/** What `dcgan train` was given, parsed; absent fields take their defaults. */
export interface TrainOptions {
  data: string;
  backend: string;
  imageSize?: number;
  channels?: number;
  background?: string;
  skipUnreadable?: boolean;
  augment?: AugmentPolicy;
  recipe?: RecipeName;
  /** `--conditional`'s classes, or `true` alone: 10 for IDX data, the class folders' count. */
  conditional?: number | true;
  model: Map<string, number | number[]>;
  train: Map<keyof TrainConfig, number>;
  eval: EvalConfig;
}

/**
 * The run's config: the model for the data's image size (the spec's for 28x28, Radford's for 32, 64
 * and 128), the recipe's training fields, then every flag given. Throws a UsageError naming the
 * flag when a value does not fit.
 */
export function buildRunConfig(options: TrainOptions): RunConfig {
  const kind = dataKind(options.data);
  const imageSize = options.imageSize ?? (kind === 'idx' ? 28 : 64);
  const channels = options.channels ?? (kind === 'idx' ? 1 : 3);
  if (kind === 'idx' && (imageSize !== 28 || channels !== 1))
    throw new UsageError(
      `--data ${options.data} holds 28x28 grey IDX images: --image-size 28 and --channels 1 only (a folder of pictures takes other sizes)`,
    );
  const model = usage(() => defaultModelConfigFor(imageSize, channels), '--image-size');
  applyModelFlags(model, options.model);
  if (options.conditional !== undefined)
    model.conditional = {
      classes:
        options.conditional !== true
          ? options.conditional
          : kind === 'idx'
            ? 10
            : classFolders(options.data),
    };
  usage(() => checkModelConfig(model));
  const recipe = options.recipe ?? (model.architecture === 'radford' ? 'paper' : 'spec');
  const train: TrainConfig = { ...defaultTrainConfig(), ...RECIPES[recipe] };
  for (const [field, value] of options.train) (train[field] as number) = value;
  if (options.augment) train.augment = options.augment;
  usage(() => checkTrainConfig(train));
  const config: RunConfig = {
    data: options.data,
    ...(kind === 'images' && {
      images: {
        background: colourOf(options.background ?? 'white'),
        skipUnreadable: options.skipUnreadable ?? false,
      },
    }),
    backend: options.backend,
    recipe,
    model,
    train,
    eval: options.eval,
  };
  checkEvalConfig(config);
  return config;
}

/** The image shape `[size, size, channels]` a run trains on. */
export const runImageShape = (config: RunConfig) => imageShapeOf(config.model);

function applyModelFlags(model: ModelConfig, values: Map<string, number | number[]>): void {
  for (const [flag, value] of values) {
    const spec = MODEL_FLAGS.find((f) => f.flag === flag);
    const architecture = model.architecture ?? 'spec';
    if (spec && spec.architecture !== 'both' && spec.architecture !== architecture)
      throw new UsageError(
        architecture === 'radford'
          ? `${flag} shapes the spec's 28x28 model; this run trains the Radford DCGAN (--image-size 32, 64 or 128): see --generator-width and --discriminator-width`
          : `${flag} shapes the Radford DCGAN (--image-size 32, 64 or 128); this run trains the spec's 28x28 model`,
      );
    if (model.architecture === 'radford') {
      const field = {
        '--latent-size': 'latentSize',
        '--generator-width': 'generatorWidth',
        '--discriminator-width': 'discriminatorWidth',
        '--leaky-slope': 'leakySlope',
        '--batch-norm-momentum': 'batchNormMomentum',
      }[flag] as keyof typeof model.radford;
      (model.radford[field] as number) = value as number;
      continue;
    }
    const { generator, discriminator } = model;
    if (flag === '--latent-size') generator.latentSize = value as number;
    if (flag === '--generator-base-depth') generator.baseDepth = value as number;
    if (flag === '--generator-filters') generator.filters = value as [number, number];
    if (flag === '--discriminator-filters')
      discriminator.filters = value as [number, number, number];
    for (const part of [generator, discriminator]) {
      if (flag === '--kernel-size') part.kernelSize = value as number;
      if (flag === '--leaky-slope') part.leakySlope = value as number;
      if (flag === '--batch-norm-momentum') part.batchNormMomentum = value as number;
    }
  }
}

/** Runs a config check, its error turned into a UsageError that names flags, not config fields. */
function usage<T>(check: () => T, flag?: string): T {
  try {
    return check();
  } catch (error) {
    throw new UsageError(flagNames((error as Error).message, flag));
  }
}

/** `train.batchSize must ...` as `--batch-size must ...`; a model field's message under `flag`. */
export function flagNames(message: string, flag?: string): string {
  const named = message.replace(/\btrain\.([a-zA-Z]+)/g, (whole, field: string) => {
    const known = TRAIN_FLAGS.find((f) => f.field === field);
    return known ? known.flag : whole;
  });
  return flag && named === message && !message.startsWith('--') ? `${flag}: ${message}` : named;
}

/** Throws a UsageError naming the flag when the evaluation settings do not fit the run. */
export function checkEvalConfig({ eval: evaluation, train, data }: RunConfig): void {
  const classified = data === 'mnist' || data === 'fashion';
  if (evaluation.keepBest === 'sliced-wasserstein' && classified && !evaluation.slicedWasserstein)
    throw new UsageError(
      `--keep-best sliced-wasserstein on ${data} needs --sliced-wasserstein (its evaluations use the classifier)`,
    );
  if (evaluation.keepBest && evaluation.keepBest !== 'sliced-wasserstein' && !classified)
    throw new UsageError(
      `--keep-best ${evaluation.keepBest} needs a classifier, which only mnist and fashion have: use --keep-best sliced-wasserstein`,
    );
  if (evaluation.interval % train.sampleInterval !== 0) {
    throw new UsageError(
      `--eval-interval ${evaluation.interval} must be a multiple of --sample-interval ${train.sampleInterval}`,
    );
  }
  if (evaluation.keepBest && evaluation.interval === 0) {
    throw new UsageError(
      `--keep-best ${evaluation.keepBest} needs an in-run evaluation: give --eval-interval`,
    );
  }
}
