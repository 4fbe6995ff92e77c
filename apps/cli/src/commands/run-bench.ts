import { BACKENDS, type BackendChoice, wasmThreadCount } from '../backend.js';
import { UsageError } from '../usage-error.js';
import { findWebgpuAdapter } from '../webgpu.js';
import {
  type BenchModel,
  type BenchResult,
  benchBackend,
  type ProfileRow,
  profileIteration,
} from './bench.js';
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

/** What `dcgan bench` was given. */
export interface BenchOptions {
  backends?: string;
  imageSize: number;
  channels?: string;
  batchSize?: number;
  iterations: number;
  json?: boolean;
  profile?: boolean;
  byShape?: boolean;
  compare?: string | true;
  rounds: number;
}

/** The model and batch a bench times: the spec's at 28 pixels (batch 128), Radford's (batch 64). */
export function benchModel(options: BenchOptions): BenchModel {
  const spec = options.imageSize === 28;
  if (!spec && ![32, 64, 128].includes(options.imageSize))
    throw new UsageError(
      `--image-size: expected 28 (the spec's model), 32, 64 or 128 (Radford's), got ${options.imageSize}`,
    );
  const channels = options.channels === undefined ? (spec ? 1 : 3) : Number(options.channels);
  return {
    imageSize: options.imageSize,
    channels: channels as 1 | 3,
    batchSize: options.batchSize ?? (spec ? 128 : 64),
  };
}

/**
 * `dcgan bench`: prints speed figures (or a kernel profile, or a comparison) for each backend;
 * with `--json`, one JSON document of them all.
 */
export async function runBench(options: BenchOptions): Promise<void> {
  const model = benchModel(options);
  if (options.compare !== undefined)
    return runCompare({ ...options, model, compare: options.compare });
  const backends = options.backends ? parseBackends(options.backends) : await installedBackends();
  const results: BenchResult[] = [];
  const profiles: { backend: string; rows: ProfileRow[]; wallMs: number }[] = [];
  for (const backend of backends) {
    if (options.profile) {
      const { rows, wallMs } = await profileIteration(backend, model, options.byShape);
      profiles.push({ backend, rows, wallMs });
      if (!options.json) console.log(formatProfile(backend, model.batchSize, rows, wallMs));
      continue;
    }
    const result = await benchBackend(backend, { model, warmup: 2, timed: options.iterations });
    results.push(result);
    if (!options.json) console.log(formatResult(result));
  }
  if (options.json) console.log(JSON.stringify(options.profile ? { profiles } : { results }));
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
  model: BenchModel;
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
  const say = options.json ? console.error : console.log;
  say(
    `wasm (${threads} thread${threads === 1 ? '' : 's'}) against ${reference} ${threads}, ` +
      `${options.rounds} round${options.rounds === 1 ? '' : 's'}, ` +
      `${options.model.imageSize}x${options.model.imageSize}x${options.model.channels} at batch ${options.model.batchSize}`,
  );
  const rounds = await compareRounds({
    reference,
    rounds: options.rounds,
    threads,
    model: options.model,
    iterations: options.iterations,
    onRound: ({ project, reference: theirs }, i) =>
      say(
        `round ${i + 1}: project ${project.iterationsPerSecond.toFixed(3)} iterations/s, ` +
          `${project.inferenceImagesPerSecond.toFixed(0)} images/s inference; ` +
          `${theirs.reference} ${theirs.iterationsPerSecond.toFixed(3)} iterations/s, ` +
          `${theirs.inferenceImagesPerSecond.toFixed(0)} images/s inference`,
      ),
  });
  const summary = summarizeRounds(rounds);
  console.log(
    options.json
      ? JSON.stringify({ rounds, ...summary })
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
      throw new UsageError(
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
