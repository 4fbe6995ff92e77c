import { type ImageDataset, loadTrainingData } from '@dcgan/data/node';
import { imageShapeOf } from '@dcgan/models';
import type { RunConfig } from './run-config.js';

/** How many unreadable files a run names when it skips them. */
const NAMED_SKIPPED = 10;

/**
 * Loads a run's training images: IDX data as it is, an image folder at the model's size and
 * channels (decoded once, then read from the cache). Reports through `log` the cache and the files
 * skipped with `--skip-unreadable` (how many, and the first ten).
 */
export async function loadRunData(
  config: RunConfig,
  log: (line: string) => void,
): Promise<ImageDataset> {
  const [imageSize, , channels] = imageShapeOf(config.model);
  const started = performance.now();
  const dataset = await loadTrainingData(config.data, {
    imageSize,
    channels: channels as 1 | 3,
    ...(config.images && {
      background: config.images.background,
      skipUnreadable: config.images.skipUnreadable,
    }),
    ...(config.model.conditional && { classes: true }),
  });
  if ('cache' in dataset && dataset.cache) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const { status, file, error } = dataset.cache;
    log(
      status === 'hit'
        ? `read ${dataset.count} images from the cache ${file} in ${seconds} s`
        : status === 'unwritable'
          ? `decoded ${dataset.count} images in ${seconds} s; the cache could not be written (${error})`
          : `decoded ${dataset.count} images in ${seconds} s, cached in ${file}`,
    );
  }
  if ('skipped' in dataset && dataset.skipped.length > 0) {
    const named = dataset.skipped.slice(0, NAMED_SKIPPED);
    log(
      `skipped ${dataset.skipped.length} unreadable file(s)` +
        `${dataset.skipped.length > named.length ? `, the first ${named.length}` : ''}:\n` +
        named.map((file) => `  ${file.path}: ${file.reason}`).join('\n'),
    );
  }
  return dataset;
}
