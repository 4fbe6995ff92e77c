// Prints the layers, output shapes and parameter counts of the default generator and discriminator
// for an image size (the spec's 28x28x1 by default; 32, 64 or 128 px: the Radford DCGAN).
// Run: pnpm --filter @dcgan/models summary [IMAGE_SIZE [CHANNELS]]   (build the package first)
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { buildModels, defaultModelConfigFor, formatSummary } from '../dist/index.js';

const [size = '28', channels = size === '28' ? '1' : '3'] = process.argv.slice(2);
await tf.setBackend('cpu');
const { generator, discriminator } = buildModels(
  defaultModelConfigFor(Number(size), Number(channels)),
);
console.log(formatSummary(generator));
console.log();
console.log(formatSummary(discriminator));
