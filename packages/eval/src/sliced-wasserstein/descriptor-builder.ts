import { SeededRandom } from '@dcgan/data';
import {
  addNeighbourhoods,
  type ChannelStatistics,
  deviations,
  emptyStatistics,
} from './channel-statistics.js';
import type { DescriptorBlock, DescriptorOptions, PatchDescriptors } from './descriptors.js';
import { laplacianPyramid, pyramidSizes } from './laplacian-pyramid.js';
import type { ImageArray } from './resample-images.js';

/** Collects the descriptors of a set of images chunk by chunk (see `patchDescriptors`). */
export class DescriptorBuilder {
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
