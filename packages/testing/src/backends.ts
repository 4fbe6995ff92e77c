import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

/** The kernels a package registers for a backend before its tests run there. */
export interface TestKernels {
  wasm?: () => void;
  webgpu?: () => void;
}

/**
 * Runs `fn` on a backend (awaiting its start), with `kernels` registered for it first, leaving that
 * backend active. `webgpu` needs `webgpuUnavailable()` to have found an adapter first.
 */
export async function onBackend<T>(
  name: 'cpu' | 'wasm' | 'webgpu',
  fn: () => T | Promise<T>,
  kernels: TestKernels = {},
): Promise<T> {
  if (name === 'wasm') kernels.wasm?.();
  if (name === 'webgpu') kernels.webgpu?.();
  if (!(await tf.setBackend(name))) throw new Error(`the ${name} backend did not start`);
  await tf.ready();
  return fn();
}

/** Tests run on the pure-JS cpu backend, the reference every other backend is checked against. */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}
