// The @tensorflow/tfjs bundle registers the gradients that training needs (tfjs-core alone does not).
import '@tensorflow/tfjs';
import os from 'node:os';
import { registerWasmTrainingKernels } from '@dcgan/kernels';
import * as tf from '@tensorflow/tfjs-core';
import { probeWebgpuAdapter } from './probe-webgpu.js';
import { UsageError } from './usage-error.js';
import { MAX_WASM_THREADS, startWasmBackend } from './wasm-threads.js';
import { findWebgpuAdapter, startWebgpu, stopWebgpu } from './webgpu.js';

/** The backends the trainer can run on; `auto` picks the fastest one installed. */
export const BACKENDS = ['auto', 'tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

/** The backend that runs, and why it was chosen (the run's first line). */
export interface ActiveBackend {
  name: string;
  reason: string;
  threads: number;
  /** The WebGPU adapter, e.g. `SwiftShader Device (Subzero) (google/swiftshader)`. */
  adapter?: string;
  /** True on a software WebGPU adapter (SwiftShader, lavapipe): a CPU emulation. */
  software?: boolean;
}

/**
 * Starts a TensorFlow.js backend. `tensorflow-gpu` and `tensorflow` load `@tensorflow/tfjs-node-gpu`
 * and `@tensorflow/tfjs-node` when the user has installed them (they are never dependencies: their
 * install downloads libtensorflow); `webgpu` runs tfjs's WebGPU backend on Dawn (the optional
 * `webgpu` package), on any adapter. `auto` tries tfjs-node-gpu, a hardware WebGPU adapter (never a
 * software one), tfjs-node, and falls back to wasm.
 */
export async function startBackend(choice: BackendChoice): Promise<ActiveBackend> {
  if (choice === 'webgpu') {
    const adapter = await findWebgpuAdapter();
    if ('error' in adapter) throw new Error(`--backend webgpu: ${adapter.error}`);
    const error = await startWebgpu();
    if (error) throw new Error(`--backend webgpu: ${error}`);
    return { ...webgpuBackend(adapter), reason: '--backend webgpu' };
  }
  if (choice === 'tensorflow-gpu' || choice === 'tensorflow') {
    const error = await loadNative(choice);
    if (error) throw new Error(`--backend ${choice}: ${error}`);
    return { name: choice, reason: `--backend ${choice}`, threads: 0 };
  }
  if (choice === 'auto') {
    const failures: string[] = [];
    for (const candidate of ['tensorflow-gpu', 'webgpu', 'tensorflow'] as const) {
      if (candidate === 'webgpu') {
        const webgpu = await tryHardwareWebgpu();
        if ('name' in webgpu) return webgpu;
        failures.push(webgpu.error);
        continue;
      }
      const error = await loadNative(candidate);
      if (!error)
        return {
          name: candidate,
          reason: `auto: ${packageOf(candidate)} is installed`,
          threads: 0,
        };
      failures.push(error);
    }
    const wasm = await startWasm();
    return { ...wasm, reason: `auto: ${failures.join('; ')}; using the embedded wasm backend` };
  }
  if (choice === 'wasm') return { ...(await startWasm()), reason: '--backend wasm' };
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  return { name: 'cpu', reason: '--backend cpu (pure JavaScript, very slow)', threads: 1 };
}

/** The run's first line: the backend, why it was chosen, its threads or its WebGPU adapter. */
export function describeBackend(backend: ActiveBackend): string {
  const threads = backend.threads ? `, ${backend.threads} thread(s)` : '';
  const adapter = backend.adapter
    ? `, adapter ${backend.adapter}${backend.software ? ' (software: a CPU emulation, slow)' : ''}`
    : '';
  return `backend: ${backend.name} (${backend.reason})${threads}${adapter}`;
}

/** Frees what a backend holds that would keep Node running (a WebGPU device). */
export function stopBackend(): void {
  stopWebgpu();
}

function webgpuBackend(adapter: {
  name: string;
  software: boolean;
}): Omit<ActiveBackend, 'reason'> {
  return { name: 'webgpu', threads: 0, adapter: adapter.name, software: adapter.software };
}

/** `auto`'s WebGPU: a hardware adapter only (a software one trains slower than wasm). */
async function tryHardwareWebgpu(): Promise<ActiveBackend | { error: string }> {
  const probed = await probeWebgpuAdapter();
  if ('error' in probed) return probed;
  if (probed.software) return { error: `the WebGPU adapter ${probed.name} is software` };
  const adapter = await findWebgpuAdapter();
  if ('error' in adapter) return adapter;
  const error = await startWebgpu();
  if (error) {
    stopWebgpu();
    return { error: `WebGPU on ${adapter.name}: ${error}` };
  }
  return { ...webgpuBackend(adapter), reason: `auto: a hardware WebGPU adapter, ${adapter.name}` };
}

let wasmThreads = Math.min(os.availableParallelism(), MAX_WASM_THREADS);

/** Sets how many threads the wasm backend runs (default: one a core, at most 8). */
export function setWasmThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_WASM_THREADS)
    throw new UsageError(
      `--threads expects an integer from 1 to ${MAX_WASM_THREADS}, got ${threads}`,
    );
  wasmThreads = threads;
}

/** The wasm backend's thread count: `--threads`, or one a core (at most 8). */
export function wasmThreadCount(): number {
  return wasmThreads;
}

async function startWasm(): Promise<Omit<ActiveBackend, 'reason'>> {
  // The training kernels replace some of the backend's own, so they register after its import.
  await import('@tensorflow/tfjs-backend-wasm');
  registerWasmTrainingKernels();
  return { name: 'wasm', threads: await startWasmBackend(wasmThreads) };
}

function packageOf(native: 'tensorflow-gpu' | 'tensorflow'): string {
  return native === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
}

/** Loads a native backend; returns why it could not, or undefined when it runs. */
async function loadNative(native: 'tensorflow-gpu' | 'tensorflow'): Promise<string | undefined> {
  const name = packageOf(native);
  try {
    await import(name);
  } catch {
    return `${name} is not installed`;
  }
  if (!(await tf.setBackend('tensorflow')))
    return `${name} is installed but its backend did not start`;
  return undefined;
}
