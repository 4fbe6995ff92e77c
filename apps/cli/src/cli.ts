#!/usr/bin/env node
/**
 * dcgan: the command-line trainer of dcgan.js.
 *   dcgan train --iterations 200 --out runs/quick      train the spec's DCGAN on real MNIST
 *   dcgan train --resume runs/quick                    continue an interrupted run
 *   dcgan sample runs/quick --count 64 --out digits.png
 *   dcgan sample --pretrained mnist --count 64 --out digits.png   the generator that ships
 *   dcgan verify runs/quick                            check every checkpoint and model of a run
 *   dcgan bench                                        training speed of each backend
 * From the repository: pnpm dcgan <command> ...
 */
import { PRETRAINED_NAMES, type PretrainedName } from '@dcgan/models';
import { Command, InvalidArgumentError, Option } from 'commander';
import { BACKENDS, type BackendChoice, setWasmThreads, stopBackend } from './backend.js';
import { runEval } from './commands/eval.js';
import { runBench } from './commands/run-bench.js';
import { runSample } from './commands/sample.js';
import { runTraining } from './commands/train.js';
import { runVerify } from './commands/verify.js';
import { parseClassList } from './conditional.js';
import {
  buildRunConfig,
  type ConfigFlag,
  configFlags,
  KEEP_BEST_METRICS,
  type KeepBestMetric,
  parseFlagValue,
} from './run-config.js';

const program = new Command('dcgan')
  .description('Train and use DCGANs on MNIST-like data with TensorFlow.js')
  .showHelpAfterError()
  .option('--threads <n>', 'threads of the wasm backend (default: one a core, at most 8)')
  .hook('preAction', (command) => {
    const threads = command.opts().threads as string | undefined;
    if (threads !== undefined) setWasmThreads(Number(threads));
  })
  .configureOutput({
    outputError: (text, write) => write(`error: ${text.replace(/^error: /, '')}`),
  });

const backendOption = () =>
  new Option('--backend <name>', 'TensorFlow.js backend')
    .choices(BACKENDS as unknown as string[])
    .default('auto');
const pretrainedOption = () =>
  new Option(
    '--pretrained <name>',
    'a generator that ships with @dcgan/models, instead of a folder',
  ).choices(PRETRAINED_NAMES);

/** The folder argument or `--pretrained NAME`: exactly one of them. */
function sourceOrPretrained(
  command: string,
  source: string | undefined,
  pretrained: PretrainedName | undefined,
): string | { pretrained: PretrainedName } {
  if (source !== undefined && pretrained === undefined) return source;
  if (source === undefined && pretrained !== undefined) return { pretrained };
  throw new Error(`${command}: give a run or model folder, or --pretrained NAME (one of them)`);
}

const noAverageHelp =
  "a checkpoint's trained generator, not the moving average of it that a run with --average-decay keeps";

const integer =
  (name: string, min = 0) =>
  (text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min)
      throw new InvalidArgumentError(`${name} expects an integer >= ${min}`);
    return value;
  };

/**
 * The flags that `--resume` lets change: extend a run, go on at other learning rates or another
 * schedule, smoothing or average (and `--keep-best`).
 */
const RESUMABLE_FLAGS = [
  '--iterations',
  '--learning-rate',
  '--generator-learning-rate',
  '--discriminator-learning-rate',
  '--learning-rate-decay-start',
  '--learning-rate-floor',
  '--label-smoothing',
  '--average-decay',
];

const trainCommand = program
  .command('train')
  .description(
    "train the spec's DCGAN (defaults: SPEC.md's 20,000 iterations, batch 128, Adam 0.001)",
  )
  .option(
    '--data <source>',
    'mnist (built in), fashion (Debian dataset-fashion-mnist) or a folder of IDX files',
    'mnist',
  )
  .addOption(backendOption())
  .option('--out <dir>', 'run folder for config, metrics, samples and checkpoints')
  .option(
    '--resume <dir>',
    `continue the run in this folder from its last checkpoint (${RESUMABLE_FLAGS.join(', ')} and --keep-best may change)`,
  )
  .option(
    '--eval-interval <n>',
    'evaluate every n iterations into metrics.jsonl (0: never)',
    integer('--eval-interval'),
    0,
  )
  .option('--eval-samples <n>', 'fakes per evaluation', integer('--eval-samples', 2), 2000)
  .addOption(
    new Option(
      '--keep-best <metric>',
      'keep the checkpoint of the best in-run evaluation so far in checkpoints/best/',
    ).choices(KEEP_BEST_METRICS),
  )
  .option(
    '--conditional [classes]',
    "the class-conditional model, trained on the data set's labels (classes: 10 by default)",
  );
