import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEvaluator, type GeneratorEvaluation } from '@dcgan/eval/node';
import {
  loadDiscriminatorFromDir,
  loadGeneratorFromDir,
  loadPretrainedGenerator,
  type PretrainedName,
  writeFileAtomic,
} from '@dcgan/models/node';
import { readCheckpointState } from '@dcgan/train/node';
import { type BackendChoice, startBackend } from '../backend.js';
import { checkedCheckpoint, newestCheckedCheckpoint } from '../checked-checkpoint.js';
import { checkpointGenerator } from './sample.js';

/** What `dcgan eval` was asked for. */
export interface EvalRequest {
  /** A run folder (its newest checkpoint), a checkpoint folder, or a generator of @dcgan/models. */
  source: string | { pretrained: PretrainedName };
  /** Where to write eval.json (default: into the checkpoint; nowhere for a pretrained generator). */
  out?: string;
  samples: number;
  seed: number;
  data?: 'mnist' | 'fashion';
  backend: BackendChoice;
  /** From a checkpoint that keeps a moving average of the generator, evaluate that (default). */
  average?: boolean;
}

/** The checkpoint folder of a run folder or a checkpoint folder, and the data set it was trained on. */
async function resolveCheckpoint(source: string): Promise<{ checkpoint: string; data: string }> {
  const checkpoint = existsSync(join(source, 'state.json'))
    ? await checkedCheckpoint(source)
    : await newestCheckedCheckpoint(source);
  if (!checkpoint)
    throw new Error(
      `${source}: neither a checkpoint folder (state.json) nor a run folder with a checkpoint`,
    );
  const state = await readCheckpointState(checkpoint);
  return { checkpoint, data: String(state.config.data) };
}

/**
 * Evaluates a checkpoint's generator (and discriminator) against the real test set of its data set,
 * prints the figures beside the real-data baselines, and writes `eval.json` into the checkpoint.
 */
export async function runEval(request: EvalRequest): Promise<GeneratorEvaluation> {
  const { source } = request;
  const { checkpoint, data } =
    typeof source === 'string'
      ? await resolveCheckpoint(source)
      : { checkpoint: undefined, data: source.pretrained.replace(/-conditional$/, '') };
  const dataset = request.data ?? data;
  if (dataset !== 'mnist' && dataset !== 'fashion') {
    throw new Error(
      `eval needs --data mnist or --data fashion: this run trained on ${data}, which has no classifier`,
    );
  }
  await startBackend(request.backend);
  const generatorDir = checkpoint && checkpointGenerator(checkpoint, request.average);
  const generator = generatorDir
    ? await loadGeneratorFromDir(generatorDir)
    : await loadPretrainedGenerator((source as { pretrained: PretrainedName }).pretrained);
  const discriminator = checkpoint
    ? await loadDiscriminatorFromDir(join(checkpoint, 'discriminator'))
    : undefined;
  const evaluator = await createEvaluator(dataset);
  try {
    const evaluation = await evaluator.evaluate({
      generator,
      discriminator,
      samples: request.samples,
      seed: request.seed,
    });
    const out = request.out ?? (checkpoint && join(checkpoint, 'eval.json'));
    if (out) await writeFileAtomic(out, `${JSON.stringify(evaluation, null, 2)}\n`);
    const name =
      generatorDir ??
      `the pretrained ${(source as { pretrained: PretrainedName }).pretrained} generator of @dcgan/models`;
    console.log(formatEvaluation(evaluation, name, out));
    return evaluation;
  } finally {
    evaluator.dispose();
  }
}

/** The evaluation as a table for a terminal, and where it was written if anywhere. */
export function formatEvaluation(e: GeneratorEvaluation, source: string, out?: string): string {
  const row = (name: string, value: string, baseline: string) =>
    `  ${name.padEnd(28)}${value.padStart(10)}   ${baseline}`;
  return [
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
            e.classAccuracy.map((share, i) => `${i}: ${(share * 100).toFixed(1)}%`).join('  '),
        ]
      : []),
    ...(out ? [`wrote ${out}`] : []),
  ].join('\n');
}
