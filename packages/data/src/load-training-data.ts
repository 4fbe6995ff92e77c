import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LabeledImageDataset } from './dataset.js';
import { IMAGE_SIZE } from './dataset.js';
import { idxFileNames, type Split } from './idx-file-names.js';
import type { ImageFolderDataset } from './image-folder-dataset.js';
import { type ImageFolderOptions, loadImageFolder } from './load-image-folder.js';
import { type DataSource, loadDataset } from './load-node.js';

/** Options of `loadTrainingData`: the split for IDX sources, the image options for folders. */
export interface TrainingDataOptions extends Partial<ImageFolderOptions> {
  /** Which IDX split; `train` when absent. Image folders have no splits. */
  split?: Split;
}

/**
 * Loads training images from any source: `mnist`, `fashion`, a folder of IDX files (28x28 grey,
 * labelled) or a folder of PNG, JPEG and WebP pictures (`imageSize` required; see
 * `loadImageFolder`).
 * @returns `[count, height, width, channels]` bytes, with labels where the source has them
 * @throws an Error when a folder holds neither, or when options ask IDX data for another shape
 */
export async function loadTrainingData(
  source: DataSource,
  options: TrainingDataOptions = {},
): Promise<LabeledImageDataset | ImageFolderDataset> {
  const { split = 'train', ...imageOptions } = options;
  if (source === 'mnist' || source === 'fashion' || holdsIdx(source)) {
    const { imageSize = IMAGE_SIZE, channels = 1 } = imageOptions;
    if (imageSize !== IMAGE_SIZE || channels !== 1) {
      throw new Error(
        `${source} holds ${IMAGE_SIZE}x${IMAGE_SIZE} grey IDX images: got imageSize ${imageSize} ` +
          `and channels ${channels}; convert it to an image folder for another shape`,
      );
    }
    return loadDataset(source, split);
  }
  if (!existsSync(source)) {
    throw new Error(
      `data source ${source} does not exist (expected mnist, fashion, a folder of IDX files or a folder of images)`,
    );
  }
  const { imageSize } = imageOptions;
  if (imageSize === undefined) {
    throw new Error(`${source}: reading a folder of images needs imageSize (e.g. 64)`);
  }
  try {
    return await loadImageFolder(source, { ...imageOptions, imageSize });
  } catch (error) {
    if (!/no PNG, JPEG or WebP image/.test((error as Error).message)) throw error;
    const names = idxFileNames(split);
    throw new Error(
      `${source}: holds neither IDX files (${names.images}[.gz] and ${names.labels}[.gz]) ` +
        'nor PNG, JPEG or WebP images',
      { cause: error },
    );
  }
}

/** True when a folder holds an IDX file of either split, raw or gzip. */
function holdsIdx(folder: string): boolean {
  const names = (['train', 'test'] as const).flatMap((split) => Object.values(idxFileNames(split)));
  return names.some(
    (name) => existsSync(join(folder, name)) || existsSync(join(folder, `${name}.gz`)),
  );
}
