import {
  type AugmentPolicy,
  defaultTrainConfig,
  parseAugmentPolicy,
  type TrainConfig,
} from '@dcgan/train';
import { type Command, Option } from 'commander';
import type { BackendChoice } from '../backend.js';
import { integerOf, oneOf } from '../options/parse-values.js';
import { RECIPE_NAMES, RECIPES } from '../options/recipes.js';
import { backendOption } from '../options/shared-options.js';
import { MODEL_FLAGS, TRAIN_FLAGS } from '../options/train-flags.js';
import {
  buildRunConfig,
  KEEP_BEST_METRICS,
  type KeepBestMetric,
  type TrainOptions,
} from '../run-config.js';
import { UsageError } from '../usage-error.js';
import { runTraining } from './train.js';

/** The flags that `--resume` lets change: extend a run, go on at other rates or another average. */
export const RESUMABLE_FLAGS = TRAIN_FLAGS.filter((f) => f.resumable).map((f) => f.flag);

/** Adds `dcgan train` to the program. */
export function addTrainCommand(program: Command): void {
  const command = program
    .command('train')
    .summary('train a DCGAN on MNIST, Fashion-MNIST, IDX files or a folder of images')
    .description(
      "Trains a DCGAN: the spec's 28x28 model on MNIST-like data, or the DCGAN of Radford et al. on " +
        'a folder of pictures at 32, 64 or 128 pixels. Writes config.json, metrics.jsonl, sample ' +
        'grids, samples.gif, report.html and checkpoints into --out; Ctrl-C saves a checkpoint, ' +
        'and --resume continues from it exactly.',
    );
  const group = (heading: string, options: Option[]) => {
    for (const option of options) command.addOption(option.helpGroup(heading));
  };
  group('Data:', [
    new Option(
      '--data <source>',
      'mnist, fashion (Debian dataset-fashion-mnist), a folder of IDX files, or a folder of PNG, JPEG and WebP images (one subfolder a class)',
    ).default('mnist'),
    new Option(
      '--image-size <pixels>',
      "28 trains the spec's model; 32, 64 or 128 the DCGAN of Radford et al. (default: 28 for IDX data, 64 for images)",
    ).argParser(integerOf('--image-size', 1)),
    new Option(
      '--channels <n>',
      '1 (grey) or 3 (colour) (default: 1 for IDX data, 3 for images)',
    ).argParser(oneOf('--channels', ['1', '3'] as const)),
    new Option(
      '--background <color>',
      'images: the colour behind transparent pixels, a name or #rrggbb (default: white)',
    ),
    new Option(
      '--skip-unreadable',
      'images: skip files that cannot be read, listing them, instead of stopping',
    ),
    new Option(
      '--augment <policy>',
      'differentiable augmentation of what the discriminator sees, for small sets: color, translation, cutout, comma-separated, or none (default: none)',
    ).argParser(augmentPolicyOf),
  ]);
  group('Model:', [
    new Option(
      '--recipe <name>',
      `training preset (spec: Adam 0.001, beta1 0.9, batch 128; quick: a first run that draws digits in about a minute; paper: Adam 0.0002, beta1 0.5, batch 64; ttur: the shipped MNIST generator's recipe); flags below override it (default: spec for 28x28 data, paper for images)`,
    ).argParser(oneOf('--recipe', RECIPE_NAMES)),
    new Option(
      '--conditional [classes]',
      "the class-conditional model, trained on the data set's labels or class folders (classes: 10, or the folders')",
    ),
    ...MODEL_FLAGS.map((f) =>
      new Option(`${f.flag} ${f.placeholder}`, f.description).argParser(f.parse),
    ),
  ]);
  group(
    'Training:',
    TRAIN_FLAGS.map((f) =>
      new Option(
        `${f.flag} ${f.placeholder}`,
        `${f.description} (${defaultOf(f.field)})`,
      ).argParser(f.parse),
    ),
  );
  group('Evaluation:', [
    new Option('--eval-interval <n>', 'evaluate every n iterations into metrics.jsonl (0: never)')
      .argParser(integerOf('--eval-interval'))
      .default(0),
    new Option('--eval-samples <n>', 'fakes per evaluation')
      .argParser(integerOf('--eval-samples', 2))
      .default(2000),
    new Option(
      '--keep-best <metric>',
      'keep the checkpoint of the best in-run evaluation in checkpoints/best/',
    ).choices(KEEP_BEST_METRICS),
    new Option(
      '--sliced-wasserstein',
      'on mnist and fashion, also the sliced Wasserstein distance of patches (other data always has it)',
    ),
  ]);
  group('Run:', [
    new Option('--out <dir>', 'the run folder (default: runs/<data>-<time>)'),
    new Option(
      '--resume <dir>',
      `continue the run in this folder from its newest intact checkpoint (${RESUMABLE_FLAGS.join(', ')} and --keep-best may change)`,
    ),
    backendOption(),
  ]);
  command.action(async (options: Record<string, unknown>) => {
    process.exitCode = await trainAction(options);
  });
}

