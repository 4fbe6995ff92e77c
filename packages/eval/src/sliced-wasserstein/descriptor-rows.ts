import type { DescriptorLevel, PatchDescriptors } from './descriptors.js';

/**
 * Rows of a matrix, read in chunks, with the per-component normalisation `(value - shift) * scale`
 * that the distance applies to them.
 */
export interface RowSource {
  rows: number;
  dimension: number;
  shift: Float64Array;
  scale: Float64Array;
  /** Yields `[rows, dimension]` chunks of at most `maxRows` rows; each is valid until the next. */
  chunks(maxRows: number): Iterable<Float32Array>;
}

/**
 * A level's neighbourhoods as rows `[patches, patchSize * patchSize * channels]` (row, column,
 * channel order) of raw values, normalised by the level's mean and deviation per channel.
 */
export function descriptorRows(descriptors: PatchDescriptors, levelIndex: number): RowSource {
  const level = descriptors.levels[levelIndex];
  if (!level) throw new Error(`no level ${levelIndex} in ${descriptors.levels.length} levels`);
  const { patchSize, channels } = descriptors;
  const dimension = patchSize * patchSize * channels;
  return {
    rows: level.patches,
    dimension,
    shift: Float64Array.from({ length: dimension }, (_, j) => level.mean[j % channels] as number),
    scale: Float64Array.from(
      { length: dimension },
      (_, j) => 1 / (level.deviation[j % channels] as number),
    ),
    chunks: (maxRows) => levelChunks(level, patchSize * channels, patchSize, maxRows),
  };
}

function* levelChunks(
  level: DescriptorLevel,
  rowLength: number,
  patchSize: number,
  maxRows: number,
): Generator<Float32Array> {
  const dimension = rowLength * patchSize;
  const buffer = new Float32Array(maxRows * dimension);
  for (const { source, rowStride, offsets, packed } of level.blocks) {
    for (let start = 0; start < offsets.length; start += maxRows) {
      const rows = Math.min(maxRows, offsets.length - start);
      if (packed) {
        const first = offsets[start] as number;
        yield source.subarray(first, first + rows * dimension);
        continue;
      }
      for (let row = 0; row < rows; row++) {
        const offset = offsets[start + row] as number;
        for (let y = 0; y < patchSize; y++) {
          const from = offset + y * rowStride;
          buffer.set(source.subarray(from, from + rowLength), row * dimension + y * rowLength);
        }
      }
      yield buffer.subarray(0, rows * dimension);
    }
  }
}

/**
 * A level's normalised descriptors as one matrix `[patches, patchSize * patchSize * channels]`,
 * zero mean and unit deviation per channel: Karras et al.'s `finalize_descriptors`.
 */
export function descriptorMatrix(descriptors: PatchDescriptors, levelIndex: number): Float32Array {
  const source = descriptorRows(descriptors, levelIndex);
  const matrix = new Float32Array(source.rows * source.dimension);
  let at = 0;
  for (const chunk of source.chunks(4096)) {
    for (let i = 0; i < chunk.length; i++, at++) {
      const j = at % source.dimension;
      matrix[at] =
        ((chunk[i] as number) - (source.shift[j] as number)) * (source.scale[j] as number);
    }
  }
  return matrix;
}
