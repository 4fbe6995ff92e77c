import { registerWasmTrainingKernels, registerWebgpuTrainingKernels } from '@dcgan/kernels';
import { onBackend as onTestBackend } from '@dcgan/testing';

export {
  fakeReals,
  readWeightValues,
  relativeError,
  stopWebgpu,
  webgpuUnavailable,
  weightValues,
} from '@dcgan/testing';

/** Runs `fn` on a backend with the training kernels registered for it, leaving it active. */
export function onBackend<T>(name: 'cpu' | 'wasm' | 'webgpu', fn: () => T | Promise<T>) {
  return onTestBackend(name, fn, {
    wasm: registerWasmTrainingKernels,
    webgpu: registerWebgpuTrainingKernels,
  });
}
