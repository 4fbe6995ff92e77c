import type { Taps } from './resample-taps.js';

/** A batch of images `[count, height, width, channels]`, row-major, as one typed array. */
export interface ImageArray {
  pixels: Float32Array;
  count: number;
  height: number;
  width: number;
  channels: number;
}

/**
 * Applies `rows` down each column and `columns` along each row of every image and channel
 * (a separable linear resampling), summing in float64.
 * @returns `[count, rows.outputSize, columns.outputSize, channels]`
 */
export function resampleImages(images: ImageArray, rows: Taps, columns: Taps): ImageArray {
  const { count, height, width, channels } = images;
  if (rows.inputSize !== height || columns.inputSize !== width) {
    throw new Error(
      `taps for ${rows.inputSize}x${columns.inputSize} applied to ${height}x${width} images`,
    );
  }
  const outHeight = rows.outputSize;
  const outWidth = columns.outputSize;
  const rowLength = outWidth * channels;
  const across = new Float64Array(height * rowLength);
  const out = new Float32Array(count * outHeight * rowLength);
  for (let image = 0; image < count; image++) {
    const source = image * height * width * channels;
    across.fill(0);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < outWidth; x++) {
        const target = y * rowLength + x * channels;
        for (let k = columns.starts[x] as number; k < (columns.starts[x + 1] as number); k++) {
          const weight = columns.weights[k] as number;
          const from = source + (y * width + (columns.indices[k] as number)) * channels;
          for (let c = 0; c < channels; c++) {
            across[target + c] =
              (across[target + c] as number) + weight * (images.pixels[from + c] as number);
          }
        }
      }
    }
    const destination = image * outHeight * rowLength;
    for (let y = 0; y < outHeight; y++) {
      const target = destination + y * rowLength;
      for (let i = 0; i < rowLength; i++) {
        let sum = 0;
        for (let k = rows.starts[y] as number; k < (rows.starts[y + 1] as number); k++) {
          sum +=
            (rows.weights[k] as number) *
            (across[(rows.indices[k] as number) * rowLength + i] as number);
        }
        out[target + i] = sum;
      }
    }
  }
  return { pixels: out, count, height: outHeight, width: outWidth, channels };
}
