import * as tf from '@tensorflow/tfjs-core';

/**
 * Tests on tfjs's WebGPU backend in Node, through Dawn (the `webgpu` package, a dev dependency).
 * With no GPU, Dawn needs a Vulkan driver: CI runs SwiftShader's, from Debian's `chromium` package
 * (`libvulkan1` installed, `VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json`).
 */
let started: Promise<string | undefined> | undefined;

/**
 * Sets Dawn's `navigator.gpu` and registers the WebGPU backend (once a process).
 * @returns why WebGPU cannot run here, or undefined when it can: the reason a test is skipped for
 */
export function webgpuUnavailable(): Promise<string | undefined> {
  started ??= start();
  return started;
}

async function start(): Promise<string | undefined> {
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const scope = globalThis as { navigator?: object };
  scope.navigator ??= {};
  Object.defineProperty(scope.navigator, 'gpu', { value: create([]), configurable: true });
  const gpu = (scope.navigator as { gpu: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!(await gpu.requestAdapter())) {
    return (
      'no WebGPU adapter: Dawn found no GPU driver (without a GPU, install libvulkan1 and chromium and ' +
      'set VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json, as .ci/run does)'
    );
  }
  await import('@tensorflow/tfjs-backend-webgpu');
  return undefined;
}

/** Destroys the WebGPU device, so that the test process can end. */
export function stopWebgpu(): void {
  const backend = tf.findBackend('webgpu') as unknown as { device?: { destroy(): void } } | null;
  if (!backend) return;
  tf.removeBackend('webgpu');
  backend.device?.destroy();
}
