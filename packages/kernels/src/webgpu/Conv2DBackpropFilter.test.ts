import { stopWebgpu, webgpuUnavailable } from '@dcgan/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onBackend, relativeError } from '../test-support.js';
import { registerWebgpuTrainingKernels } from './register.js';

type Shape4 = [number, number, number, number];
type Case = { x: Shape4; filter: Shape4; stride: number; pad: 'same' | 'valid' };
const cases: Record<string, Case> = {
  'discriminator conv 1 (28x28x1, 32 filters, stride 2, same)': {
    x: [2, 28, 28, 1],
    filter: [3, 3, 1, 32],
    stride: 2,
    pad: 'same',
  },
  'discriminator conv 3 (7x7x64, 128 filters, stride 2, valid)': {
    x: [2, 7, 7, 64],
    filter: [3, 3, 64, 128],
    stride: 2,
    pad: 'valid',
  },
  'stride 1, same, batch 1': { x: [1, 9, 9, 3], filter: [3, 3, 3, 5], stride: 1, pad: 'same' },
  'stride 2, same, odd input, 4x4 kernel': {
    x: [2, 13, 11, 3],
    filter: [4, 4, 3, 2],
    stride: 2,
    pad: 'same',
  },
  'stride 3, valid, non-square': {
    x: [1, 12, 17, 2],
    filter: [2, 3, 2, 3],
    stride: 3,
    pad: 'valid',
  },
  '1x1 kernel': { x: [2, 5, 5, 4], filter: [1, 1, 4, 6], stride: 1, pad: 'valid' },
};

/** The filter gradient of `c` on the active backend, from seeded inputs. */
async function filterGradient(c: Case): Promise<Float32Array> {
  const x = tf.randomNormal(c.x, 0, 1, 'float32', 1) as tf.Tensor4D;
  const filter = tf.randomNormal(c.filter, 0, 1, 'float32', 2) as tf.Tensor4D;
  const outShape = tf.tidy(() => tf.conv2d(x, filter, c.stride, c.pad).shape);
  const dy = tf.randomNormal(outShape, 0, 1, 'float32', 3) as tf.Tensor4D;
  const gradient = tf
    .engine()
    .runKernel(
      'Conv2DBackpropFilter',
      { x, dy },
      { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape: c.filter },
    ) as tf.Tensor;
  const values = (await gradient.data()) as Float32Array;
  tf.dispose([x, filter, dy, gradient]);
  return values;
}

const webgpuMissing = await webgpuUnavailable();
afterAll(stopWebgpu);

describe.skipIf(webgpuMissing)(
  `Conv2DBackpropFilter on webgpu, as one matrix product${webgpuMissing ? `: skipped, ${webgpuMissing}` : ''}`,
  () => {
    beforeAll(() => registerWebgpuTrainingKernels());

    for (const [name, c] of Object.entries(cases)) {
      it(`matches the cpu backend: ${name}`, async () => {
        const cpu = await onBackend('cpu', () => filterGradient(c));
        const webgpu = await onBackend('webgpu', async () => {
          const before = tf.memory().numTensors;
          const values = await filterGradient(c);
          expect(tf.memory().numTensors).toBe(before);
          return values;
        });
        // float32 sums in another order: the gradients test's bound.
        expect(relativeError(Array.from(webgpu), Array.from(cpu))).toBeLessThan(1e-5);
      });
    }
  },
);
