import { SeededRandom } from '@dcgan/data';
import {
  addNeighbourhoods,
  type ChannelStatistics,
  deviations,
  emptyStatistics,
} from './channel-statistics.js';
import { type ImageSource, imageChunks } from './image-chunks.js';
import { laplacianPyramid, pyramidSizes } from './laplacian-pyramid.js';
import type { ImageArray } from './resample-images.js';

/** Where and how many neighbourhoods `patchDescriptors` takes. */
export interface DescriptorOptions {
  /** Seeds the neighbourhoods' places; the same seed and images give the same descriptors. */
  seed: number;
  /** Neighbourhoods per image and level: 128 in Karras et al. */
  patchesPerImage?: number;
  /** The side of each square neighbourhood: 7 in Karras et al. */
  patchSize?: number;
  /** Levels of the pyramid: by default halving while the next level stays above 8 px (see `pyramidSizes`). */
  levels?: number;
  /** Images decomposed at a time: bounds the working memory beside what is kept. */
  chunkSize?: number;
}

/**
 * Part of a level's neighbourhoods: either the level's pixels `[images, height, width, channels]`
 * with where each neighbourhood starts, or (when smaller) the neighbourhoods' own values.
 */
export interface DescriptorBlock {
  source: Float32Array;
  /** Elements between two rows of a neighbourhood in `source`. */
  rowStride: number;
  /** The element of `source` where each neighbourhood's top-left value lies. */
  offsets: Uint32Array;
  /** Whether `source` holds the neighbourhoods themselves, one after the other. */
  packed: boolean;
}

/** The neighbourhoods of one pyramid level, with their values' mean and deviation per channel. */
export interface DescriptorLevel {
  height: number;
  width: number;
  patches: number;
  blocks: DescriptorBlock[];
  mean: Float64Array;
  deviation: Float64Array;
}

/** A set of images described by neighbourhoods of their Laplacian pyramids, finest level first. */
export interface PatchDescriptors {
  count: number;
  height: number;
  width: number;
  channels: number;
  patchSize: number;
  patchesPerImage: number;
  levels: DescriptorLevel[];
}

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

class DescriptorBuilder {
  private readonly random: SeededRandom;
  private readonly patchSize: number;
  private readonly patchesPerImage: number;
  private shape?: { height: number; width: number; channels: number; sizes: [number, number][] };
  private count = 0;
  private blocks: DescriptorBlock[][] = [];
  private statistics: ChannelStatistics[] = [];

  constructor(private readonly options: DescriptorOptions) {
    const { seed, patchSize = 7, patchesPerImage = 128, levels } = options;
    for (const [name, value] of Object.entries({ seed, patchSize, patchesPerImage, levels })) {
      if (value !== undefined && (!Number.isInteger(value) || value < (name === 'seed' ? 0 : 1))) {
        throw new Error(`patchDescriptors: ${name} ${value}, expected a positive integer`);
      }
    }
    this.random = new SeededRandom(seed);
    this.patchSize = patchSize;
    this.patchesPerImage = patchesPerImage;
  }

  add(images: ImageArray): void {
    const { height, width, channels } = images;
    this.shape ??= this.start(height, width, channels);
    const { sizes } = this.shape;
    if (
      height !== this.shape.height ||
      width !== this.shape.width ||
      channels !== this.shape.channels
    ) {
      throw new Error(
        `patchDescriptors: images of ${height}x${width}x${channels} after ${this.shape.height}x${this.shape.width}x${this.shape.channels}`,
      );
    }
    const pyramid = laplacianPyramid(images, sizes.length);
    const offsets = this.drawOffsets(images.count, sizes, channels);
    pyramid.forEach((level, index) => {
      const block = this.block(level, offsets[index] as Uint32Array);
      (this.blocks[index] as DescriptorBlock[]).push(block);
      addNeighbourhoods(
        this.statistics[index] as ChannelStatistics,
        block.source,
        block.offsets,
        block.rowStride,
        this.patchSize,
      );
    });
    this.count += images.count;
  }

  finish(): PatchDescriptors {
    if (!this.shape || this.count === 0) throw new Error('patchDescriptors: no images');
    const { height, width, channels, sizes } = this.shape;
    return {
      count: this.count,
      height,
      width,
      channels,
      patchSize: this.patchSize,
      patchesPerImage: this.patchesPerImage,
      levels: sizes.map(([levelHeight, levelWidth], index) => {
        const statistics = this.statistics[index] as ChannelStatistics;
        return {
          height: levelHeight,
          width: levelWidth,
          patches: this.count * this.patchesPerImage,
          blocks: this.blocks[index] as DescriptorBlock[],
          mean: statistics.mean,
          deviation: deviations(statistics),
        };
      }),
    };
  }

  private start(height: number, width: number, channels: number) {
    const sizes = pyramidSizes(height, width, this.options.levels);
    const [coarseHeight, coarseWidth] = sizes.at(-1) as [number, number];
    if (Math.min(coarseHeight, coarseWidth) < this.patchSize) {
      throw new Error(
        `patchDescriptors: ${sizes.length} levels of ${height}x${width} images end at ${coarseHeight}x${coarseWidth}, smaller than the ${this.patchSize}-px neighbourhoods`,
      );
    }
    this.blocks = sizes.map(() => []);
    this.statistics = sizes.map(() => emptyStatistics(channels));
    return { height, width, channels, sizes };
  }

  // Image by image, then level by level, so that the places do not depend on the chunk size.
  private drawOffsets(count: number, sizes: [number, number][], channels: number): Uint32Array[] {
    const offsets = sizes.map(() => new Uint32Array(count * this.patchesPerImage));
    for (let image = 0; image < count; image++) {
      sizes.forEach(([height, width], level) => {
        const levelOffsets = offsets[level] as Uint32Array;
        for (let patch = 0; patch < this.patchesPerImage; patch++) {
          const y = Math.floor(this.random.next() * (height - this.patchSize + 1));
          const x = Math.floor(this.random.next() * (width - this.patchSize + 1));
          levelOffsets[image * this.patchesPerImage + patch] =
            ((image * height + y) * width + x) * channels;
        }
      });
    }
    return offsets;
  }

  // Keeps the level's pixels, or the neighbourhoods' values where those take less room.
  private block(level: ImageArray, offsets: Uint32Array): DescriptorBlock {
    const { width, channels } = level;
    const patchValues = this.patchSize * this.patchSize * channels;
    if (level.pixels.length <= offsets.length * patchValues) {
      return { source: level.pixels, rowStride: width * channels, offsets, packed: false };
    }
    const rowLength = this.patchSize * channels;
    const source = new Float32Array(offsets.length * patchValues);
    offsets.forEach((offset, patch) => {
      for (let y = 0; y < this.patchSize; y++) {
        const from = offset + y * width * channels;
        source.set(
          level.pixels.subarray(from, from + rowLength),
          patch * patchValues + y * rowLength,
        );
      }
    });
    const packedOffsets = Uint32Array.from(
      { length: offsets.length },
      (_, patch) => patch * patchValues,
    );
    return { source, rowStride: rowLength, offsets: packedOffsets, packed: true };
  }
}
