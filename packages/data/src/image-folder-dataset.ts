import type { ImageDataset } from './dataset.js';
import { type SkippedFile, UnreadableImageError } from './unreadable-image.js';

/** What the Node reader did with its cache. */
export interface ImageCacheReport {
  /** The cache file. */
  file: string;
  /**
   * `hit`: read from it; `written`: decoded and saved; `rebuilt`: it was damaged, so decoded again
   * and saved; `unwritable`: decoded, but it could not be saved (`error` says why).
   */
  status: 'hit' | 'written' | 'rebuilt' | 'unwritable';
  error?: string;
}

/** A data set read from image files (a folder in Node, `File`s in a browser). */
export interface ImageFolderDataset extends ImageDataset {
  /** `[count, imageSize, imageSize, channels]` bytes. */
  images: Uint8Array;
  channels: 1 | 3;
  /** The images' paths, relative to the folder and `/`-separated, in the order of `images`. */
  files: string[];
  /** The class of each label, sorted, when the folder has one subfolder a class. */
  classNames?: string[];
  /** Files left out with `skipUnreadable`, and why. */
  skipped: SkippedFile[];
  /** Where the Node reader's cache is and whether it was used; absent in browsers and without it. */
  cache?: ImageCacheReport;
}

/** How `decodeAll` runs and what it names in errors. */
export interface DecodeAllOptions {
  imageSize: number;
  channels: 1 | 3;
  skipUnreadable: boolean;
  concurrency: number;
  /** A file's name for errors (a full path in Node). */
  describe: (path: string) => string;
  /** The folder's name for errors. */
  root: string;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Decodes every file into one preallocated buffer of bytes, `concurrency` at a time, and drops the
 * unreadable ones (`skipUnreadable`) or throws an Error naming the first. Errors other than
 * `UnreadableImageError` (a bug, a missing decoder) always propagate.
 * @param decode gives file `index`'s `imageSize * imageSize * channels` bytes
 */
export async function decodeAll(
  paths: readonly string[],
  labels: Uint8Array | undefined,
  options: DecodeAllOptions,
  decode: (index: number) => Promise<Uint8Array>,
): Promise<Pick<ImageFolderDataset, 'images' | 'labels' | 'count' | 'files' | 'skipped'>> {
  const bytesPerImage = options.imageSize * options.imageSize * options.channels;
  const images = new Uint8Array(paths.length * bytesPerImage);
  const reasons = new Array<string | undefined>(paths.length);
  let next = 0;
  let done = 0;
  // The first unreadable file in path order: files are started in order, and all that started
  // finish, so every file before it has been read by then.
  const unreadable: { index: number; error?: UnreadableImageError } = { index: paths.length };
  let failure: unknown;
  const work = async () => {
    while (next < paths.length && failure === undefined && !unreadable.error) {
      const index = next++;
      try {
        const pixels = await decode(index);
        images.set(pixels, index * bytesPerImage);
      } catch (error) {
        if (!(error instanceof UnreadableImageError)) failure ??= error;
        else if (options.skipUnreadable) reasons[index] = error.message;
        else if (index < unreadable.index) Object.assign(unreadable, { index, error });
      }
      options.onProgress?.(++done, paths.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, paths.length) }, work));
  if (failure !== undefined) throw failure;
  if (unreadable.error) {
    const path = options.describe(paths[unreadable.index] as string);
    throw new Error(`${path}: ${unreadable.error.message}`, { cause: unreadable.error });
  }
  return compact(paths, labels, images, reasons, bytesPerImage, options);
}

/** Moves the readable images together, in order, without copying the set. */
function compact(
  paths: readonly string[],
  labels: Uint8Array | undefined,
  images: Uint8Array,
  reasons: (string | undefined)[],
  bytesPerImage: number,
  options: Pick<DecodeAllOptions, 'root' | 'describe'>,
) {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const kept = labels ? new Uint8Array(paths.length) : undefined;
  for (const [index, path] of paths.entries()) {
    const reason = reasons[index];
    if (reason !== undefined) {
      skipped.push({ path, reason });
      continue;
    }
    const at = files.length;
    if (at !== index)
      images.copyWithin(at * bytesPerImage, index * bytesPerImage, (index + 1) * bytesPerImage);
    if (kept && labels) kept[at] = labels[index] as number;
    files.push(path);
  }
  if (files.length === 0) {
    const first = skipped[0] as SkippedFile;
    throw new Error(
      `${options.root}: none of its ${paths.length} image files could be read ` +
        `(the first: ${options.describe(first.path)}: ${first.reason})`,
    );
  }
  return {
    images: images.subarray(0, files.length * bytesPerImage),
    ...(kept && { labels: kept.subarray(0, files.length) }),
    count: files.length,
    files,
    skipped,
  };
}
