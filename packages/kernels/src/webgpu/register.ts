import * as tf from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterKernel } from './Conv2DBackpropFilter.js';

/** What this package registers for tfjs-webgpu, each with why tfjs's own is not used. */
const REGISTRATIONS: [string, (backendName: string) => tf.KernelConfig, string][] = [
  [
    'Conv2DBackpropFilter',
    conv2DBackpropFilterKernel,
    "one tiled matrix product: tfjs-webgpu's gives a thread to each filter element",
  ],
];

const registered = new Set<string>();

/**
 * Replaces kernels of tfjs 4.22's WebGPU backend that training runs slowly (see REGISTRATIONS).
 * Call it from the app that chose the webgpu backend, after importing it; safe to call twice.
 */
export function registerWebgpuTrainingKernels(backendName = 'webgpu'): void {
  if (registered.has(backendName) || !tf.getKernel('Conv2DBackpropFilter', backendName)) return;
  registered.add(backendName);
  for (const [kernelName, make] of REGISTRATIONS) {
    tf.unregisterKernel(kernelName, backendName);
    tf.registerKernel(make(backendName));
  }
}
