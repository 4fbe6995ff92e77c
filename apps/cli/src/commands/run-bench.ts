import { BACKENDS, type BackendChoice, wasmThreadCount } from '../backend.js';
import { findWebgpuAdapter } from '../webgpu.js';
import { type BenchResult, benchBackend, type ProfileRow, profileIteration } from './bench.js';
import { compareRounds, defaultReference, summarizeRounds } from './bench-compare.js';

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

/** `dcgan bench`: prints speed figures (or a kernel profile, or a comparison) for each backend. */
export async function runBench(options: {
  backends?: string;
  batchSize: number;
  iterations: number;
  json?: boolean;
  profile?: boolean;
  byShape?: boolean;
  compare?: string | true;
  rounds: number;
}): Promise<void> {
  if (options.compare !== undefined) return runCompare({ ...options, compare: options.compare });
  const backends = options.backends ? parseBackends(options.backends) : await installedBackends();
  for (const backend of backends) {
    if (options.profile) {
      const { rows, wallMs } = await profileIteration(backend, options.batchSize, options.byShape);
      console.log(formatProfile(backend, options.batchSize, rows, wallMs));
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

/** The per-kernel table (kernels above 0.1% of the iteration) and the time outside kernels. */
export function formatProfile(
  backend: string,
  batchSize: number,
  rows: ProfileRow[],
  wallMs: number,
): string {
  const inKernels = rows.reduce((sum, r) => sum + r.ms, 0);
  const outside = Math.max(0, wallMs - inKernels);
  const line = (name: string, calls: string, ms: number) =>
    `  ${name.padEnd(24)} ${calls.padStart(5)} ${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / wallMs).toFixed(1).padStart(5)}%`;
  return [
    `kernel profile of one iteration on ${backend}, batch ${batchSize}: ${wallMs.toFixed(0)} ms, ` +
      `${inKernels.toFixed(0)} ms in kernels`,
    ...rows
      .filter((r) => r.ms >= wallMs / 1000)
      .map((r) => line(r.kernel, `${r.calls} calls`.padStart(11), r.ms)),
    line('(outside kernels)', '', outside),
  ].join('\n');
}

async function runCompare(options: {
  compare: string | true;
  rounds: number;
  iterations: number;
  batchSize: number;
  json?: boolean;
}): Promise<void> {
  const reference = options.compare === true ? defaultReference() : options.compare;
  if (!reference)
    throw new Error(
      '--compare: no reference found at ../shared/reference/torch-bench beside the repository; ' +
        'give its command: --compare PATH (it must print one JSON line with iterationsPerSecond, ' +
        'inferenceImagesPerSecond and batchSize)',
    );
  const threads = wasmThreadCount();
  console.log(
    `wasm (${threads} thread${threads === 1 ? '' : 's'}) against ${reference} ${threads}, ` +
      `${options.rounds} round${options.rounds === 1 ? '' : 's'}`,
  );
  const rounds = await compareRounds({
    reference,
    rounds: options.rounds,
    threads,
    batchSize: options.batchSize,
    iterations: options.iterations,
    onRound: ({ project, reference: theirs }, i) =>
      console.log(
        options.json
          ? JSON.stringify({ round: i + 1, project, reference: theirs })
          : `round ${i + 1}: project ${project.iterationsPerSecond.toFixed(3)} iterations/s, ` +
              `${project.inferenceImagesPerSecond.toFixed(0)} images/s inference; ` +
              `${theirs.reference} ${theirs.iterationsPerSecond.toFixed(3)} iterations/s, ` +
              `${theirs.inferenceImagesPerSecond.toFixed(0)} images/s inference`,
      ),
  });
  const summary = summarizeRounds(rounds);
  console.log(
    options.json
      ? JSON.stringify(summary)
      : `median of ${rounds.length} rounds: training ${summary.project.iterationsPerSecond.toFixed(3)} ` +
          `against ${summary.reference.iterationsPerSecond.toFixed(3)} iterations/s ` +
          `(ratio ${summary.trainingRatio.toFixed(2)}), inference ` +
          `${summary.project.inferenceImagesPerSecond.toFixed(0)} against ` +
          `${summary.reference.inferenceImagesPerSecond.toFixed(0)} images/s ` +
          `(ratio ${summary.inferenceRatio.toFixed(2)}); ratios are medians of each round's`,
  );
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
    `about the most the convolutions can reach (an iteration runs at ` +
    `${(100 * r.matMulShare).toFixed(0)}% of it, timed in pairs)`
  );
}
