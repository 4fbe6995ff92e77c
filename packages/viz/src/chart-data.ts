import type { MetricsRecord } from './metrics.js';

/** A point of a curve: the step, and the value there. */
export interface Point {
  x: number;
  y: number;
}

/** The curves a run's metrics make, each the steps where the figure was measured. */
export interface RunCurves {
  discriminatorLoss: Point[];
  generatorLoss: Point[];
  discriminatorAccuracy: Point[];
  classifierScore: Point[];
  frechetDistance: Point[];
  slicedWasserstein: Point[];
  /** The last class shares measured (10 numbers), and at which step. */
  classShares?: { step: number; shares: number[] };
}

const CURVES = [
  'discriminatorLoss',
  'generatorLoss',
  'discriminatorAccuracy',
  'classifierScore',
  'frechetDistance',
  'slicedWasserstein',
] as const;

/** Splits metrics records into one curve a figure, skipping the records that lack it. */
export function runCurves(records: MetricsRecord[]): RunCurves {
  const curves: RunCurves = {
    discriminatorLoss: [],
    generatorLoss: [],
    discriminatorAccuracy: [],
    classifierScore: [],
    frechetDistance: [],
    slicedWasserstein: [],
  };
  for (const record of records) {
    for (const key of CURVES) {
      const value = record[key];
      if (typeof value === 'number' && Number.isFinite(value)) {
        curves[key].push({ x: record.step, y: value });
      }
    }
    if (record.classShares) curves.classShares = { step: record.step, shares: record.classShares };
  }
  return curves;
}
