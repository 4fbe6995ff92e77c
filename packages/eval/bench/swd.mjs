// Times the sliced Wasserstein distance of Karras et al. on 10,000 images against 10,000, and
// prints the real-against-real figures: the first 10,000 training images against the 10,000 test
// images of MNIST and of Fashion-MNIST (28x28x1), and MNIST digits scaled to 64x64 and given
// random colours (64x64x3).
// Run from packages/train, after `pnpm --filter "@dcgan/train..." build`:
//   node bench/swd.mjs [mnist] [fashion] [rgb] [--count 10000] [--backend wasm|cpu] [--memory MiB]
import { performance } from 'node:perf_hooks';
import { loadDataset } from '@dcgan/data/node';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { patchDescriptors, slicedWasserstein } from '../dist/index.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args.splice(at, 2)[1];
};
const count = Number(option('count', 10_000));
const backend = option('backend', 'wasm');
const memory = Number(option('memory', 256)) * 2 ** 20;
const sets = args.length > 0 ? args : ['mnist', 'fashion', 'rgb'];
await tf.setBackend(backend);

/** `count` images of a split from `start`, `[count, 28, 28, 1]` in [-1, 1]. */
async function grey(source, split, start = 0) {
  const { images } = await loadDataset(source, split);
  const bytes = images.subarray(start * 784, (start + count) * 784);
  return tf.tidy(() => tf.sub(tf.div(tf.tensor4d(bytes, [count, 28, 28, 1], 'float32'), 127.5), 1));
}

/** Digits scaled to 64x64, each drawn in a random colour on another: batches `[500, 64, 64, 3]`. */
async function* coloured(split, seed) {
  const { images } = await loadDataset('mnist', split);
  for (let start = 0; start < count; start += 500) {
    const size = Math.min(500, count - start);
    const bytes = images.subarray(start * 784, (start + size) * 784);
    const batch = tf.tidy(() => {
      const digits = tf.div(tf.tensor4d(bytes, [size, 28, 28, 1], 'float32'), 255);
      const ink = tf.image.resizeBilinear(digits, [64, 64]);
      const background = tf.randomUniform([size, 1, 1, 3], -1, 1, 'float32', seed + start);
      const foreground = tf.randomUniform([size, 1, 1, 3], -1, 1, 'float32', seed + start + 1);
      return tf.add(background, tf.mul(ink, tf.sub(foreground, background)));
    });
    yield batch;
    batch.dispose();
  }
}

async function timed(label, fn) {
  const start = performance.now();
  const result = await fn();
  const seconds = (performance.now() - start) / 1000;
  console.log(`  ${label}: ${seconds.toFixed(1)} s`);
  return result;
}

const loaders = {
  mnist: () => Promise.all([grey('mnist', 'train'), grey('mnist', 'test')]),
  fashion: () => Promise.all([grey('fashion', 'train'), grey('fashion', 'test')]),
  rgb: async () => [coloured('train', 1), coloured('test', 1e6)],
};
console.log(
  `${count} images against ${count}, ${backend} backend, ${memory / 2 ** 20} MiB of projections`,
);
for (const name of sets) {
  const [a, b] = await loaders[name]();
  console.log(name === 'rgb' ? 'rgb [64x64x3], in batches of 500' : `${name} [28x28x1]`);
  const start = performance.now();
  const real = await timed('descriptors of the first set', () => patchDescriptors(a, { seed: 1 }));
  const fake = await timed('descriptors of the second set', () => patchDescriptors(b, { seed: 2 }));
  const result = await timed('distance', () => slicedWasserstein(real, fake, { seed: 3, memory }));
  console.log(
    `  total: ${((performance.now() - start) / 1000).toFixed(1)} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
  const levels = result.sizes
    .map(([h], i) => `${h}px ${result.distances[i].toFixed(2)}`)
    .join(', ');
  console.log(`  SWD x1e3: ${levels}, average ${result.average.toFixed(2)}`);
  if (name !== 'rgb') tf.dispose([a, b]);
}
