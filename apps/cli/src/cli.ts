#!/usr/bin/env node
/**
 * dcgan: train and use DCGANs with TensorFlow.js, from the command line.
 *   dcgan train --recipe quick --out runs/quick            train on real MNIST
 *   dcgan train --data ./my-images --image-size 64 --out runs/mine
 *   dcgan train --resume runs/quick                        continue an interrupted run
 *   dcgan sample --pretrained mnist --count 64 --out digits.png
 *   dcgan eval runs/quick;  dcgan verify runs/quick;  dcgan bench
 * In the repository: pnpm dcgan <command> ...
 */
import type { PretrainedName } from '@dcgan/models';
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { type BackendChoice, setWasmThreads, stopBackend } from './backend.js';
import { runEval } from './commands/eval.js';
import { runBench } from './commands/run-bench.js';
import { runSample } from './commands/sample.js';
import { addTrainCommand } from './commands/train-command.js';
import { runVerify } from './commands/verify.js';
import { parseClassList } from './conditional.js';
import { integerOf, oneOf } from './options/parse-values.js';
import { backendOption, jsonOption, pretrainedOption } from './options/shared-options.js';
import { EXIT, UsageError } from './usage-error.js';

const program = new Command('dcgan')
  .description('Train and use DCGANs with TensorFlow.js: MNIST, Fashion-MNIST or your own pictures')
  .version(packageJson.version, '-V, --version', 'print the version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .option('--threads <n>', 'threads of the wasm backend (default: one a core, at most 8)')
  .hook('preAction', (command) => {
    const threads = command.opts().threads as string | undefined;
    if (threads !== undefined) setWasmThreads(integerOf('--threads', 1)(threads));
  })
  .configureOutput({
    outputError: (text, write) => write(`error: ${text.replace(/^error: /, '')}`),
  });

/** The folder argument or `--pretrained NAME`: exactly one of them. */
function sourceOrPretrained(
  command: string,
  source: string | undefined,
  pretrained: PretrainedName | undefined,
): string | { pretrained: PretrainedName } {
  if (source !== undefined && pretrained === undefined) return source;
  if (source === undefined && pretrained !== undefined) return { pretrained };
  throw new UsageError(
    `${command}: give a run or model folder, or --pretrained NAME (one of them)`,
  );
}

const noAverage = () =>
  new Option(
    '--no-average',
    "a checkpoint's trained generator, not the moving average that a run with --average-decay keeps",
  );

addTrainCommand(program);

program
  .command('sample')
  .summary('write samples of a trained generator: a PNG grid or IDX files')
  .description(
    'Writes images drawn by a trained generator: a grid (.png, colour for colour models) or the ' +
      "images as IDX bytes (.idx, .idx.gz; a conditional generator's classes beside them).",
  )
  .argument(
    '[source]',
    'a run folder (its newest checkpoint) or a folder holding a generator model.json',
  )
  .addOption(pretrainedOption())
  .requiredOption('--out <file>', 'output file: .png, .idx or .idx.gz')
  .option(
    '--count <n>',
    'how many images (default 64; 10 a class for a conditional grid)',
    integerOf('--count', 1),
  )
  .option('--seed <n>', 'seed of the noise', integerOf('--seed', 1), 1)
  .option('--class <class>', "a conditional generator's class, for every image", (text) =>
    parseClassList(text, '--class'),
  )
  .option(
    '--classes <a,b,...>',
    "a conditional generator's classes, a row each (default: every class)",
    (text) => parseClassList(text, '--classes'),
  )
  .addOption(noAverage())
  .addOption(backendOption())
  .addOption(jsonOption())
  .action(async (source: string | undefined, options: Record<string, unknown>) => {
    const {
      pretrained,
      class: one,
      classes,
      ...rest
    } = options as {
      pretrained?: PretrainedName;
      class?: number[];
      classes?: number[];
      out: string;
      count?: number;
      seed: number;
      backend: BackendChoice;
      average: boolean;
      json?: boolean;
    };
    if (one && classes) throw new UsageError('sample: give --class or --classes, not both');
    if (one && one.length !== 1)
      throw new UsageError('--class takes one class; --classes takes several');
    const written = await runSample({
      ...rest,
      classes: one ?? classes,
      source: sourceOrPretrained('sample', source, pretrained),
    });
    if (rest.json) console.log(JSON.stringify(written, null, 2));
  });

program
  .command('eval')
  .summary("measure a generator's samples against real images")
  .description(
    "Measures a generator's samples beside real images' own figures: on MNIST and Fashion-MNIST, " +
      'the classifier score, Fréchet distance and class shares of the shipped classifiers; on other ' +
      'data (and with --sliced-wasserstein), the sliced Wasserstein distance of image patches to the ' +
      'training images. Writes eval.json into the checkpoint.',
  )
  .argument('[source]', 'a run folder (its newest checkpoint) or a checkpoint folder')
  .addOption(pretrainedOption())
  .option('--out <file>', "where to write eval.json (default: the checkpoint's folder)")
  .option('--samples <n>', 'how many fakes', integerOf('--samples', 2), 10_000)
  .option('--seed <n>', 'seed of the noise', integerOf('--seed', 1), 1)
  .addOption(
    new Option('--data <name>', "the data set's classifier (default: the run's)").argParser(
      oneOf('--data', ['mnist', 'fashion'] as const),
    ),
  )
  .option(
    '--sliced-wasserstein',
    'on mnist and fashion, also the sliced Wasserstein distance of patches (other data always has it)',
  )
  .addOption(noAverage())
  .addOption(backendOption())
  .addOption(jsonOption())
  .action(async (source: string | undefined, options: Record<string, unknown>) => {
    const { pretrained, json, ...rest } = options as {
      pretrained?: PretrainedName;
      json?: boolean;
      average: boolean;
      samples: number;
      seed: number;
      data?: 'mnist' | 'fashion';
      slicedWasserstein?: boolean;
      backend: BackendChoice;
      out?: string;
    };
    const evaluation = await runEval({
      ...rest,
      source: sourceOrPretrained('eval', source, pretrained),
    });
    if (json) console.log(JSON.stringify(evaluation, null, 2));
  });

program
  .command('verify')
  .summary('check the checkpoints and models of runs; exit 1 if one fails')
  .description(
    'Checks each checkpoint of a run (sizes and SHA-256 against its manifest, its state, its ' +
      'models) or model folders; exits 1 when one fails.',
  )
  .argument('<paths...>', 'run folders, checkpoint folders or model folders (model.json)')
  .addOption(jsonOption())
  .action(async (paths: string[], options: { json?: boolean }) => {
    process.exitCode = await runVerify(paths, options);
  });

program
  .command('bench')
  .summary('training and inference speed, for each backend installed')
  .description(
    'Times training iterations and generator inference of a model on each backend installed, with ' +
      "the backend's matrix-product speed beside them; --compare interleaves the PyTorch yardstick.",
  )
  .option('--backends <names>', 'comma-separated backends (default: every fast one installed)')
  .option(
    '--image-size <pixels>',
    "28: the spec's model (default); 32, 64, 128: Radford's",
    integerOf('--image-size', 1),
    28,
  )
  .addOption(
    new Option('--channels <n>', '1 or 3 (default 1 at 28 pixels, 3 otherwise)').argParser(
      oneOf('--channels', ['1', '3'] as const),
    ),
  )
  .option(
    '--batch-size <n>',
    'batch size (default 128 at 28 pixels, 64 otherwise)',
    integerOf('--batch-size', 1),
  )
  .option(
    '--iterations <n>',
    'timed iterations, the median reported',
    integerOf('--iterations', 1),
    5,
  )
  .addOption(jsonOption())
  .option('--profile', 'time each kernel of one iteration instead')
  .option('--by-shape', 'with --profile: a row for each kernel and list of input shapes')
  .option(
    '--compare [command]',
    'interleave rounds of the wasm bench with a reference bench (default ../shared/reference/torch-bench)',
  )
  .option('--rounds <n>', 'rounds of --compare, the medians reported', integerOf('--rounds', 1), 3)
  .action(async (options: Record<string, unknown>) => {
    await runBench(options as unknown as Parameters<typeof runBench>[0]);
  });

/** The exit code of what went wrong: commander's and the flags' errors are usage errors. */
function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.done : EXIT.usage;
  if (error instanceof UsageError) return EXIT.usage;
  return EXIT.failed;
}

// Exits explicitly: the threaded wasm backend's idle workers would keep Node running. A WebGPU
// device would too: it is destroyed first.
program
  .parseAsync()
  .catch((error: Error) => {
    if (!(error instanceof CommanderError)) console.error(`error: ${error.message}`);
    process.exitCode = exitCodeOf(error);
  })
  .finally(() => {
    stopBackend();
    process.exit();
  });
