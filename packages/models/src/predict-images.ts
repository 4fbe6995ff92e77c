import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { foldedTensors, foldGenerator, runFolded } from './folded-generator.js';

/** How `predictImages` runs. */
export interface PredictOptions {
  /** Images per forward pass. */
  batchSize?: number;
  /** Called after each batch with the images done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * A generator's images in inference mode (BatchNorm on its moving averages) for its inputs (noise
 * z `[count, latentSize]`, and a conditional generator's classes `[count, classes]`), in batches:
 * `[count, height, width, channels]` in (-1, 1). The spec's generator runs folded (`foldGenerator`:
 * the same images to float32 rounding, about twice as fast) when the call draws at least as many
 * images as the Dense layer has inputs, since folding costs about that many images' first block;
 * the fold is freed before it returns. Fewer images, or any other model (the Radford DCGAN), run
 * by `predict`.
 */
export function predictImages(
  generator: LayersModel,
  inputs: tf.Tensor2D | tf.Tensor2D[],
  options: PredictOptions = {},
): tf.Tensor4D {
  const { batchSize = 256, onProgress } = options;
  const list = [inputs].flat();
  const count = list[0]?.shape[0] ?? 0;
  const width = list.reduce((sum, input) => sum + (input.shape[1] ?? 0), 0);
  const folded = count >= width ? foldGenerator(generator) : undefined;
  const forward = folded
    ? (batch: tf.Tensor2D[]) => runFolded(folded, batch)
    : (batch: tf.Tensor2D[]) => generator.predict(batch) as tf.Tensor4D;
  const parts: tf.Tensor4D[] = [];
  let images: tf.Tensor4D | undefined;
  try {
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      parts.push(
        tf.tidy(() => forward(list.map((input) => tf.slice(input, [start, 0], [size, -1])))),
      );
      onProgress?.(start + size, count);
    }
    images = parts.length === 1 ? parts[0] : tf.concat(parts);
    return images as tf.Tensor4D;
  } finally {
    tf.dispose(parts.filter((part) => part !== images));
    if (folded) tf.dispose(foldedTensors(folded));
  }
}
