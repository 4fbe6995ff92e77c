import type { LayersModel } from '@tensorflow/tfjs-layers';
import { defaultModelConfig } from './config.js';
import { type ModelConfig, radfordConfigOf } from './model-config.js';

/** An image's `[height, width, channels]`. */
export type ImageShape = [number, number, number];

/**
 * The images a model config draws and judges, or a model draws (a generator: its output) or judges
 * (a discriminator: its first input), as `[height, width, channels]`: `[28, 28, 1]` for the spec's,
 * `[64, 64, 3]` for main.py's. A saved model carries its shape in its topology: nothing else needed.
 * @throws naming the model when it neither draws nor takes images of a known size
 */
export function imageShapeOf(
  source: ModelConfig | Pick<LayersModel, 'name' | 'inputs' | 'outputs'>,
): ImageShape {
  if ('outputs' in source) {
    const output = source.outputs[0]?.shape ?? [];
    const shape = (output.length === 4 ? output : (source.inputs[0]?.shape ?? [])).slice(1);
    if (shape.length !== 3 || !shape.every((size) => typeof size === 'number')) {
      throw new Error(
        `model ${source.name} neither draws nor takes images [batch, height, width, channels] ` +
          `of a known size (it maps ${show(source.inputs[0]?.shape)} to ${show(output)})`,
      );
    }
    return shape as ImageShape;
  }
  if (source.architecture === 'radford') {
    const { imageSize, channels } = radfordConfigOf(source);
    return [imageSize, imageSize, channels];
  }
  const { imageSize, channels } = { ...defaultModelConfig().generator, ...source.generator };
  return [imageSize, imageSize, channels];
}

function show(shape: readonly (number | null)[] = []): string {
  return `[${shape.map((size) => size ?? 'batch').join(', ')}]`;
}
