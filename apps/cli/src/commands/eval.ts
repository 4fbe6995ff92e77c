import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratorEvaluation } from '@dcgan/eval/node';
import {
  defaultModelConfig,
  loadDiscriminatorFromDir,
  loadGeneratorFromDir,
  loadPretrainedGenerator,
  type PretrainedName,
  writeFileAtomic,
} from '@dcgan/models/node';
import { readCheckpointState } from '@dcgan/train/node';
import { type BackendChoice, startBackend } from '../backend.js';
import { checkedCheckpoint, newestCheckedCheckpoint } from '../checked-checkpoint.js';
import { defaultEvalConfig, type RunConfig } from '../run-config.js';
import { loadRunData } from '../run-data.js';
import {
  CLASSIFIED,
  type ClassifiedData,
  createRunEvaluator,
  type RunFigures,
} from '../run-evaluator.js';
import { readRunConfig } from '../run-files.js';
import { UsageError } from '../usage-error.js';
import { checkpointGenerator } from './sample.js';

/** What `dcgan eval` was asked for. */
export interface EvalRequest {
  /** A run folder (its newest checkpoint), a checkpoint folder, or a generator of @dcgan/models. */
  source: string | { pretrained: PretrainedName };
  /** Where to write eval.json (default: into the checkpoint; nowhere for a pretrained generator). */
  out?: string;
  samples: number;
  seed: number;
  /** The classifier to judge with, when the run's data has none of its own name. */
  data?: ClassifiedData;
  /** Also the sliced Wasserstein distance on MNIST and Fashion-MNIST. */
  slicedWasserstein?: boolean;
  backend: BackendChoice;
  /** From a checkpoint that keeps a moving average of the generator, evaluate that (default). */
  average?: boolean;
}

/** What `dcgan eval` writes to eval.json: the classifier's figures, the patch distance, or both. */
export type EvalReport = Partial<GeneratorEvaluation> & {
  samples: number;
  seed: number;
  slicedWasserstein?: RunFigures['slicedWasserstein'];
};

/**
 * The checkpoint folder of a run folder or a checkpoint folder, and the run's config (the run
 * folder's, or rebuilt from the checkpoint's state when it stands alone).
 */
async function resolveCheckpoint(source: string): Promise<{ checkpoint: string; run: RunConfig }> {
  const checkpoint = existsSync(join(source, 'state.json'))
    ? await checkedCheckpoint(source)
    : await newestCheckedCheckpoint(source);
  if (!checkpoint)
    throw new UsageError(
      `${source}: neither a checkpoint folder (state.json) nor a run folder with a checkpoint`,
    );
  const runDir = dirname(dirname(checkpoint));
  if (existsSync(join(runDir, 'config.json')))
    return { checkpoint, run: await readRunConfig(runDir) };
  const { config } = await readCheckpointState(checkpoint);
  return {
    checkpoint,
    run: {
      data: String(config.data),
      backend: 'auto',
      model: config.model,
      train: config.train,
      eval: defaultEvalConfig(),
    },
  };
}

/**
 * Evaluates a checkpoint's generator (and discriminator), or a shipped one: against the real test
 * set with the data set's classifier (MNIST, Fashion-MNIST), and by the sliced Wasserstein
 * distance of patches against the training images (other data; any with `slicedWasserstein`),
 * beside real images' own figures. Writes `eval.json` into the checkpoint.
 */
