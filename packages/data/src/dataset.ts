import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, parseIdx } from './idx.js';

/**
 * A set of images as bytes, with class labels where the source has them (IDX files, or an image
 * folder with one subfolder a class).
 */
export interface ImageDataset {
  /**
   * `count * height * width * channels` bytes in [0, 255], image after image, row-major, channels
   * last (`[count, height, width, channels]`).
   */
  images: Uint8Array;
  /** `count` class labels, absent when the source has no classes. */
  labels?: Uint8Array;
  count: number;
  height: number;
  width: number;
  /** 1 (grey, as IDX files are) or 3 (RGB); 1 when absent. */
  channels?: 1 | 3;
}

/** A data set whose images all have a class label, as IDX data sets do. */
export interface LabeledImageDataset extends ImageDataset {
  labels: Uint8Array;
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
export function datasetFromIdx(files: IdxFiles, imageSize = IMAGE_SIZE): LabeledImageDataset {
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
  return { images: images.data, labels: labels.data, count, height, width, channels: 1 };
}

/** How many images of each label 0..9 (or up to the largest label) a labelled data set holds. */
export function labelHistogram(
  dataset: Pick<LabeledImageDataset, 'labels'>,
  classes = 10,
): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of dataset.labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

/** The bytes of one image: `height * width * channels`. */
export function imageBytes(dataset: Pick<ImageDataset, 'height' | 'width' | 'channels'>): number {
  return dataset.height * dataset.width * (dataset.channels ?? 1);
}
