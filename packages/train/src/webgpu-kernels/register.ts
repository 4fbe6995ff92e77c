import * as tf from '@tensorflow/tfjs-core';
import { conv2dBackpropFilterKernel } from './conv2d-backprop-filter.js';

const registered = new Set<string>();

/**
 * Replaces kernels of tfjs 4.22's WebGPU backend that training runs slowly: Conv2DBackpropFilter
 * (the filter gradient of every convolution and transposed convolution), whose own kernel gives one
 * thread to each filter element, by one tiled matrix product of the backend's own kernels. Safe to
 * call twice. Call it from the app that chose the webgpu backend, after importing it.
 */
export function registerWebgpuTrainingKernels(backendName = 'webgpu'): void {
  if (registered.has(backendName) || !tf.getKernel('Conv2DBackpropFilter', backendName)) return;
  registered.add(backendName);
  tf.unregisterKernel('Conv2DBackpropFilter', backendName);
  tf.registerKernel(conv2dBackpropFilterKernel(backendName));
}
