import type { LayersModel } from '@tensorflow/tfjs-layers';

/**
 * Multiply-adds of one image through a model: its Dense layers, convolutions and transposed
 * convolutions, counted as the layers are written (no Winograd or fold savings), the rest left out.
 */
export function multiplyAdds(model: LayersModel): number {
  let total = 0;
  for (const layer of model.layers) {
    const name = layer.getClassName();
    const config = layer.getConfig() as { kernelSize?: number[]; units?: number };
    // The first node's shapes: a discriminator inside the GAN has a second one, of the same shapes.
    const node = layer.inboundNodes[0];
    const input = node?.inputTensors[0]?.shape as number[];
    const output = node?.outputTensors[0]?.shape as number[];
    if (name === 'Dense') total += (input.at(-1) as number) * (config.units as number);
    if (name === 'Conv2D' || name === 'Conv2DTranspose') {
      const [kh = 1, kw = 1] = config.kernelSize ?? [];
      // A convolution's every output value, a transposed convolution's every input value, meets
      // the whole filter.
      const [h, w, c] = (name === 'Conv2D' ? output : input).slice(1) as number[];
      const other = (name === 'Conv2D' ? input : output).at(-1) as number;
      total += (h as number) * (w as number) * (c as number) * other * kh * kw;
    }
  }
  return total;
}

/**
 * GFLOP of one training iteration at `batchSize`: the discriminator's step (the generator's
 * forward pass, the discriminator's forward and backward passes on reals and fakes) and the
 * generator's (its forward and backward passes, and the discriminator's forward and input
 * gradient): 4 generator and 8 discriminator forward passes' worth, 2 FLOP a multiply-add.
 */
export function iterationGflop(
  generator: LayersModel,
  discriminator: LayersModel,
  batchSize: number,
): number {
  return (2 * batchSize * (4 * multiplyAdds(generator) + 8 * multiplyAdds(discriminator))) / 1e9;
}

/** GFLOP of generating `count` images. */
export const inferenceGflop = (generator: LayersModel, count: number) =>
  (2 * count * multiplyAdds(generator)) / 1e9;
