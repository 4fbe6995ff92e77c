import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelFromDir } from '@dcgan/models/node';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Baselines } from './real-baselines.js';

/** The data sets for which the package ships a trained classifier. */
export type EvalDataset = 'mnist' | 'fashion';

/** What `baselines.json` beside a classifier holds. */
export interface BaselinesFile extends Baselines {
  /** The classifier's accuracy on the real test set. */
  testAccuracy: number;
  /** How the figures were computed. */
  computedWith: string;
}

// The classifiers ship in the package's own classifiers/ folder, beside dist/ and src/.
const CLASSIFIERS = new URL('../classifiers/', import.meta.url);

/** The folder of the package's classifier for a data set: `model.json`, `weights.bin`, `baselines.json`. */
export function classifierDir(dataset: EvalDataset): string {
  if (dataset !== 'mnist' && dataset !== 'fashion') {
    throw new Error(`no classifier for data set ${dataset} (expected mnist or fashion)`);
  }
  const dir = join(fileURLToPath(CLASSIFIERS), dataset);
  if (!existsSync(join(dir, 'model.json'))) {
    throw new Error(`the ${dataset} classifier is missing: ${join(dir, 'model.json')}`);
  }
  return dir;
}

/** Loads the package's classifier for a data set: `[batch, 28, 28, 1]` -> `[batch, 10]`. */
export function loadClassifier(dataset: EvalDataset): Promise<LayersModel> {
  return loadModelFromDir(classifierDir(dataset));
}

/** Reads the cached baselines of a data set's classifier. */
export async function readBaselines(dataset: EvalDataset): Promise<BaselinesFile> {
  const path = join(classifierDir(dataset), 'baselines.json');
  return JSON.parse(await readFile(path, 'utf8')) as BaselinesFile;
}
