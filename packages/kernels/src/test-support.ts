import { onBackend as onTestBackend } from '@dcgan/testing';
import { registerWasmTrainingKernels } from './wasm/register.js';
import { registerWebgpuTrainingKernels } from './webgpu/register.js';

export { relativeError } from '@dcgan/testing';

/** Runs `fn` on a backend with this package's kernels registered for it, leaving it active. */
export function onBackend<T>(name: 'cpu' | 'wasm' | 'webgpu', fn: () => T | Promise<T>) {
  return onTestBackend(name, fn, {
    wasm: registerWasmTrainingKernels,
    webgpu: registerWebgpuTrainingKernels,
  });
}
