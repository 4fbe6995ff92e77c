/** A grey picture: `width * height` bytes, row after row. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** How images are laid out in a grid. */
export interface GridOptions {
  /** Images a row; by default the smallest square that holds them all. */
  columns?: number;
  /** Pixels between images (and around them), drawn black. */
  padding?: number;
  /** Each pixel drawn as a square of this side, so small digits stay visible. */
  scale?: number;
}

/**
 * Lays out images `[count, size, size, 1]` with values in [-1, 1] (as the generator draws them) in
 * a grid: -1 is black and 1 white.
 * @param values the images' values, image after image, row-major (a tensor's `dataSync()`)
 */
export function gridFromValues(
  values: ArrayLike<number>,
  count: number,
  size: number,
  options: GridOptions = {},
): GreyImage {
  if (values.length !== count * size * size) {
    throw new Error(
      `expected ${count} images of ${size}x${size} (${count * size * size} values), got ${values.length}`,
    );
  }
  const columns = options.columns ?? Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / columns);
  const padding = options.padding ?? 2;
  const scale = options.scale ?? 1;
  const cell = size * scale + padding;
  const width = columns * cell + padding;
  const height = rows * cell + padding;
  const pixels = new Uint8Array(width * height);
  for (let image = 0; image < count; image++) {
    const left = padding + (image % columns) * cell;
    const top = padding + Math.floor(image / columns) * cell;
    for (let y = 0; y < size * scale; y++) {
      for (let x = 0; x < size * scale; x++) {
        const v = values[
          image * size * size + Math.floor(y / scale) * size + Math.floor(x / scale)
        ] as number;
        pixels[(top + y) * width + left + x] = Math.min(
          255,
          Math.max(0, Math.round((v + 1) * 127.5)),
        );
      }
    }
  }
  return { width, height, pixels };
}
