import { isSoftwareAdapter, type WebgpuAdapterInfo } from '@dcgan/kernels';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** The backends the demo tries, fastest first. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** The backend that runs, and why each faster one did not. */
export interface StartedBackend {
  name: BackendName;
  failures: string[];
}

// The wasm files come from this site (Vite copies them), never a CDN. setWasmPaths wants all three,
// but the threaded one is never fetched: its worker breaks once minified (and it needs
// cross-origin isolation anyway), so multithreading is turned off.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

/**
 * Why WebGPU should not be picked by itself here: no `navigator.gpu` (an old browser, or a page that
 * is not a secure context), no adapter, or a software one (SwiftShader: slower than WebGL or wasm).
 * `?backend=webgpu` takes a software adapter anyway.
 */
async function webgpuRefusal(allowSoftware: boolean): Promise<string | undefined> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<WebgpuAdapter | null> } }).gpu;
  if (!gpu) return 'this browser has no WebGPU';
  const adapter = await gpu.requestAdapter();
  if (!adapter) return 'no WebGPU adapter';
  const info = adapter.info ?? {};
  if (!allowSoftware && isSoftwareAdapter(info, adapter.isFallbackAdapter))
    return `the WebGPU adapter is software (${info.vendor}/${info.architecture})`;
  return undefined;
}

interface WebgpuAdapter {
  info?: WebgpuAdapterInfo;
  isFallbackAdapter?: boolean;
}

async function tryBackend(name: BackendName, forced: boolean): Promise<void> {
  if (name === 'webgpu') {
    const refusal = await webgpuRefusal(forced);
    if (refusal) throw new Error(refusal);
  }
  if (!(await tf.setBackend(name))) throw new Error('it did not start');
  await tf.ready();
  const check = tf.add(tf.scalar(1), tf.scalar(2));
  const value = (await check.data())[0];
  check.dispose();
  if (value !== 3) throw new Error(`1 + 2 gave ${value}`);
}

/**
 * Starts the first backend that works: `preferred` (the page's `?backend=`) first, then WebGPU on a
 * hardware adapter, webgl, wasm and cpu. Throws, listing every failure, when none does.
 */
export async function startBackend(preferred?: string | null): Promise<StartedBackend> {
  const wanted = BACKENDS.find((name) => name === preferred);
  const order = wanted ? [wanted, ...BACKENDS.filter((name) => name !== wanted)] : [...BACKENDS];
  const failures: string[] = [];
  for (const name of order) {
    try {
      await tryBackend(name, name === wanted);
      return { name, failures };
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could start (${failures.join('; ')})`);
}

/** True when WebGL runs in software (SwiftShader, llvmpipe): slower than wasm for training. */
export function isSoftwareWebgl(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|software/i.test(renderer);
}