const flags = configFlags();
for (const flag of flags) {
  trainCommand.option(
    `${flag.flag} <${flag.kind === 'list' ? 'a,b,...' : 'n'}>`,
    `${flag.path.join('.')} (default ${flag.defaultValue}${flag.defaultMeaning ? `: ${flag.defaultMeaning}` : ''})`,
  );
}
trainCommand.action(async (options: Record<string, string | number | undefined>) => {
  const overrides = new Map<ConfigFlag, number | number[]>();
  for (const flag of flags) {
    const text = options[camel(flag.flag)] as string | undefined;
    if (text !== undefined) overrides.set(flag, parseFlagValue(text, flag));
  }
  if (options.resume) {
    if (options.conditional !== undefined)
      throw new Error("--resume keeps the run's model: --conditional cannot change it");
    const extra = [...overrides.keys()]
      .filter((f) => !RESUMABLE_FLAGS.includes(f.flag))
      .map((f) => f.flag);
    if (extra.length > 0)
      throw new Error(
        `--resume keeps the run's config but ${new Intl.ListFormat('en').format(RESUMABLE_FLAGS)}: ${extra.join(', ')} cannot change it`,
      );
    process.exitCode = await runTraining({
      kind: 'resume',
      runDir: options.resume as string,
      backend: options.backend as BackendChoice,
      train: Object.fromEntries(
        [...overrides].map(([flag, value]) => [flag.path.at(-1) as string, value]),
      ),
      keepBest: options.keepBest as KeepBestMetric | undefined,
    });
    return;
  }
  const config = buildRunConfig(options.data as string, options.backend as string, overrides, {
    interval: options.evalInterval as number,
    samples: options.evalSamples as number,
    ...(options.keepBest !== undefined && { keepBest: options.keepBest as KeepBestMetric }),
  });
  if (options.conditional !== undefined) {
    const given = options.conditional as string | true;
    const classes = given === true ? 10 : Number(given);
    if (!Number.isInteger(classes) || classes < 2)
      throw new Error(`--conditional expects a number of classes >= 2, got ${given}`);
    config.model.conditional = { classes };
  }
  const runDir =
    (options.out as string | undefined) ??
    `runs/${config.data.replace(/\W+/g, '-')}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  process.exitCode = await runTraining({ kind: 'new', runDir, config });
});

program
  .command('sample')
  .description(
    'write samples of a trained generator: a grid (.png) or the images as IDX (.idx, .idx.gz)',
  )
  .argument(
    '[source]',
    'a run folder (its newest checkpoint) or a folder holding a generator model.json',
  )
  .addOption(pretrainedOption())
  .requiredOption('--out <file>', 'output file: .png, .idx or .idx.gz')
  .option(
    '--count <n>',
    'how many images (default 64; 10 a class for a conditional grid of several classes)',
    integer('--count', 1),
  )
  .option('--seed <n>', 'seed of the noise', integer('--seed', 1), 1)
  .option('--class <digit>', "a conditional generator's class, for every image", (text) =>
    parseClassList(text, '--class'),
  )
  .option(
    '--classes <a,b,...>',
    "a conditional generator's classes, a row each (default: every class)",
    (text) => parseClassList(text, '--classes'),
  )
  .option('--no-average', noAverageHelp)
  .addOption(backendOption())
  .action(
    async (
      source: string | undefined,
      options: {
        out: string;
        count?: number;
        class?: number[];
        classes?: number[];
        seed: number;
        backend: BackendChoice;
        pretrained?: PretrainedName;
        average: boolean;
      },
    ) => {
      const { pretrained, class: one, classes, ...rest } = options;
      if (one && classes) throw new Error('sample: give --class or --classes, not both');
      if (one && one.length !== 1)
        throw new Error('--class takes one class; --classes takes several');
      await runSample({
        ...rest,
        classes: one ?? classes,
        source: sourceOrPretrained('sample', source, pretrained),
      });
    },
  );

program
  .command('eval')
  .description(
    'evaluate a checkpoint: classifier score, Frechet distance, class shares, discriminator accuracy',
  )
  .argument('[source]', 'a run folder (its newest checkpoint) or a checkpoint folder')
  .addOption(pretrainedOption())
  .option('--out <file>', "where to write eval.json (default: the checkpoint's folder)")
  .option('--samples <n>', 'how many fakes', integer('--samples', 2), 10_000)
  .option('--seed <n>', 'seed of the noise', integer('--seed', 1), 1)
  .addOption(
    new Option('--data <name>', "the data set's classifier (default: the run's)").choices([
      'mnist',
      'fashion',
    ]),
  )
  .option('--no-average', noAverageHelp)
  .addOption(backendOption())
  .action(
    async (
      source: string | undefined,
      options: {
        average: boolean;
        samples: number;
        seed: number;
        data?: 'mnist' | 'fashion';
        backend: BackendChoice;
        out?: string;
        pretrained?: PretrainedName;
      },
    ) => {
      const { pretrained, ...rest } = options;
      await runEval({ ...rest, source: sourceOrPretrained('eval', source, pretrained) });
    },
  );

program
  .command('verify')
  .description(
    'check the checkpoints of a run (checksums, state, models) or model folders; exit 1 if one fails',
  )
  .argument('<paths...>', 'run folders, checkpoint folders or model folders (model.json)')
  .action(async (paths: string[]) => {
    process.exitCode = await runVerify(paths);
  });

program
  .command('bench')
  .description('training and inference speed of the spec model, for each backend installed')
  .option('--backends <names>', 'comma-separated backends (default: every fast one installed)')
  .option('--batch-size <n>', 'batch size', integer('--batch-size', 1), 128)
  .option('--iterations <n>', 'timed iterations (median reported)', integer('--iterations', 1), 5)
  .option('--json', 'one JSON object a backend, a line each')
  .option('--profile', 'time each kernel of one iteration instead')
  .option('--by-shape', 'with --profile: a row for each kernel and list of input shapes')
  .option(
    '--compare [command]',
    'interleave rounds of the wasm bench with a reference bench (default ../shared/reference/torch-bench)',
  )
  .option('--rounds <n>', 'rounds of --compare (medians reported)', integer('--rounds', 1), 3)
  .action(
    async (options: {
      backends?: string;
      batchSize: number;
      iterations: number;
      json?: boolean;
      profile?: boolean;
      byShape?: boolean;
      compare?: string | true;
      rounds: number;
    }) => {
      await runBench(options);
    },
  );

function camel(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

// Exits explicitly: the threaded wasm backend's idle workers would keep Node running. A WebGPU
// device would too: it is destroyed first.
program
  .parseAsync()
  .catch((error: Error) => {
    console.error(`error: ${error.message}`);
    process.exitCode = 2;
  })
  .finally(() => {
    stopBackend();
    process.exit();
  });
