import { type ImageDataset, labelHistogram } from '@dcgan/data';
import type { RunConfig } from './run-config.js';
import { UsageError } from './usage-error.js';

/**
 * The labels of a `--conditional` run's data set must lie in [0, classes) and hold more than one
 * class; throws a message saying which is wrong.
 */
export function checkLabels(config: RunConfig, dataset: Pick<ImageDataset, 'labels'>): void {
  const classes = config.model.conditional?.classes;
  if (classes === undefined) return;
  if (!dataset.labels)
    throw new UsageError(
      `--conditional trains on the data's classes, and ${config.data} has none: give it one subfolder a class, or IDX labels`,
    );
  const largest = dataset.labels.reduce((max, label) => Math.max(max, label), 0);
  if (largest >= classes) {
    throw new UsageError(
      `--conditional ${classes}: the labels of ${config.data} go up to ${largest}; pass --conditional ${largest + 1}`,
    );
  }
  if (labelHistogram({ labels: dataset.labels }, classes).filter((count) => count > 0).length < 2) {
    throw new UsageError(
      `--conditional: every label of ${config.data} is ${largest}, one class only`,
    );
  }
}

/**
 * The classes of a conditional grid, and its columns: rows of one class each, in the order of
 * `wanted` (every class by default), as many columns as fit `count` (10 a row by default).
 * An unconditional generator takes no class.
 * @returns the class of each of `count` samples, and the grid's columns
 */
export function gridClasses(
  classCount: number | undefined,
  request: { count?: number; classes?: number[] },
): { count: number; classes?: number[]; columns?: number } {
  if (classCount === undefined) {
    if (request.classes)
      throw new Error(
        '--class and --classes need a conditional generator, this one takes no class',
      );
    return { count: request.count ?? 64 };
  }
  const wanted = request.classes ?? Array.from({ length: classCount }, (_, c) => c);
  if (wanted.length === 1) {
    const count = request.count ?? 64;
    return { count, classes: new Array<number>(count).fill(wanted[0] as number) };
  }
  const count = request.count ?? 10 * wanted.length;
  const columns = Math.ceil(count / wanted.length);
  const classes = Array.from(
    { length: count },
    (_, i) => wanted[Math.floor(i / columns)] as number,
  );
  return { count, classes, columns };
}

/** Parses `--classes 0,1,2` (or `--class 7`): integers from 0, separated by commas. */
export function parseClassList(text: string, flag: string): number[] {
  const values = text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if (values.some((value) => !Number.isInteger(value) || value < 0)) {
    throw new Error(`${flag}: expected classes from 0 separated by commas, got "${text}"`);
  }
  return values;
}
