import type { LayersModel } from '@tensorflow/tfjs-layers';

/** What a loaded model must take and give, batch dimension left out; `null` matches any size. */
export interface ExpectedShapes {
  input: (number | null)[];
  output: (number | null)[];
}

/** A generator of 28x28 grey images from a latent vector of any size. */
export const GENERATOR_SHAPES: ExpectedShapes = { input: [null], output: [28, 28, 1] };
/** A discriminator of 28x28 grey images. */
export const DISCRIMINATOR_SHAPES: ExpectedShapes = { input: [28, 28, 1], output: [1] };

/**
 * Throws when a model's input or output shape is not the expected one.
 * @param source the file or URL the model came from, named in the message
 */
export function checkArchitecture(
  model: LayersModel,
  expected: ExpectedShapes,
  source: string,
): void {
  const input = model.inputs[0]?.shape.slice(1);
  const output = model.outputs[0]?.shape.slice(1);
  const fits = (actual: (number | null)[] | undefined, wanted: (number | null)[]) =>
    actual?.length === wanted.length &&
    wanted.every((size, i) => size === null || size === actual[i]);
  const show = (shape: (number | null)[] | undefined) =>
    `[${(shape ?? []).map((s) => s ?? 'any')}]`;
  if (!fits(input, expected.input) || !fits(output, expected.output)) {
    throw new Error(
      `${source}: model maps ${show(input)} to ${show(output)}, expected ${show(expected.input)} to ${show(expected.output)}`,
    );
  }
}
