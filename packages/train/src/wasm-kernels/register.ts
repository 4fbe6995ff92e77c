import * as tf from '@tensorflow/tfjs-core';
import { conv2dBackpropFilterKernel } from './conv2d-backprop-filter.js';

/**
 * Registers the kernels that training needs and that tfjs 4.22's wasm backend lacks
 * (Conv2DBackpropFilter), composed of the backend's own kernels. Safe to call twice.
 * Call it from the app that chose the wasm backend, before training.
 */
export function registerWasmTrainingKernels(backendName = 'wasm'): void {
  for (const kernel of [conv2dBackpropFilterKernel(backendName)]) {
    if (!tf.getKernel(kernel.kernelName, backendName)) tf.registerKernel(kernel);
  }
}
