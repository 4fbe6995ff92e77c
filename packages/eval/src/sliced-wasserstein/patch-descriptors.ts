import { DescriptorBuilder } from './descriptor-builder.js';
import type { DescriptorOptions, PatchDescriptors } from './descriptors.js';
import { type ImageSource, imageChunks } from './image-chunks.js';

/**
 * Describes a set of images as Karras et al. (2018) do for the sliced Wasserstein distance: a
 * Laplacian pyramid per image, `patchesPerImage` random `patchSize` x `patchSize` neighbourhoods
 * per image and level, and each level's mean and deviation per channel over the whole set (each
 * set is normalised by its own). Describe the real set once and compare it with many fake sets.
 * @param images `[count, height, width, channels]` in [-1, 1] (any affine scale gives the same
 *   distances), as one set or a sequence of batches; read `chunkSize` images at a time
 */
export async function patchDescriptors(
  images: ImageSource,
  options: DescriptorOptions,
): Promise<PatchDescriptors> {
  const chunkSize = options.chunkSize ?? 256;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new Error(`patchDescriptors: chunkSize ${chunkSize}, expected a positive integer`);
  }
  const builder = new DescriptorBuilder(options);
  for await (const chunk of imageChunks(images, chunkSize)) builder.add(chunk);
  return builder.finish();
}
