/** The control word's states, at index 0 of the control array (0 while the helper starts). */
const IDLE = 1;
const POSTED = 2;
const RUNNING = 3;
const DONE = 4;
const FAILED = 5;

/**
 * The control array holds the state, the export's index, the argument count, the next chunk, the
 * chunks, the chunk size and the units; the arguments go in a float64 array beside it (pointers,
 * counts and float factors alike).
 */
const MAX_ARGUMENTS = 24;
/** Chunks a call is cut into: both threads take the next one until none is left. */
const CHUNKS = 16;

/**
 * Runs chunks of the posted call as `thread` (0 here, 1 in the helper) until none is left. The
 * helper runs it from its source text, so it uses nothing but its arguments.
 */
function runChunks(state: Int32Array, call: Call, args: number[], thread: number): void {
  const [chunks, size, units] = [state[4], state[5], state[6]] as [number, number, number];
  // state[3]: the next chunk to take.
  for (let i = Atomics.add(state, 3, 1); i < chunks; i = Atomics.add(state, 3, 1)) {
    call(...args, i * size, Math.min((i + 1) * size, units), thread);
  }
}

/** The helper's script: it instantiates the kernels in the same memory and runs posted calls. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { bytes, memory, control, argumentBuffer, names } = workerData;
const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
const calls = names.map((name) => exports[name]);
const state = new Int32Array(control), argumentArray = new Float64Array(argumentBuffer);
const runChunks = ${runChunks};
Atomics.store(state, 0, ${IDLE});
for (;;) {
  const now = Atomics.load(state, 0);
  if (now !== ${POSTED}) { Atomics.wait(state, 0, now); continue; }
  if (Atomics.compareExchange(state, 0, ${POSTED}, ${RUNNING}) !== ${POSTED}) continue;
  let done = ${DONE};
  try { runChunks(state, calls[state[1]], [...argumentArray.subarray(0, state[2])], 1); }
  catch { done = ${FAILED}; }
  Atomics.store(state, 0, done);
  Atomics.notify(state, 0);
}`;

type Call = (...args: number[]) => void;

/** Node's worker_threads, reached without an import so that browser bundles never see it. */
interface NodeWorkers {
  Worker: new (
    source: string,
    options: { eval: true; workerData: unknown },
  ) => { unref(): void; on(event: 'error', listener: (error: Error) => void): void };
}

/**
 * A second thread for the native kernels: a call whose outermost loop runs over `units` (images,
 * tiles, channels or blocks of rows) is cut into chunks that the calling thread and the helper
 * take in turn, and returns when both are done. It needs tfjs-wasm's threaded build (a shared
 * memory) and a calling thread that may block, so it starts only under Node; until it has
 * started, and elsewhere, calls run whole on the calling thread.
 */
export class NativeHelper {
  private readonly state = new Int32Array(new SharedArrayBuffer(4 * 7));
  private readonly argumentValues = new Float64Array(new SharedArrayBuffer(8 * MAX_ARGUMENTS));
  private readonly names: string[];
  private stopped = false;
  /** Calls the helper took a share of (for tests). */
  shared = 0;

  private constructor(
    bytes: Uint8Array,
    memory: WebAssembly.Memory,
    private readonly exports: Record<string, Call>,
  ) {
    this.names = Object.keys(exports).filter((name) => typeof exports[name] === 'function');
    const workers = nodeWorkers();
    if (!workers) return;
    const worker = new workers.Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        bytes,
        memory,
        control: this.state.buffer,
        argumentBuffer: this.argumentValues.buffer,
        names: this.names,
      },
    });
    worker.on('error', () => {
      this.stopped = true;
    });
    worker.unref();
  }

  /** A helper for the kernels `exports` of `bytes` in `memory`, or undefined where none can run. */
  static start(
    bytes: Uint8Array,
    memory: WebAssembly.Memory,
    exports: Record<string, Call>,
  ): NativeHelper | undefined {
    const shared =
      typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    return shared && nodeWorkers() ? new NativeHelper(bytes, memory, exports) : undefined;
  }

  /** Whether the helper has started and can take calls. */
  get ready(): boolean {
    return !this.stopped && Atomics.load(this.state, 0) === IDLE;
  }

  /**
   * Runs `name(...args, first, end, thread)` over `[0, units)` in chunks of a multiple of `align`
   * (thread 0 here, 1 on the helper), which
   * this thread and the helper, when it is ready, take in turn until none is left.
   */
  run(name: string, args: number[], units: number, align: number): void {
    const call = this.exports[name] as Call;
    const size = Math.ceil(units / CHUNKS / align) * align;
    if (!this.ready || size >= units || args.length > MAX_ARGUMENTS) {
      call(...args, 0, units, 0);
      return;
    }
    this.state.set(
      [this.names.indexOf(name), args.length, 0, Math.ceil(units / size), size, units],
      1,
    );
    this.argumentValues.set(args);
    Atomics.store(this.state, 0, POSTED);
    Atomics.notify(this.state, 0);
    try {
      runChunks(this.state, call, args, 0);
    } finally {
      this.join(name);
    }
  }

  /** Waits for the helper's share, unless it never took the call. */
  private join(name: string): void {
    let now = Atomics.compareExchange(this.state, 0, POSTED, IDLE);
    if (now === POSTED) return;
    this.shared++;
    while (now === RUNNING) {
      Atomics.wait(this.state, 0, RUNNING);
      now = Atomics.load(this.state, 0);
    }
    Atomics.store(this.state, 0, IDLE);
    if (now === FAILED) throw new Error(`native kernel ${name} failed on its helper thread`);
  }
}

function nodeWorkers(): NodeWorkers | undefined {
  const node = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } })
    .process;
  return node?.getBuiltinModule?.('node:worker_threads') as NodeWorkers | undefined;
}
