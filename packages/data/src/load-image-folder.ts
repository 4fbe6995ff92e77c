import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { classLayout } from './class-layout.js';
import { decodeWithSharp } from './decode-with-sharp.js';
import { defaultCacheDir, imageCacheFile, readImageCache, writeImageCache } from './image-cache.js';
import {
  decodeAll,
  type ImageCacheReport,
  type ImageFolderDataset,
} from './image-folder-dataset.js';
import { type ImageReadOptions, resolveImageOptions } from './image-options.js';
import { listImageFiles } from './list-image-files.js';
import { loadSharp } from './load-sharp.js';
import { UnreadableImageError } from './unreadable-image.js';

/** Options of `loadImageFolder`: how to read the images, and where to cache them. */
export interface ImageFolderOptions extends ImageReadOptions {
  /**
   * The cache folder (decoded sets go in its `images/`), `false` for none; `defaultCacheDir()`,
   * `$XDG_CACHE_HOME/dcgan` or `~/.cache/dcgan`, when absent.
   */
  cache?: string | false;
}

/**
 * Reads a folder of PNG, JPEG and WebP files, recursively, into a data set of square images
 * `[count, imageSize, imageSize, channels]` as bytes (see `ImageReadOptions` for cropping,
 * colour and labels), through sharp, an optional peer dependency. The decoded set is cached,
 * keyed by the file list and the settings, so a second load of an unchanged folder is a read.
 * @throws an Error naming the folder or file and what is wrong with it
 */
export async function loadImageFolder(
  folder: string,
  options: ImageFolderOptions,
): Promise<ImageFolderDataset> {
  const settings = resolveImageOptions(options, Math.max(2, availableParallelism()));
  const listing = await listImageFiles(folder);
  if (listing.files.length === 0 && listing.broken.length === 0) {
    throw new Error(
      `${folder}: no PNG, JPEG or WebP image in this folder or its subfolders (hidden ones skipped)`,
    );
  }
  const named = (path: string) => join(folder, path);
  const [firstBroken] = listing.broken;
  if (firstBroken && !settings.skipUnreadable) {
    throw new Error(`${named(firstBroken.path)}: ${firstBroken.reason}`);
  }
  const paths = listing.files.map((file) => file.path);
  const layout = classLayout(paths, { ...settings, folders: listing.folders, root: folder });
  const sharp = await loadSharp();
  const { imageSize, channels, background, classes, maxPixels } = settings;
  const decoder = `sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}`;
  const key = { imageSize, channels, background, classes, maxPixels, decoder };
  const cache =
    options.cache === false
      ? undefined
      : imageCacheFile(options.cache ?? defaultCacheDir(), resolve(folder), key, listing.files);
  const cached = cache ? await readImageCache(cache.file, cache.key) : 'missing';
  if (typeof cached === 'object' && cache) {
    const [firstSkipped] = cached.skipped;
    if (firstSkipped && !settings.skipUnreadable) {
      throw new Error(`${named(firstSkipped.path)}: ${firstSkipped.reason}`);
    }
    return { ...cached, cache: { file: cache.file, status: 'hit' } };
  }
  const decoded = await decodeAll(
    paths,
    layout.labels,
    { ...settings, describe: named, root: folder },
    async (index) => {
      const path = named(paths[index] as string);
      const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new UnreadableImageError(`cannot be read (${error.code ?? error.message})`);
      });
      return decodeWithSharp(sharp, bytes, settings);
    },
  );
  const dataset: ImageFolderDataset = {
    ...decoded,
    height: imageSize,
    width: imageSize,
    channels,
    ...(layout.classNames && { classNames: layout.classNames }),
    skipped: [...listing.broken, ...decoded.skipped].sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
  if (!cache) return dataset;
  const report: ImageCacheReport = {
    file: cache.file,
    status: cached === 'damaged' ? 'rebuilt' : 'written',
  };
  try {
    await writeImageCache(cache.file, cache.key, dataset);
  } catch (error) {
    Object.assign(report, { status: 'unwritable', error: (error as Error).message });
  }
  return { ...dataset, cache: report };
}
