// Times reading and scaling the 60,000 MNIST training images.
// Run: pnpm --filter @dcgan/data bench
import { performance } from 'node:perf_hooks';
import { loadDataset, scaleToUnit } from '../dist/node.js';

const times = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  const train = await loadDataset('mnist', 'train');
  const scaled = scaleToUnit(train.images);
  times.push(performance.now() - start);
  if (scaled.length !== 60000 * 784) throw new Error('unexpected size');
}
times.sort((a, b) => a - b);
console.log(
  `read + scale 60,000 MNIST training images: median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)} ms, 5 runs)`,
);
