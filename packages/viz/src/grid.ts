/** A picture: `width * height * channels` bytes, row after row, grey (1 channel) or RGB (3). */
export interface Picture {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8Array;
}

/** How images are laid out in a grid. */
export interface GridOptions {
  /** Images a row; by default the smallest square that holds them all. */
  columns?: number;
  /** Pixels between images (and around them), drawn black. */
  padding?: number;
  /** Each pixel drawn as a square of this side, so small images stay visible. */
  scale?: number;
  /** 1 for grey images, 3 for RGB: the images' last axis. */
  channels?: 1 | 3;
}

/**
 * Lays out images `[count, size, size, channels]` with values in [-1, 1] (as a generator draws
 * them) in a grid: -1 is black and 1 full intensity.
 * @param values the images' values, image after image, row-major, channels last
 */
export function gridFromValues(
  values: ArrayLike<number>,
  count: number,
  size: number,
  options: GridOptions = {},
): Picture {
  const channels = options.channels ?? 1;
  const perImage = size * size * channels;
  if (values.length !== count * perImage) {
    throw new Error(
      `expected ${count} images of ${size}x${size}x${channels} (${count * perImage} values), got ${values.length}`,
    );
  }
  const columns = options.columns ?? Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / columns);
  const padding = options.padding ?? 2;
  const scale = options.scale ?? 1;
  const cell = size * scale + padding;
  const width = columns * cell + padding;
  const height = rows * cell + padding;
  const pixels = new Uint8Array(width * height * channels);
  for (let image = 0; image < count; image++) {
    const left = padding + (image % columns) * cell;
    const top = padding + Math.floor(image / columns) * cell;
    for (let y = 0; y < size * scale; y++) {
      for (let x = 0; x < size * scale; x++) {
        const from =
          image * perImage + (Math.floor(y / scale) * size + Math.floor(x / scale)) * channels;
        const to = ((top + y) * width + left + x) * channels;
        for (let c = 0; c < channels; c++) {
          const v = values[from + c] as number;
          pixels[to + c] = Math.min(255, Math.max(0, Math.round((v + 1) * 127.5)));
        }
      }
    }
  }
  return { width, height, channels, pixels };
}
