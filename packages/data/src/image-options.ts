/** An RGB colour as three bytes. */
export type Rgb = readonly [number, number, number];

/** How images from files become a data set: the same options in Node and in browsers. */
export interface ImageReadOptions {
  /** Side of the square images: each picture is centre-cropped to a square and resized to it. */
  imageSize: number;
  /** 1 for grey (ITU-R 601 luma, as PIL's `convert('L')`), 3 for RGB; 3 when absent. */
  channels?: 1 | 3;
  /** What transparent pixels are composited on: `#rrggbb` or `[r, g, b]`; white when absent. */
  background?: string | Rgb;
  /**
   * Labels from one subfolder a class (`true`), none (`false`), or `true` exactly when the folder
   * has subfolders (absent). Images at the root next to class folders are an error.
   */
  classes?: boolean;
  /** Return unreadable files in `skipped` instead of throwing on the first one. */
  skipUnreadable?: boolean;
  /** Pictures with more pixels than this are refused from their header, before decoding. */
  maxPixels?: number;
  /** How many files are read and decoded at once. */
  concurrency?: number;
  /** Called after each file is decoded (not when the set comes from the cache). */
  onProgress?: (done: number, total: number) => void;
}

/** The options with their defaults, checked. */
export interface ResolvedImageOptions {
  imageSize: number;
  channels: 1 | 3;
  background: Rgb;
  classes: boolean | undefined;
  skipUnreadable: boolean;
  maxPixels: number;
  concurrency: number;
  onProgress: ((done: number, total: number) => void) | undefined;
}

/** Large enough for a 100-megapixel camera, far below what would exhaust memory on decoding. */
export const DEFAULT_MAX_PIXELS = 100_000_000;
/** The largest image side that a data set of bytes can usefully hold. */
const MAX_IMAGE_SIZE = 4096;

/** Checks the options and fills in their defaults; throws naming the option that is wrong. */
export function resolveImageOptions(
  options: ImageReadOptions,
  defaultConcurrency: number,
): ResolvedImageOptions {
  const { imageSize, channels = 3, maxPixels = DEFAULT_MAX_PIXELS } = options;
  if (!Number.isInteger(imageSize) || imageSize < 1 || imageSize > MAX_IMAGE_SIZE) {
    throw new Error(`imageSize must be an integer from 1 to ${MAX_IMAGE_SIZE}, got ${imageSize}`);
  }
  if (channels !== 1 && channels !== 3) {
    throw new Error(`channels must be 1 (grey) or 3 (RGB), got ${channels}`);
  }
  if (!(maxPixels >= 1)) throw new Error(`maxPixels must be a positive number, got ${maxPixels}`);
  const concurrency = options.concurrency ?? defaultConcurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
  }
  return {
    imageSize,
    channels,
    background: parseBackground(options.background ?? [255, 255, 255]),
    classes: options.classes,
    skipUnreadable: options.skipUnreadable ?? false,
    maxPixels,
    concurrency,
    onProgress: options.onProgress,
  };
}

/** `#rrggbb` (or `#rgb`) or `[r, g, b]` as three bytes; throws on anything else. */
export function parseBackground(background: string | Rgb): Rgb {
  if (typeof background === 'string') {
    const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(background)?.[1];
    if (hex) {
      const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
      return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16)) as unknown as Rgb;
    }
  } else if (
    Array.isArray(background) &&
    background.length === 3 &&
    background.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)
  ) {
    return [background[0], background[1], background[2]];
  }
  throw new Error(
    `background must be '#rrggbb' or [r, g, b] with bytes 0 to 255, got ${JSON.stringify(background)}`,
  );
}