export async function runEval(request: EvalRequest): Promise<EvalReport> {
  const { source } = request;
  const { checkpoint, run } =
    typeof source === 'string'
      ? await resolveCheckpoint(source)
      : { checkpoint: undefined, run: pretrainedRun() };
  const classified = (CLASSIFIED as readonly string[]).includes(run.data);
  const classifier = request.data ?? (classified ? (run.data as ClassifiedData) : undefined);
  await startBackend(request.backend);
  const patches =
    !classifier || request.slicedWasserstein
      ? await loadRunData(run, (line) => console.error(line))
      : undefined;
  const generatorDir = checkpoint && checkpointGenerator(checkpoint, request.average);
  const generator = generatorDir
    ? await loadGeneratorFromDir(generatorDir)
    : await loadPretrainedGenerator((source as { pretrained: PretrainedName }).pretrained);
  const discriminator = checkpoint
    ? await loadDiscriminatorFromDir(join(checkpoint, 'discriminator'))
    : undefined;
  const evaluator = await createRunEvaluator({
    ...(classifier && { classifier }),
    ...(patches && { patches }),
    samples: request.samples,
    baseline: true,
  });
  try {
    const figures = await evaluator.evaluate({ generator, discriminator, seed: request.seed });
    const report: EvalReport = {
      ...(figures.classifier ?? { samples: request.samples, seed: request.seed }),
      ...(figures.slicedWasserstein && { slicedWasserstein: figures.slicedWasserstein }),
    };
    const out = request.out ?? (checkpoint && join(checkpoint, 'eval.json'));
    if (out) await writeFileAtomic(out, `${JSON.stringify(report, null, 2)}\n`);
    const name =
      generatorDir ??
      `the pretrained ${(source as { pretrained: PretrainedName }).pretrained} generator of @dcgan/models`;
    console.error(formatEvaluation(figures, name, out));
    return report;
  } finally {
    evaluator.dispose();
  }
}

/** The run a shipped generator stands for: the spec's model on MNIST. */
function pretrainedRun(): RunConfig {
  return {
    data: 'mnist',
    backend: 'auto',
    model: defaultModelConfig(),
    train: {} as RunConfig['train'],
    eval: defaultEvalConfig(),
  };
}

/** The evaluation as a table for a terminal, and where it was written if anywhere. */
export function formatEvaluation(figures: RunFigures, source: string, out?: string): string {
  const row = (name: string, value: string, baseline: string) =>
    `  ${name.padEnd(28)}${value.padStart(10)}   ${baseline}`;
  const e = figures.classifier;
  const swd = figures.slicedWasserstein;
  return [
    ...(e
      ? [
          `${source}: ${e.samples} samples (seed ${e.seed}) against the ${e.dataset} test set`,
          row(
            'classifier score (max 10)',
            e.classifierScore.toFixed(3),
            `real test set: ${e.baselines.realTestClassifierScore.toFixed(3)}`,
          ),
          row(
            'Frechet distance',
            e.frechetDistance.toFixed(3),
            `real train vs test: ${e.baselines.realTrainVsTestFrechetDistance.toFixed(3)}`,
          ),
          ...(e.discriminatorAccuracy === undefined
            ? []
            : [
                row(
                  'discriminator accuracy',
                  `${(e.discriminatorAccuracy * 100).toFixed(1)}%`,
                  `on the real test images and ${e.samples} fakes, each side weighted half`,
                ),
              ]),
          `  class shares: ${e.classShares.map((share, i) => `${i}: ${(share * 100).toFixed(1)}%`).join('  ')}`,
          ...(e.classAccuracy && e.meanClassAccuracy !== undefined
            ? [
                `  read as the class asked for: mean ${(e.meanClassAccuracy * 100).toFixed(1)}%, ` +
                  e.classAccuracy
                    .map((share, i) => `${i}: ${(share * 100).toFixed(1)}%`)
                    .join('  '),
              ]
            : []),
        ]
      : []),
    ...(swd
      ? [
          ...(e ? [] : [`${source}: ${swd.samples} samples against as many training images`]),
          row(
            'sliced Wasserstein x 1e3',
            swd.average.toFixed(2),
            swd.baseline
              ? `real against real (${swd.samples} and ${swd.samples}): ${swd.baseline.average.toFixed(2)}`
              : '',
          ),
          `  by level (${swd.sizes.map(([h]) => `${h} px`).join(', ')}): ${swd.distances.map((d) => d.toFixed(2)).join(', ')}` +
            (swd.baseline
              ? `; real: ${swd.baseline.distances.map((d) => d.toFixed(2)).join(', ')}`
              : ''),
        ]
      : []),
    ...(out ? [`wrote ${out}`] : []),
  ].join('\n');
}
