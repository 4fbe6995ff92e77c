import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../usage-error.js';
import type { BenchModel, BenchResult } from './bench.js';

const run = promisify(execFile);

/** The two figures a reference bench prints (one JSON line), as `../shared/reference/torch-bench` does. */
export interface ReferenceResult {
  reference: string;
  threads: number;
  batchSize: number;
  iterationsPerSecond: number;
  inferenceImagesPerSecond: number;
}

/** One interleaved round: the project's wasm bench, then the reference, on the same threads. */
export interface CompareRound {
  project: BenchResult;
  reference: ReferenceResult;
}

/** Where the reference is looked for: `shared/reference/torch-bench` beside the repository. */
export function defaultReference(from = process.cwd()): string | undefined {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'pnpm-workspace.yaml'))) {
      const reference = join(folder, '..', 'shared', 'reference', 'torch-bench');
      return existsSync(reference) ? reference : undefined;
    }
    if (dirname(folder) === folder) return undefined;
  }
}

/** Parses the reference's last JSON line; says what was expected when it is not there. */
export function parseReference(command: string, stdout: string): ReferenceResult {
  const line = stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.trim().startsWith('{'));
  let parsed: Partial<ReferenceResult> | undefined;
  try {
    parsed = line ? (JSON.parse(line) as Partial<ReferenceResult>) : undefined;
  } catch {
    parsed = undefined;
  }
  const fields = ['iterationsPerSecond', 'inferenceImagesPerSecond', 'batchSize'] as const;
  if (!parsed || fields.some((field) => typeof parsed?.[field] !== 'number'))
    throw new Error(
      `--compare: ${command} printed no JSON line with ${fields.join(', ')} (got ${JSON.stringify(stdout.trim().slice(-200))})`,
    );
  return parsed as ReferenceResult;
}

/**
 * Runs `rounds` interleaved rounds of the project's wasm bench (a fresh process each, `threads`
 * threads) and of the reference command (given the thread count as its argument), and returns them.
 */
export async function compareRounds(options: {
  reference: string;
  rounds: number;
  threads: number;
  model: BenchModel;
  iterations: number;
  onRound?: (round: CompareRound, index: number) => void;
}): Promise<CompareRound[]> {
  const cli = process.argv[1] as string;
  const { imageSize, channels, batchSize } = options.model;
  const referenceArgs = [String(options.threads), ...referenceModel(options.model)];
  const rounds: CompareRound[] = [];
  for (let i = 0; i < options.rounds; i++) {
    const mine = await run(
      process.execPath,
      [cli, '--threads', String(options.threads), 'bench', '--backends', 'wasm', '--json'].concat(
        ['--image-size', String(imageSize), '--channels', String(channels)],
        ['--batch-size', String(batchSize), '--iterations', String(options.iterations)],
      ),
      { maxBuffer: 1 << 20 },
    );
    const { results } = JSON.parse(mine.stdout) as { results: BenchResult[] };
    const project = results[0] as BenchResult;
    const theirs = await run(options.reference, referenceArgs, {
      maxBuffer: 1 << 20,
    }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(
        `--compare: ${options.reference} failed: ${error.stderr?.trim() || error.message}`,
      );
    });
    const reference = parseReference(options.reference, theirs.stdout);
    if (reference.batchSize !== project.batchSize)
      throw new Error(
        `--compare: ${options.reference} ran batch ${reference.batchSize}, the project batch ${project.batchSize} (--batch-size)`,
      );
    rounds.push({ project, reference });
    options.onRound?.({ project, reference }, i);
  }
  return rounds;
}

/**
 * The reference's arguments for a model: none for the spec's (its default), `--model dcgan64` for
 * Radford's at 64 pixels; it times no other.
 */
export function referenceModel({ imageSize, channels, batchSize }: BenchModel): string[] {
  if (imageSize === 28 && channels === 1) return ['--batch', String(batchSize)];
  if (imageSize === 64)
    return ['--model', 'dcgan64', '--channels', String(channels), '--batch', String(batchSize)];
  throw new UsageError(
    `--compare: the reference times the spec's 28x28x1 model and the 64-pixel DCGAN; got --image-size ${imageSize} --channels ${channels}`,
  );
}

/** The middle value (the mean of the middle two for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle)
    ? ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
    : (sorted[Math.floor(middle)] as number);
}

/**
 * Medians of both sides, and the medians of each round's ratio of the project to the reference
 * (above 1: the project is faster).
 */
export function summarizeRounds(rounds: CompareRound[]) {
  const project = {
    iterationsPerSecond: median(rounds.map((r) => r.project.iterationsPerSecond)),
    inferenceImagesPerSecond: median(rounds.map((r) => r.project.inferenceImagesPerSecond)),
  };
  const reference = {
    iterationsPerSecond: median(rounds.map((r) => r.reference.iterationsPerSecond)),
    inferenceImagesPerSecond: median(rounds.map((r) => r.reference.inferenceImagesPerSecond)),
  };
  return {
    project,
    reference,
    trainingRatio: median(
      rounds.map((r) => r.project.iterationsPerSecond / r.reference.iterationsPerSecond),
    ),
    inferenceRatio: median(
      rounds.map((r) => r.project.inferenceImagesPerSecond / r.reference.inferenceImagesPerSecond),
    ),
  };
}
