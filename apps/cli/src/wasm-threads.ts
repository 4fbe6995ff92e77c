import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

const require = createRequire(import.meta.url);

/** The most threads tfjs-backend-wasm's threaded build can run (its pre-made worker pool). */
export const MAX_WASM_THREADS = 8;

/**
 * Starts tfjs-backend-wasm's threaded SIMD build under Node, which tfjs 4.22 does not do by itself:
 * - it reports no thread support under Node, so the flag is set;
 * - its Emscripten workers start from a blob URL, which Node's workers cannot load, so the worker
 *   script is written to a temporary file (removed at exit) and its main script is given by path;
 * - its C++ side caps the pool at half the logical cores (1 on a 2-core machine), so the core
 *   count it reads while starting is doubled for that moment;
 * - the pool's workers do not keep Node's event loop alive while they load, so a timer does.
 * Call it instead of `tf.setBackend('wasm')`; `threads` 1 starts the plain SIMD build.
 * Returns the thread count the backend runs with.
 */
export async function startWasmBackend(threads: number): Promise<number> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const count = Math.min(threads, MAX_WASM_THREADS);
  const restore = count > 1 ? enableThreads(wasm, count) : () => {};
  const keepAlive = setInterval(() => {}, 1000);
  try {
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend failed to start');
  } finally {
    clearInterval(keepAlive);
    restore();
  }
  return wasm.getThreadsCount();
}

/**
 * Asks for the threaded build with `threads` threads, and points its worker at a file and its core
 * count at `threads` while it starts; returns the undo of those two patches.
 */
function enableThreads(
  wasm: { setThreadsCount(threads: number): void },
  threads: number,
): () => void {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  wasm.setThreadsCount(threads);
  const wasmOut = join(
    dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')),
    'wasm-out',
  );
  const folder = mkdtempSync(join(os.tmpdir(), 'dcgan-wasm-'));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const workerFile = join(folder, 'worker.cjs');
  const mainScript = join(wasmOut, 'tfjs-backend-wasm-threaded-simd.js');
  const { wasmWorkerContents } = require(
    join(wasmOut, 'tfjs-backend-wasm-threaded-simd.worker.js'),
  );
  // Inside the worker, the main script arrives as a Blob: read it from its file instead.
  const prelude = `URL.createObjectURL = () => ${JSON.stringify(mainScript)}; URL.revokeObjectURL = () => {};\n`;
  writeFileSync(workerFile, prelude + (wasmWorkerContents as string).replace(/\n/g, '\\n'));

  const createObjectURL = URL.createObjectURL;
  const cpus = os.cpus;
  URL.createObjectURL = (blob: Blob) =>
    blob.type === 'application/javascript' ? workerFile : createObjectURL(blob);
  os.cpus = () =>
    Array.from({ length: 2 * threads }, (_, i) => cpus()[i % cpus().length] as os.CpuInfo);
  return () => {
    URL.createObjectURL = createObjectURL;
    os.cpus = cpus;
  };
}
