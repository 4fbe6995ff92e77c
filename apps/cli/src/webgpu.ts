import {
  isSoftwareAdapter,
  registerWebgpuTrainingKernels,
  type WebgpuAdapterInfo,
} from '@dcgan/kernels';
import * as tf from '@tensorflow/tfjs-core';

/** The command that installs what `--backend webgpu` needs. */
export const WEBGPU_INSTALL =
  'npm install webgpu @tensorflow/tfjs-backend-webgpu (beside @dcgan/cli)';

/** The WebGPU adapter Dawn offers, described for the run's first line. */
export interface WebgpuAdapter {
  /** Description and vendor/architecture, e.g. `SwiftShader Device (Subzero) (google/swiftshader)`. */
  name: string;
  software: boolean;
}

interface NodeGpu {
  requestAdapter(): Promise<{ info?: WebgpuAdapterInfo; isFallbackAdapter?: boolean } | null>;
}

/** The `navigator.gpu` that this module set, so that `stopWebgpu` can take it away again. */
let installed: NodeGpu | undefined;

/**
 * Gives Node a `navigator.gpu` from Dawn (the optional `webgpu` package) and asks it for an
 * adapter. With no GPU, Dawn needs a Vulkan driver; SwiftShader's (Debian's `chromium` package,
 * `VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json`) is a software one.
 * @returns the adapter, or why there is none
 */
export async function findWebgpuAdapter(): Promise<WebgpuAdapter | { error: string }> {
  let dawn: { create(flags: string[]): NodeGpu; globals: Record<string, unknown> };
  try {
    const name = 'webgpu';
    dawn = await import(name);
  } catch {
    return { error: `webgpu (Dawn for Node) is not installed: ${WEBGPU_INSTALL}` };
  }
  if (!installed) {
    Object.assign(globalThis, dawn.globals);
    installed = dawn.create([]);
    const scope = globalThis as { navigator?: object };
    scope.navigator ??= {};
    Object.defineProperty(scope.navigator, 'gpu', { value: installed, configurable: true });
  }
  const adapter = await installed.requestAdapter();
  if (!adapter) {
    return {
      error:
        'Dawn found no WebGPU adapter (no Vulkan, Metal or Direct3D 12 driver; on Linux install libvulkan1 and a Vulkan driver)',
    };
  }
  return describeAdapter(adapter.info ?? {}, adapter.isFallbackAdapter);
}

/** An adapter's name for the run's first line, and whether it is a software one. */
export function describeAdapter(info: WebgpuAdapterInfo, fallback?: boolean): WebgpuAdapter {
  const kind = [info.vendor, info.architecture].filter(Boolean).join('/');
  const name = `${info.description || info.device || 'unnamed adapter'}${kind ? ` (${kind})` : ''}`;
  return { name, software: isSoftwareAdapter(info, fallback) };
}

/**
 * Starts tfjs's WebGPU backend on the adapter `findWebgpuAdapter` found, with the training kernels
 * of `@dcgan/train`. The backend registers itself at import only when `navigator.gpu` exists, so it
 * is imported after Dawn's globals are set.
 */
export async function startWebgpu(): Promise<string | undefined> {
  try {
    const name = '@tensorflow/tfjs-backend-webgpu';
    await import(name);
  } catch {
    return `@tensorflow/tfjs-backend-webgpu is not installed: ${WEBGPU_INSTALL}`;
  }
  // The training kernels replace some of the backend's own, so they register after its import.
  registerWebgpuTrainingKernels();
  if (!(await tf.setBackend('webgpu'))) return 'the webgpu backend did not start';
  await tf.ready();
  return undefined;
}

/**
 * Frees the WebGPU backend and its device and takes Dawn's `navigator.gpu` away: Node keeps
 * running while a device lives. Does nothing when WebGPU was never started.
 */
export function stopWebgpu(): void {
  if (tf.findBackend('webgpu')) {
    const backend = tf.findBackend('webgpu') as unknown as { device?: { destroy(): void } };
    const device = backend.device;
    tf.removeBackend('webgpu');
    device?.destroy();
  }
  if (installed) {
    Reflect.deleteProperty((globalThis as { navigator?: object }).navigator ?? {}, 'gpu');
    installed = undefined;
  }
}
