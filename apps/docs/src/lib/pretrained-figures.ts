import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PretrainedName } from '@dcgan/models';
import { docsPath } from './docs-root';

/** What `dcgan eval --pretrained NAME` measured: the `eval.json` that ships beside the generator. */
export interface PretrainedEvaluation {
  dataset: string;
  samples: number;
  seed: number;
  classifierScore: number;
  frechetDistance: number;
  classShares: number[];
  classAccuracy?: number[];
  meanClassAccuracy?: number;
  baselines: { realTestClassifierScore: number; realTrainVsTestFrechetDistance: number };
}

/** The shipped `eval.json` of a pretrained generator of the installed @dcgan/models. */
export function pretrainedEvaluation(name: PretrainedName): PretrainedEvaluation {
  const models = createRequire(docsPath('package.json')).resolve('@dcgan/models/package.json');
  return JSON.parse(readFileSync(join(dirname(models), 'pretrained', name, 'eval.json'), 'utf8'));
}

/** `0.0822` as `8.2%`. */
export const percent = (share: number, digits = 1) => `${(share * 100).toFixed(digits)}%`;
