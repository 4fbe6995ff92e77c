import { type ImageDataset, SeededRandom, scaleToUnit, shuffleInPlace } from '@dcgan/data';
import { generatorInputs } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { PatchDescriptors } from './descriptors.js';
import type { ImageSet } from './image-chunks.js';
import { patchDescriptors } from './patch-descriptors.js';
import { type SlicedWassersteinResult, slicedWasserstein } from './sliced-wasserstein.js';

/** Images generated or read a batch at a time: the memory of a batch, never of the whole set. */
const BATCH = 256;

/** A generator's sliced Wasserstein distance to a data set's images, the real side described once. */
export interface PatchEvaluator {
  /** Images on each side of every distance: fakes, reals, and each half of the baseline. */
  samples: number;
  /** The distance between two disjoint sets of `samples` real images, when asked for. */
  baseline?: SlicedWassersteinResult;
  /** The distance of `samples` fakes from seeded noise to the real images. */
  evaluate(generator: LayersModel, seed?: number): Promise<SlicedWassersteinResult>;
}

/**
 * Describes `samples` real images of a data set (drawn without replacement, seeded) for the
 * sliced Wasserstein distance, and with `baseline` a second, disjoint set of as many to measure
 * real against real. Distances depend on the number of images: compare figures of equal `samples`.
 * @param samples at most the data set's count (half of it with a baseline)
 */
export async function createPatchEvaluator(
  dataset: ImageDataset,
  options: { samples: number; seed?: number; baseline?: boolean },
): Promise<PatchEvaluator> {
  const { seed = 1, baseline = false } = options;
  const samples = Math.min(options.samples, Math.floor(dataset.count / (baseline ? 2 : 1)));
  if (samples < 2) {
    throw new Error(
      `the sliced Wasserstein distance needs at least ${baseline ? 4 : 2} real images, the data set has ${dataset.count}`,
    );
  }
  const order = Uint32Array.from({ length: dataset.count }, (_, i) => i);
  shuffleInPlace(order, new SeededRandom(seed));
  const describe = (images: Iterable<ImageSet> | AsyncIterable<ImageSet>) =>
    patchDescriptors(images, { seed: seed + 1, chunkSize: BATCH });
  const real = await describe(realBatches(dataset, order.subarray(0, samples)));
  const measure = (fake: PatchDescriptors) => slicedWasserstein(real, fake, { seed: seed + 2 });
  const second =
    baseline && (await describe(realBatches(dataset, order.subarray(samples, 2 * samples))));
  return {
    samples,
    ...(second && { baseline: await measure(second) }),
    evaluate: async (generator, fakeSeed = 1) =>
      measure(await describe(fakeBatches(generator, samples, fakeSeed))),
  };
}

/** The images at `indices`, scaled to [-1, 1], `BATCH` at a time. */
function* realBatches(dataset: ImageDataset, indices: Uint32Array): Iterable<ImageSet> {
  const { height, width, channels = 1 } = dataset;
  const size = height * width * channels;
  for (let start = 0; start < indices.length; start += BATCH) {
    const part = indices.subarray(start, start + BATCH);
    const bytes = new Uint8Array(part.length * size);
    part.forEach((index, i) => {
      bytes.set(dataset.images.subarray(index * size, (index + 1) * size), i * size);
    });
    yield { data: scaleToUnit(bytes), shape: [part.length, height, width, channels] };
  }
}

/** `count` images of `generator` from noise seeded `seed` (as `generate` draws them), a batch at a time. */
async function* fakeBatches(
  generator: LayersModel,
  count: number,
  seed: number,
): AsyncIterable<ImageSet> {
  const inputs = [generatorInputs(generator, count, { seed })].flat();
  try {
    for (let start = 0; start < count; start += BATCH) {
      const size = Math.min(BATCH, count - start);
      const images = tf.tidy(
        () =>
          generator.predict(
            inputs.map((input) => tf.slice(input, [start, 0], [size, -1])),
          ) as tf.Tensor4D,
      );
      const data = (await images.data()) as Float32Array;
      const shape = images.shape;
      images.dispose();
      yield { data, shape };
    }
  } finally {
    tf.dispose(inputs);
  }
}
