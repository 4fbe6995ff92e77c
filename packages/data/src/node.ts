/**
 * Node entry point of @dcgan/data: reads IDX data sets from disk.
 *   import { loadDataset } from '@dcgan/data/node';
 *   const train = await loadDataset('mnist', 'train');
 */

export * from './index.js';
export { type DataSource, FASHION_MNIST_DIR, loadDataset, resolveDataDir } from './load-node.js';
export { MNIST_INSTALL } from './mnist-dir.js';
