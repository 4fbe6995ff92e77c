import { BACKENDS, type BackendChoice } from '../backend.js';
import { findWebgpuAdapter } from '../webgpu.js';
import { type BenchResult, benchBackend, profileIteration } from './bench.js';

/** Backends benched by default: the native ones when installed, WebGPU when Dawn finds an adapter, then wasm. */
async function installedBackends(): Promise<BackendChoice[]> {
  const found: BackendChoice[] = [];
  for (const [choice, name] of [
    ['tensorflow-gpu', '@tensorflow/tfjs-node-gpu'],
    ['tensorflow', '@tensorflow/tfjs-node'],
  ] as const) {
    try {
      await import.meta.resolve?.(name);
      found.push(choice);
    } catch {
      // not installed
    }
  }
  if (!('error' in (await findWebgpuAdapter()))) found.push('webgpu');
  return [...found, 'wasm'];
}

/** `dcgan bench`: prints speed figures (or a kernel profile) for each backend. */
export async function runBench(options: {
  backends?: string;
  batchSize: number;
  iterations: number;
  json?: boolean;
  profile?: boolean;
}): Promise<void> {
  const backends = options.backends ? parseBackends(options.backends) : await installedBackends();
  for (const backend of backends) {
    if (options.profile) {
      const rows = await profileIteration(backend, options.batchSize);
      const total = rows.reduce((sum, r) => sum + r.ms, 0);
      console.log(
        `kernel profile of one iteration on ${backend}, batch ${options.batchSize}: ${total.toFixed(0)} ms in kernels`,
      );
      for (const r of rows.filter((r) => r.ms >= total / 1000)) {
        console.log(
          `  ${r.kernel.padEnd(24)} ${String(r.calls).padStart(5)} calls ${r.ms.toFixed(1).padStart(9)} ms ${((100 * r.ms) / total).toFixed(1).padStart(5)}%`,
        );
      }
      continue;
    }
    const result = await benchBackend(backend, {
      batchSize: options.batchSize,
      warmup: 2,
      timed: options.iterations,
    });
    console.log(options.json ? JSON.stringify(result) : formatResult(result));
  }
}

function parseBackends(text: string): BackendChoice[] {
  return text.split(',').map((name) => {
    if (!BACKENDS.includes(name as BackendChoice) || name === 'auto') {
      throw new Error(
        `--backends: unknown backend "${name}" (expected ${BACKENDS.slice(1).join(', ')})`,
      );
    }
    return name as BackendChoice;
  });
}

/** A figure with `decimals` decimals, or two significant digits below 1 (software adapters). */
const figure = (value: number, decimals: number) =>
  value < 1 ? value.toPrecision(2) : value.toFixed(decimals);

function formatResult(r: BenchResult): string {
  const where =
    r.adapter !== undefined
      ? `adapter ${r.adapter}${r.software ? ', software' : ''}`
      : `${r.threads || 'native'} thread${r.threads === 1 ? '' : 's'}`;
  return (
    `${r.backend} (${where}), batch ${r.batchSize}: ` +
    `${r.iterationsPerSecond.toFixed(3)} iterations/s, ${figure(r.imagesPerSecond, 0)} images/s, ` +
    `${figure(r.gflops, 1)} GFLOP/s; generator inference ${figure(r.inferenceImagesPerSecond, 0)} images/s ` +
    `(${figure(r.inferenceGflops, 1)} GFLOP/s); matrix product ${figure(r.matMulGflops, 1)} GFLOP/s, ` +
    `about the most the convolutions can reach`
  );
}
