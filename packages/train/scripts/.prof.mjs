import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { loadDataset } from '@dcgan/data/node';
import { register } from 'node:module';
register("data:text/javascript,export async function resolve(s,c,n){try{return await n(s,c)}catch(e){if(/^ERR_(MODULE_NOT_FOUND|UNSUPPORTED_DIR_IMPORT)$/.test(e.code)&&s.startsWith('.'))return n(s+'.js',c);throw e}}");
await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
const { buildClassifier, classifierStep, datasetBatch, registerWasmTrainingKernels } = await import('../dist/node.js');
registerWasmTrainingKernels();
await tf.setBackend('wasm');
const train = await loadDataset('mnist', 'train');
const cfg = JSON.parse(process.env.CFG ?? '{}');
const c = buildClassifier(cfg, { seed: 1 });
const opt = tf.train.adam(0.001);
const idx = Array.from({ length: 64 }, (_, i) => i);
for (let s = 0; s < 3; s++) { const { images, labels } = datasetBatch(train, idx); classifierStep(c, opt, images, labels); }
const { images, labels } = datasetBatch(train, idx);
let t = performance.now();
for (let s = 0; s < 5; s++) classifierStep(c, opt, images, labels);
console.log('ms/step', (performance.now() - t) / 5);
const info = await tf.profile(() => { classifierStep(c, opt, images, labels); });
const by = {};
for (const k of info.kernels) { const key = k.name + ' ' + JSON.stringify(k.inputShapes); by[key] = (by[key] ?? 0) + (k.kernelTimeMs ?? 0); }
console.log(Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 16).map(([k, v]) => v.toFixed(1) + ' ' + k).join('\n'));
