/** Running per-channel count, mean and sum of squared deviations, merged block by block (Chan et al.). */
export interface ChannelStatistics {
  count: number;
  mean: Float64Array;
  squares: Float64Array;
}

export function emptyStatistics(channels: number): ChannelStatistics {
  return { count: 0, mean: new Float64Array(channels), squares: new Float64Array(channels) };
}

/**
 * Adds every value of the neighbourhoods at `offsets` in `source` (`patchSize` rows `rowStride`
 * apart, each `patchSize * channels` values, channel fastest) to `statistics`.
 */
export function addNeighbourhoods(
  statistics: ChannelStatistics,
  source: Float32Array,
  offsets: Uint32Array,
  rowStride: number,
  patchSize: number,
): void {
  const channels = statistics.mean.length;
  const rowLength = patchSize * channels;
  const count = offsets.length * patchSize * patchSize;
  if (count === 0) return;
  // Sums about the first neighbourhood's values, so that the squares lose little to cancellation.
  const origin = Float64Array.from(
    { length: channels },
    (_, c) => source[(offsets[0] as number) + c] as number,
  );
  const sums = new Float64Array(channels);
  const squares = new Float64Array(channels);
  for (const offset of offsets) {
    for (let y = 0; y < patchSize; y++) {
      const row = offset + y * rowStride;
      for (let i = 0; i < rowLength; i += channels) {
        for (let c = 0; c < channels; c++) {
          const value = (source[row + i + c] as number) - (origin[c] as number);
          sums[c] = (sums[c] as number) + value;
          squares[c] = (squares[c] as number) + value * value;
        }
      }
    }
  }
  const total = statistics.count + count;
  for (let c = 0; c < channels; c++) {
    const blockMean = (origin[c] as number) + (sums[c] as number) / count;
    const blockSquares = Math.max(0, (squares[c] as number) - (sums[c] as number) ** 2 / count);
    const delta = blockMean - (statistics.mean[c] as number);
    statistics.mean[c] = (statistics.mean[c] as number) + (delta * count) / total;
    statistics.squares[c] =
      (statistics.squares[c] as number) +
      blockSquares +
      (delta * delta * statistics.count * count) / total;
  }
  statistics.count = total;
}

/** The population standard deviation per channel (numpy's `std`), 1 where a channel never varies. */
export function deviations(statistics: ChannelStatistics): Float64Array {
  return statistics.squares.map((squares) => {
    const deviation = Math.sqrt(squares / statistics.count);
    return deviation > 0 ? deviation : 1;
  });
}