/** A training field's default, and the recipes that set it otherwise, for `--help`. */
function defaultOf(field: keyof TrainConfig): string {
  const recipes = RECIPE_NAMES.flatMap((name) => {
    const value = (RECIPES[name] as Partial<TrainConfig>)[field];
    return value === undefined ? [] : [`${name} ${value}`];
  });
  const base = `default ${defaultTrainConfig()[field]}`;
  return recipes.length > 0 ? `${base}; --recipe ${recipes.join(', ')}` : base;
}

async function trainAction(options: Record<string, unknown>): Promise<number> {
  const train = new Map<keyof TrainConfig, number>();
  for (const f of TRAIN_FLAGS) {
    const value = options[camel(f.flag)];
    if (value !== undefined) train.set(f.field, value as number);
  }
  const model = new Map<string, number | number[]>();
  for (const f of MODEL_FLAGS) {
    const value = options[camel(f.flag)];
    if (value !== undefined) model.set(f.flag, value as number | number[]);
  }
  const keepBest = options.keepBest as KeepBestMetric | undefined;
  if (options.resume !== undefined) {
    const fixed = [
      ...[...train.keys()]
        .map((field) => TRAIN_FLAGS.find((f) => f.field === field))
        .filter((f) => !f?.resumable)
        .map((f) => f?.flag),
      ...[...model.keys()],
      ...[
        '--data',
        '--image-size',
        '--channels',
        '--recipe',
        '--conditional',
        '--background',
        '--skip-unreadable',
        '--augment',
        '--sliced-wasserstein',
      ].filter(
        (flag) =>
          options[camel(flag)] !== undefined && !(flag === '--data' && options.data === 'mnist'),
      ),
    ];
    if (fixed.length > 0)
      throw new UsageError(
        `--resume keeps the run's config but ${RESUMABLE_FLAGS.join(', ')} and --keep-best: ${fixed.join(', ')} cannot change it`,
      );
    return runTraining({
      kind: 'resume',
      runDir: options.resume as string,
      backend: options.backend as BackendChoice,
      train: Object.fromEntries(train),
      keepBest,
    });
  }
  const parsed: TrainOptions = {
    data: options.data as string,
    backend: options.backend as string,
    imageSize: options.imageSize as number | undefined,
    channels: options.channels === undefined ? undefined : Number(options.channels),
    background: options.background as string | undefined,
    skipUnreadable: options.skipUnreadable as boolean | undefined,
    augment: options.augment as AugmentPolicy | undefined,
    recipe: options.recipe as TrainOptions['recipe'],
    conditional: conditionalClasses(options.conditional as string | true | undefined),
    model,
    train,
    eval: {
      interval: options.evalInterval as number,
      samples: options.evalSamples as number,
      ...(keepBest !== undefined && { keepBest }),
      ...(options.slicedWasserstein === true && { slicedWasserstein: true }),
    },
  };
  const config = buildRunConfig(parsed);
  const runDir =
    (options.out as string | undefined) ??
    `runs/${config.data.replace(/\W+/g, '-').replace(/^-+/, '')}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  return runTraining({ kind: 'new', runDir, config });
}

/** `--augment color,translation,cutout` (the reference's ratios), or `none`. */
function augmentPolicyOf(text: string): AugmentPolicy {
  if (text === 'none') return {};
  try {
    return parseAugmentPolicy(text);
  } catch {
    throw new UsageError(
      `--augment: expected color, translation and cutout separated by commas, or none, got "${text}"`,
    );
  }
}

/** `--conditional`'s classes; alone, `true`: 10 classes for IDX data, the class folders' count. */
function conditionalClasses(given: string | true | undefined): number | true | undefined {
  if (given === undefined || given === true) return given;
  const classes = Number(given);
  if (!Number.isInteger(classes) || classes < 2)
    throw new UsageError(`--conditional: expected a number of classes >= 2, got "${given}"`);
  return classes;
}

export function camel(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
