import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, parseIdx } from './idx.js';

/** A set of grey images with their labels, as stored in IDX files. */
export interface ImageDataset {
  /** `count * height * width` bytes in [0, 255], image after image, row-major. */
  images: Uint8Array;
  /** `count` class labels. */
  labels: Uint8Array;
  count: number;
  height: number;
  width: number;
}

/** The four files of an MNIST-like data set, as bytes, with the names used in errors. */
export interface IdxFiles {
  images: { name: string; bytes: Uint8Array };
  labels: { name: string; bytes: Uint8Array };
}

/** The image size that the spec's DCGAN takes. */
export const IMAGE_SIZE = 28;

/**
 * Builds a data set from an images file and a labels file, checking that they agree.
 * @param imageSize the expected height and width (28 for MNIST-like data)
 */
export function datasetFromIdx(files: IdxFiles, imageSize = IMAGE_SIZE): ImageDataset {
  const images = parseIdx(files.images.bytes, files.images.name, IDX_IMAGES_MAGIC);
  const labels = parseIdx(files.labels.bytes, files.labels.name, IDX_LABELS_MAGIC);
  const [count = 0, height = 0, width = 0] = images.shape;
  if (height !== imageSize || width !== imageSize) {
    throw new Error(
      `${files.images.name}: images are ${height}x${width}, expected ${imageSize}x${imageSize}`,
    );
  }
  if (labels.shape[0] !== count) {
    throw new Error(
      `${files.labels.name}: ${labels.shape[0]} labels for ${count} images in ${files.images.name}`,
    );
  }
  return { images: images.data, labels: labels.data, count, height, width };
}

/** How many images of each label 0..9 (or up to the largest label) a data set holds. */
export function labelHistogram(dataset: Pick<ImageDataset, 'labels'>, classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of dataset.labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}
