import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@dcgan/models/node';
import { completeTrainConfig } from '@dcgan/train';
import { defaultEvalConfig, type RunConfig } from './run-config.js';

/** The files of a run folder. */
export const runPaths = (runDir: string) => ({
  config: join(runDir, 'config.json'),
  metrics: join(runDir, 'metrics.jsonl'),
  samples: join(runDir, 'samples'),
  sample: (step: number) => join(runDir, 'samples', `step-${String(step).padStart(7, '0')}.png`),
  gif: join(runDir, 'samples.gif'),
  /** The checkpoint of the best in-run evaluation so far (`--keep-best`). */
  best: join(runDir, 'checkpoints', 'best'),
});

/** Creates a run folder and writes its `config.json`. */
export async function createRunDir(runDir: string, config: RunConfig): Promise<void> {
  await mkdir(runPaths(runDir).samples, { recursive: true });
  await writeRunConfig(runDir, config);
}

/** Writes a run's `config.json` atomically (a resume that extends the run rewrites it). */
export async function writeRunConfig(runDir: string, config: RunConfig): Promise<void> {
  await writeFileAtomic(runPaths(runDir).config, `${JSON.stringify(config, null, 2)}\n`);
}

/** Reads a run's `config.json`, naming the file when it is missing or broken. */
export async function readRunConfig(runDir: string): Promise<RunConfig> {
  const path = runPaths(runDir).config;
  if (!existsSync(path))
    throw new Error(`${path}: missing (is ${runDir} a run folder made by dcgan train?)`);
  let config: RunConfig;
  try {
    config = JSON.parse(await readFile(path, 'utf8')) as RunConfig;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof config.train !== 'object' || config.train === null)
    throw new Error(
      `${path}: expected a "train" object (is ${runDir} a run folder made by dcgan train?)`,
    );
  // Runs made before a training field existed go on as they were made: the field's default.
  config.train = completeTrainConfig(config.train);
  config.eval ??= defaultEvalConfig();
  return config;
}

/** Appends one record to `metrics.jsonl`. */
export async function appendMetrics(
  runDir: string,
  record: Record<string, unknown>,
): Promise<void> {
  await appendFile(runPaths(runDir).metrics, `${JSON.stringify(record)}\n`);
}

/**
 * The records of `metrics.jsonl` up to `lastStep`: on resume, lines written after the checkpoint
 * (or cut short by a kill) are dropped and the file rewritten.
 */
export async function truncateMetrics(runDir: string, lastStep: number): Promise<void> {
  const path = runPaths(runDir).metrics;
  if (!existsSync(path)) return;
  const kept = (await readFile(path, 'utf8')).split('\n').filter((line) => {
    try {
      return (JSON.parse(line) as { step: number }).step <= lastStep;
    } catch {
      return false;
    }
  });
  await writeFileAtomic(path, kept.map((line) => `${line}\n`).join(''));
}

/** The sample grids of a run, oldest first. */
export async function listSampleGrids(runDir: string): Promise<string[]> {
  const dir = runPaths(runDir).samples;
  if (!existsSync(dir)) return [];
  return (await readdir(dir))
    .filter((n) => /^step-\d+\.png$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}
