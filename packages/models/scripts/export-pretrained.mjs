#!/usr/bin/env node
/**
 * Writes a trained generator as a pretrained one of this package, weights in float16:
 *   node scripts/export-pretrained.mjs RUN/checkpoints/step-NNNNNNN/generator pretrained/mnist
 * (build the package first). The README and eval.json beside it are written by hand and `dcgan eval`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fileSystemIO, quantizeFloat16 } from '../dist/node.js';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: export-pretrained.mjs GENERATOR_DIR OUT_DIR');
  process.exit(2);
}
const artifacts = await fileSystemIO(from).load();
const quantized = quantizeFloat16(
  artifacts.weightSpecs,
  tf.io.CompositeArrayBuffer.join(artifacts.weightData),
);
await fileSystemIO(to).save({
  ...artifacts,
  convertedBy: 'dcgan.js scripts/export-pretrained.mjs (float16 weights)',
  weightSpecs: quantized.specs,
  weightData: quantized.data,
});
console.log(`wrote ${to}: ${quantized.data.byteLength} bytes of float16 weights (from ${from})`);
