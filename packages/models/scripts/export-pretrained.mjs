#!/usr/bin/env node
/**
 * Writes a trained generator as a pretrained one of this package, weights in float16:
 *   node scripts/export-pretrained.mjs RUN/checkpoints/step-NNNNNNN/generator pretrained/mnist
 * (build the package first). The README and eval.json beside it are written by hand and `dcgan eval`.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { quantizeFloat16, writeFileAtomic } from '../dist/node.js';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: export-pretrained.mjs GENERATOR_DIR OUT_DIR');
  process.exit(2);
}
const model = JSON.parse(await readFile(join(from, 'model.json'), 'utf8'));
const specs = model.weightsManifest.flatMap((group) => group.weights);
const parts = [];
for (const group of model.weightsManifest) {
  for (const path of group.paths) parts.push(await readFile(join(from, path)));
}
const bytes = Buffer.concat(parts);
const quantized = quantizeFloat16(
  specs,
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
);
await mkdir(to, { recursive: true });
await writeFileAtomic(join(to, 'weights.bin'), new Uint8Array(quantized.data));
const out = {
  format: model.format,
  generatedBy: model.generatedBy,
  convertedBy: 'dcgan.js scripts/export-pretrained.mjs (float16 weights)',
  modelTopology: model.modelTopology,
  weightsManifest: [{ paths: ['weights.bin'], weights: quantized.specs }],
};
await writeFileAtomic(join(to, 'model.json'), JSON.stringify(out));
console.log(
  `wrote ${to}: ${quantized.data.byteLength} bytes of float16 weights (from ${dirname(from)})`,
);
