// Prints the layers, output shapes and parameter counts of the spec's generator and discriminator.
// Run: pnpm --filter @dcgan/models summary
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { buildDiscriminator, buildGenerator, formatSummary } from '../dist/index.js';

await tf.setBackend('cpu');
console.log(formatSummary(buildGenerator()));
console.log();
console.log(formatSummary(buildDiscriminator()));
