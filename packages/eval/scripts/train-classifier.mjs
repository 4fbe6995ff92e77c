/**
 * Trains the project's classifier for one data set and writes it, with its baselines, to
 * classifiers/<dataset>/ (model.json, weights.bin, baselines.json):
 *   pnpm --filter @dcgan/eval... build
 *   nice -n 10 node packages/eval/scripts/train-classifier.mjs mnist|fashion
 * Options: --epochs N, --seed N, --out DIR; --baselines-only recomputes baselines.json of the
 * classifier already saved there. Runs on the wasm backend, seeded: the same command gives the
 * same weights.
 */
import { register } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDataset } from '@dcgan/data/node';
import { loadModelFromDir, saveModelToDir, writeFileAtomic } from '@dcgan/models/node';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

// The gradients live in tfjs-core's ES build, whose imports have no file extensions: plain Node
// needs `.js` added (bundlers and vitest add it themselves).
register(
  "data:text/javascript,export async function resolve(s,c,n){try{return await n(s,c)}catch(e){if(/^ERR_(MODULE_NOT_FOUND|UNSUPPORTED_DIR_IMPORT)$/.test(e.code)&&s.startsWith('.'))return n(s+'.js',c);throw e}}",
);
await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
const { buildClassifier, classifierAccuracy } = await import('../dist/index.js');
const { datasetImages, defaultClassifierTrainingConfig, realBaselines, trainClassifier } =
  await import('../dist/internal.js');
const { registerWasmTrainingKernels } = await import('@dcgan/kernels');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    epochs: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    'baselines-only': { type: 'boolean' },
  },
});
const dataset = positionals[0];
if (dataset !== 'mnist' && dataset !== 'fashion') {
  console.error(
    'usage: train-classifier.mjs mnist|fashion [--epochs N] [--seed N] [--out DIR] [--baselines-only]',
  );
  process.exit(2);
}
const config = defaultClassifierTrainingConfig();
if (values.epochs) config.epochs = Number(values.epochs);
if (values.seed) config.seed = Number(values.seed);
const out = values.out ?? fileURLToPath(new URL(`../classifiers/${dataset}/`, import.meta.url));

registerWasmTrainingKernels();
await tf.setBackend('wasm');
const [train, test] = await Promise.all([
  loadDataset(dataset, 'train'),
  loadDataset(dataset, 'test'),
]);
const testImages = datasetImages(test);
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(0);

let classifier;
if (values['baselines-only']) {
  classifier = await loadModelFromDir(out);
} else {
  classifier = buildClassifier({}, { seed: config.seed });
  console.log(`${dataset}: training on ${train.count} images, ${JSON.stringify(config)}`);
  trainClassifier(classifier, train, config, (epoch, loss) => {
    const accuracy = classifierAccuracy(classifier, testImages, test.labels);
    console.log(
      `epoch ${epoch}: loss ${loss.toFixed(4)}, test accuracy ${(100 * accuracy).toFixed(2)}%, ${seconds()} s`,
    );
  });
  await saveModelToDir(classifier, out);
}
const testAccuracy = classifierAccuracy(classifier, testImages, test.labels);
const baselines = {
  ...(await realBaselines(classifier, train, test)),
  testAccuracy,
  computedWith:
    `scripts/train-classifier.mjs ${dataset}${values['baselines-only'] ? ' --baselines-only' : ''} ` +
    `on ${tf.getBackend()}: this folder's classifier on the ${test.count} real test images ` +
    '(score) and on the first 10,000 real train images against them (Fréchet distance)',
};
await writeFileAtomic(join(out, 'baselines.json'), `${JSON.stringify(baselines, null, 2)}\n`);
console.log(`${JSON.stringify(baselines, null, 2)}\nsaved to ${out} after ${seconds()} s`);
