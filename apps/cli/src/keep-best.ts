import { existsSync } from 'node:fs';
import { cp, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@dcgan/models/node';
import type { KeepBestMetric } from './run-config.js';
import type { RunFigures } from './run-evaluator.js';
import { runPaths } from './run-files.js';

/** The best in-run evaluation so far, recorded as `best.json` in the kept checkpoint. */
export interface BestRecord {
  metric: KeepBestMetric;
  value: number;
  step: number;
}

const RECORD = 'best.json';

/** The figure a metric follows, from an evaluation (NaN when the evaluation lacks it). */
export function figureOf(
  metric: KeepBestMetric,
  { classifier, slicedWasserstein }: RunFigures,
): number {
  if (metric === 'sliced-wasserstein') return slicedWasserstein?.average ?? Number.NaN;
  if (!classifier) return Number.NaN;
  return metric === 'frechet-distance' ? classifier.frechetDistance : classifier.classifierScore;
}

/** Whether an evaluation beats the best so far: a lower distance, or a higher score. */
export function isBetter(
  metric: KeepBestMetric,
  figures: RunFigures,
  best: BestRecord | undefined,
): boolean {
  const value = figureOf(metric, figures);
  if (!Number.isFinite(value)) return false;
  if (!best) return true;
  return metric === 'classifier-score' ? value > best.value : value < best.value;
}

/** The run's best so far by `metric`, or undefined (none yet, or kept by another metric). */
export async function readBest(
  runDir: string,
  metric: KeepBestMetric,
): Promise<BestRecord | undefined> {
  const path = join(runPaths(runDir).best, RECORD);
  if (!existsSync(path)) return undefined;
  let record: BestRecord;
  try {
    record = JSON.parse(await readFile(path, 'utf8')) as BestRecord;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return record.metric === metric && Number.isFinite(record.value) ? record : undefined;
}

/**
 * Copies a checkpoint to `RUN_DIR/checkpoints/best/` with its `best.json`, replacing the one there
 * only once the copy is complete (an interrupted copy leaves a `.tmp-` folder, removed on resume).
 */
export async function keepBestCheckpoint(
  runDir: string,
  checkpointDir: string,
  record: BestRecord,
): Promise<void> {
  const target = runPaths(runDir).best;
  const temporary = `${target}.tmp-${process.pid}`;
  const old = `${target}.tmp-old-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await cp(checkpointDir, temporary, { recursive: true });
  await writeFileAtomic(join(temporary, RECORD), `${JSON.stringify(record, null, 2)}\n`);
  if (existsSync(target)) await rename(target, old);
  await rename(temporary, target);
  await rm(old, { recursive: true, force: true });
}
