import type { LayersModel } from '@tensorflow/tfjs-layers';
import { classCountOf } from './conditional.js';

/** What a loaded model must take and give, batch dimension left out; `null` matches any size. */
export interface ExpectedShapes {
  input: (number | null)[];
  output: (number | null)[];
  /**
   * Whether the model must be the class-conditional variant (a second input, the class one-hot
   * `[classes]`): true, false, or either when absent.
   */
  conditional?: boolean;
}

/**
 * A generator of images `[height, width, channels]` of any size from a latent vector of any size,
 * conditional or not: the model's own files say which (`imageShapeOf`, `latentSizeOf`,
 * `classCountOf`).
 */
export const GENERATOR_SHAPES: ExpectedShapes = { input: [null], output: [null, null, null] };
/** A discriminator of images `[height, width, channels]` of any size, conditional or not. */
export const DISCRIMINATOR_SHAPES: ExpectedShapes = { input: [null, null, null], output: [1] };

/** What a generator of images `[height, width, channels]` must take and give, for `loadModel`. */
export function generatorShapes(image: readonly [number, number, number]): ExpectedShapes {
  return { input: [null], output: [...image] };
}

/**
 * Which variant a model is: `conditional (10 classes)` or `unconditional` (the spec's), for messages.
 */
export function modelVariant(model: Pick<LayersModel, 'inputs'>): string {
  const classes = classCountOf(model);
  return classes === undefined ? 'unconditional' : `conditional (${classes} classes)`;
}

/**
 * Throws when a model's input or output shape is not the expected one, or it is not the expected
 * variant; the message names the model's variant.
 * @param source the file or URL the model came from, named in the message
 */
export function checkArchitecture(
  model: LayersModel,
  expected: ExpectedShapes,
  source: string,
): void {
  const input = model.inputs[0]?.shape.slice(1);
  const output = model.outputs[0]?.shape.slice(1);
  const classes = classCountOf(model);
  const fits = (actual: (number | null)[] | undefined, wanted: (number | null)[]) =>
    actual?.length === wanted.length &&
    wanted.every((size, i) => size === null || size === actual[i]);
  const show = (shape: (number | null)[] | undefined) =>
    `[${(shape ?? []).map((s) => s ?? 'any')}]`;
  const takes = classes === undefined ? show(input) : `${show(input)} and a class [${classes}]`;
  if (model.inputs.length > (classes === undefined ? 1 : 2)) {
    throw new Error(`${source}: model takes ${model.inputs.length} inputs, expected 1 or 2`);
  }
  if (!fits(input, expected.input) || !fits(output, expected.output)) {
    throw new Error(
      `${source}: model maps ${takes} to ${show(output)}, expected ${show(expected.input)} to ${show(expected.output)}`,
    );
  }
  if (expected.conditional !== undefined && expected.conditional !== (classes !== undefined)) {
    throw new Error(
      `${source}: the model is ${modelVariant(model)}, expected ${expected.conditional ? 'a conditional' : 'an unconditional'} one`,
    );
  }
}
