import { registerWasmTrainingKernels } from '@dcgan/kernels';
import { onBackend as onTestBackend } from '@dcgan/testing';

export { fakeReals, relativeError, weightValues } from '@dcgan/testing';

/** Runs `fn` on a backend (wasm with the training kernels), leaving it active. */
export function onBackend<T>(name: 'cpu' | 'wasm', fn: () => T | Promise<T>) {
  return onTestBackend(name, fn, { wasm: registerWasmTrainingKernels });
}
