/**
 * Node entry point of @dcgan/data: reads IDX data sets and folders of images from disk.
 *   import { loadDataset, loadImageFolder } from '@dcgan/data/node';
 *   const train = await loadDataset('mnist', 'train');
 *   const pictures = await loadImageFolder('photos', { imageSize: 64 }); // needs sharp
 */

export { defaultCacheDir } from './image-cache.js';
export * from './index.js';
export { type ImageFolderOptions, loadImageFolder } from './load-image-folder.js';
export { type DataSource, FASHION_MNIST_DIR, loadDataset, resolveDataDir } from './load-node.js';
export { loadTrainingData, type TrainingDataOptions } from './load-training-data.js';
export { MNIST_INSTALL } from './mnist-dir.js';
