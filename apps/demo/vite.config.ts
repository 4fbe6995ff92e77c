import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { resolveDataDir } from '@dcgan/data/node';
import { defineConfig } from 'vite';
import { mnistFiles } from './vite-plugins/mnist-files.js';
import { pretrainedFiles } from './vite-plugins/pretrained-files.js';

const modelsPackage = createRequire(import.meta.url).resolve('@dcgan/models/package.json');

export default defineConfig({
  plugins: [
    mnistFiles(resolveDataDir('mnist')),
    pretrainedFiles(join(dirname(modelsPackage), 'pretrained')),
  ],
  // The training worker (src/train-worker.ts) is a module, as TensorFlow.js's chunks need.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // TensorFlow.js (core, layers, three backends) is one large chunk by nature.
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { main: 'index.html', components: 'components.html' } },
  },
});
