// The shapes of patch descriptors: what patchDescriptors makes and the distances read.

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
