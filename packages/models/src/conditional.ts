import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { checkPositiveInteger } from './config.js';

/** The name of the class input of a conditional generator or discriminator. */
export const CLASS_INPUT = 'class';

/**
 * The classes of a conditional model, read from its second input (the class, one-hot
 * `[batch, classes]`); undefined for the spec's unconditional model.
 */
export function classCountOf(model: Pick<LayersModel, 'inputs'>): number | undefined {
  const classes = model.inputs[1]?.shape[1];
  return typeof classes === 'number' ? classes : undefined;
}

/** The class input `[classes]` of a conditional model; shared by its builders. */
export function classInput(classes: number, name = CLASS_INPUT) {
  checkPositiveInteger(classes, 'conditional.classes');
  return { shape: [classes], name };
}

/**
 * The class of each of `count` samples: one number for all, one per sample, or, when none is given,
 * the classes in turn (0, 1, …, classes - 1, 0, …), as many of each as can be.
 * Throws, naming it, on a class that is not an integer in [0, classes).
 */
export function sampleClasses(
  count: number,
  classes: number,
  wanted?: number | readonly number[],
): number[] {
  const list =
    wanted === undefined
      ? Array.from({ length: count }, (_, i) => i % classes)
      : typeof wanted === 'number'
        ? new Array<number>(count).fill(wanted)
        : [...wanted];
  if (list.length !== count) {
    throw new Error(
      `classes: expected one class for each of the ${count} samples, got ${list.length}`,
    );
  }
  for (const value of list) {
    if (!Number.isInteger(value) || value < 0 || value >= classes) {
      throw new Error(
        `class ${value} is not one of this generator's classes (0 to ${classes - 1})`,
      );
    }
  }
  return list;
}

/**
 * Classes as the one-hot input of a conditional model.
 * @param labels class indices in [0, classes)
 * @returns `[labels.length, classes]` float32 rows of zeros with a 1; the caller disposes it
 */
export function oneHotClasses(labels: ArrayLike<number>, classes: number): tf.Tensor2D {
  const values = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) values[i * classes + (labels[i] as number)] = 1;
  return tf.tensor2d(values, [labels.length, classes]);
}
