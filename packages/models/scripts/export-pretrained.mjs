#!/usr/bin/env node
/**
 * Writes a trained generator as a pretrained one of this package, weights in float16:
 *   node scripts/export-pretrained.mjs RUN/checkpoints/step-NNNNNNN/average-generator mnist-conditional
 * (build the package first). The second argument is a name (written to pretrained/NAME/) or a folder.
 * A new name is then listed in src/pretrained.ts. The README and eval.json beside it are written by
 * hand and `dcgan eval`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { fileSystemIO, loadGeneratorFromDir, modelVariant, quantizeFloat16 } from '../dist/node.js';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: export-pretrained.mjs GENERATOR_DIR NAME|OUT_DIR');
  process.exit(2);
}
const out = /^[a-z0-9-]+$/.test(to)
  ? join(dirname(fileURLToPath(import.meta.url)), '..', 'pretrained', to)
  : to;
const generator = await loadGeneratorFromDir(from);
const artifacts = await fileSystemIO(from).load();
const quantized = quantizeFloat16(
  artifacts.weightSpecs,
  tf.io.CompositeArrayBuffer.join(artifacts.weightData),
);
await fileSystemIO(out).save({
  ...artifacts,
  convertedBy: 'dcgan.js scripts/export-pretrained.mjs (float16 weights)',
  weightSpecs: quantized.specs,
  weightData: quantized.data,
});
console.log(
  `wrote ${out}: the ${modelVariant(generator)} generator, ${quantized.data.byteLength} bytes of float16 weights (from ${from})`,
);
