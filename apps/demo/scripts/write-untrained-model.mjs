// Writes the generator the demo serves, public/models/generator/, when none is there: the spec's
// generator, seeded and untrained (noise, not digits), until a trained one is put in its place.
//   node scripts/write-untrained-model.mjs [--force]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGenerator, saveModelToDir } from '@dcgan/models/node';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

/** The folder of the served generator, and the seed of its weights. */
export const MODEL_DIR = fileURLToPath(new URL('../public/models/generator/', import.meta.url));
export const MODEL_SEED = 1;

/** Writes the seeded generator unless a model is there already; returns the folder. */
export async function writeUntrainedModel(force = false) {
  if (!force && existsSync(`${MODEL_DIR}model.json`)) return MODEL_DIR;
  await tf.setBackend('cpu');
  const generator = buildGenerator({}, { seed: MODEL_SEED });
  await saveModelToDir(generator, MODEL_DIR);
  generator.dispose();
  return MODEL_DIR;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = await writeUntrainedModel(process.argv.includes('--force'));
  console.log(`generator: ${dir}`);
}
