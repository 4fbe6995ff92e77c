import * as tf from '@tensorflow/tfjs-core';
import type { RowSource } from './descriptor-rows.js';

// Values per matrix product, in and out: 2 MB keeps the product in cache for `transposeInto`.
const CHUNK_VALUES = 1 << 19;

/**
 * Projects every normalised row of `source` on directions `first .. first + count` of
 * `directions` (`[total, dimension]`) with the backend's matrix product, writing projection `k`
 * of row `r` to `columns[k * source.rows + r]`. The normalisation is folded into the
 * directions: ((v - shift) * scale) . d = v . (scale * d) - shift . (scale * d).
 */
export async function projectRows(
  source: RowSource,
  directions: Float64Array,
  first: number,
  count: number,
  columns: Float32Array,
): Promise<void> {
  const { dimension, rows, shift, scale } = source;
  const weights = new Float32Array(dimension * count);
  const offsets = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    for (let j = 0; j < dimension; j++) {
      const weight = (directions[(first + k) * dimension + j] as number) * (scale[j] as number);
      weights[j * count + k] = weight;
      offsets[k] = (offsets[k] as number) + (shift[j] as number) * weight;
    }
  }
  const directionMatrix = tf.tensor2d(weights, [dimension, count]);
  try {
    let row = 0;
    for (const chunk of source.chunks(
      Math.max(1, Math.floor(CHUNK_VALUES / Math.max(dimension, count))),
    )) {
      const chunkRows = chunk.length / dimension;
      const product = tf.tidy(() =>
        tf.matMul(tf.tensor2d(chunk, [chunkRows, dimension]), directionMatrix),
      );
      const values = await product.data();
      product.dispose();
      transposeInto(values, chunkRows, count, offsets, columns, rows, row);
      row += chunkRows;
    }
    if (row !== rows) throw new Error(`projectRows: ${row} rows read, ${rows} expected`);
  } finally {
    directionMatrix.dispose();
  }
}

// Tiles of rows keep the reads of the row-major product in cache while the columns are written.
const TILE = 16;

function transposeInto(
  values: ArrayLike<number>,
  chunkRows: number,
  count: number,
  offsets: Float64Array,
  columns: Float32Array,
  rows: number,
  row: number,
): void {
  for (let tile = 0; tile < chunkRows; tile += TILE) {
    const end = Math.min(chunkRows, tile + TILE);
    for (let k = 0; k < count; k++) {
      const offset = offsets[k] as number;
      const column = k * rows + row;
      for (let r = tile; r < end; r++)
        columns[column + r] = (values[r * count + k] as number) - offset;
    }
  }
}
