import { describe, expect, it } from 'vitest';
import { kernelsIn, type NativeKernels } from './native-kernels.js';
import { NATIVE_SHARED } from './native-module.generated.js';

/** A memory as tfjs-wasm's threaded build has (shared) or its plain builds (not). */
const memoryOf = (shared: boolean) =>
  new WebAssembly.Memory({ initial: 1024, maximum: 65536, shared });

/** A bump allocator of float arrays in `memory`, from 64 KiB on. */
function heap(memory: WebAssembly.Memory) {
  let top = 1 << 16;
  return (values: ArrayLike<number> | number): number => {
    const n = typeof values === 'number' ? values : values.length;
    const at = top;
    top += Math.ceil((4 * n) / 64) * 64 + 64;
    if (typeof values !== 'number') new Float32Array(memory.buffer, at, n).set(values);
    return at;
  };
}

const random = (n: number, seed: number) =>
  Float32Array.from({ length: n }, (_, i) => Math.sin(seed * 7919 + i * 12.9898) * 0.5);

/** Waits (up to 10 s) for the helper thread to take calls. */
async function helperReady(kernels: NativeKernels): Promise<void> {
  for (let waited = 0; !kernels.helper?.ready; waited += 10) {
    if (waited > 10_000) throw new Error('the helper thread did not start in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `planes` products `[M, K] x [K, N]` through `kernels`, and their expected values. */
function products(kernels: NativeKernels, memory: WebAssembly.Memory, shape: number[]) {
  const [planes, M, K, N] = shape as [number, number, number, number];
  const alloc = heap(memory);
  const a = Array.from({ length: planes }, (_, p) => random(M * K, p));
  const b = Array.from({ length: planes }, (_, p) => random(K * N, 100 + p));
  const table = (pointers: number[]) => {
    const at = alloc(pointers.length);
    new Int32Array(memory.buffer, at, pointers.length).set(pointers);
    return at;
  };
  const c = a.map(() => alloc(M * N));
  const scratch = alloc(16 * K);
  kernels.plane_products(
    table(a.map(alloc)),
    table(b.map(alloc)),
    table(c),
    planes,
    M,
    K,
    N,
    scratch,
  );
  let worst = 0;
  for (let p = 0; p < planes; p++) {
    const got = new Float32Array(memory.buffer, c[p], M * N);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let sum = 0;
        for (let k = 0; k < K; k++) sum += (a[p]?.[i * K + k] ?? 0) * (b[p]?.[k * N + j] ?? 0);
        worst = Math.max(worst, Math.abs((got[i * N + j] ?? Number.NaN) - sum));
      }
    }
  }
  return worst;
}

describe('the native plane products and their helper thread', () => {
  it('multiply on one thread, for any rows and columns (row blocks and column panels cut short)', () => {
    const memory = memoryOf(false);
    const kernels = kernelsIn(memory, 1) as NativeKernels;
    expect(kernels.helper).toBeUndefined();
    expect(kernels.ownProducts).toBe(true);
    expect(products(kernels, memory, [3, 37, 29, 21])).toBeLessThan(1e-5);
  });

  it('share a call with the helper when tfjs-wasm runs two threads, and give the same products', async () => {
    const memory = memoryOf(true);
    const kernels = kernelsIn(memory, 2) as NativeKernels;
    expect(kernels.ownProducts).toBe(true);
    await helperReady(kernels);
    for (let call = 0; call < 5; call++) {
      expect(products(kernels, memory, [25, 130, 64, 70])).toBeLessThan(1e-5);
    }
    expect(kernels.helper?.shared).toBeGreaterThan(0);
  });

  it("leave the products to XNNPACK where tfjs-wasm runs more threads than the helper's two", () => {
    expect(kernelsIn(memoryOf(true), 4)?.ownProducts).toBe(false);
    expect(kernelsIn(memoryOf(true), 4)?.helper).toBeUndefined();
  });

  it('split each shared kernel at any unit to the same values as one call over all', () => {
    const memory = memoryOf(true);
    const bytes = Uint8Array.from(atob(NATIVE_SHARED), (c) => c.charCodeAt(0));
    const raw = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } })
      .exports as unknown as Record<string, (...args: number[]) => void>;
    const alloc = heap(memory);
    const [batch, size, inC, outC] = [9, 12, 10, 7];
    const x = alloc(random(batch * size * size * inC, 1));
    const w = alloc(random(16 * inC * outC, 2));
    const zeros = alloc(4 * inC);
    // 25 planes of `floats` (random ones, or zeros), or one array (`planes` 0): where, and its values.
    const target = (floats: number, planes = 25, seed?: number) => {
      const fill = (k: number) => (seed === undefined ? floats : random(floats, seed + k));
      const pointers = Array.from({ length: Math.max(planes, 1) }, (_, k) => alloc(fill(k)));
      const at = planes ? alloc(planes) : (pointers[0] as number);
      if (planes) new Int32Array(memory.buffer, at, planes).set(pointers);
      return {
        at,
        read: () => pointers.map((p) => [...new Float32Array(memory.buffer, p, floats)]),
      };
    };
    const tiles = batch * 3 * 3;
    const outPlanes = target(tiles * outC, 25, 3);
    const gradientPlanes = target(4 * inC * outC, 25, 4);
    const y = alloc(random(batch * size * size * outC, 5));
    // A first layer's: 3 channels to 8, 4x4 at stride 2 (6x6 outputs), and its columns.
    const x3 = alloc(random(batch * size * size * 3, 6));
    const dy = alloc(random(batch * 6 * 6 * 8, 7));
    const cols = alloc(random(batch * 6 * 6 * 16 * 3, 8));
    const firstLayer = [size, size, 3, 6, 6, 4, 4, 2, 2, 1, 1];
    // 3 products [300, 20] x [20, 300]: 3 blocks of rows, 2 of columns each.
    const [left, right, scratch] = [
      target(300 * 20, 3, 9),
      target(20 * 300, 3, 12),
      alloc(16 * 20),
    ];
    // Name, arguments (the written array at -1), what it writes (floats, planes), units and step.
    const runs: [string, number[], [number, number], number, number][] = [
      [
        'winograd42_input',
        [x, -1, zeros, batch, size, size, inC, 2, 3, 3, 1, 1],
        [tiles * 4 * inC, 25],
        batch,
        1,
      ],
      [
        'winograd42_input_transposed',
        [x, -1, batch, size, size, inC, 2, 3, 3, 1, 1],
        [tiles * 4 * inC, 25],
        tiles,
        4,
      ],
      ['winograd42_taps', [w, -1, inC, outC, 0, 0, 2, 4 * inC, 0, 0], [4 * inC * outC, 25], inC, 1],
      ['winograd42_taps', [w, -1, inC, outC, 3, 3, -2, inC, 0, 1], [inC * outC, 25], outC, 1],
      [
        'winograd42_output',
        [outPlanes.at, -1, batch, size, size, outC, 3, 3, 1, 0, 0, 0],
        [batch * size * size * outC, 0],
        batch,
        1,
      ],
      [
        'winograd42_output_gradient',
        [y, -1, zeros, batch, size, size, outC, 3, 3],
        [tiles * outC, 25],
        batch,
        1,
      ],
      [
        'winograd42_filter_gradient',
        [gradientPlanes.at, -1, inC, outC],
        [16 * inC * outC, 0],
        inC,
        1,
      ],
      [
        'filter_gradient_few_channels',
        [x3, dy, -1, 8, batch, ...firstLayer],
        [16 * 3 * 8, 0],
        4,
        1,
      ],
      ['plane_products', [left.at, right.at, -1, 3, 300, 20, 300, scratch], [300 * 300, 3], 18, 1],
      ['col2im_add', [cols, -1, batch, ...firstLayer], [batch * size * size * 3, 0], batch, 1],
    ];
    for (const [name, args, [floats, planes], units, step] of runs) {
      const whole = target(floats, planes);
      const split = target(floats, planes);
      const call = raw[name] as (...args: number[]) => void;
      call(...args.map((a) => (a === -1 ? whole.at : a)), 0, units);
      for (let first = units - (units % step || step); first >= 0; first -= step) {
        const thread = (first / step) % 2;
        call(
          ...args.map((a) => (a === -1 ? split.at : a)),
          first,
          Math.min(first + step, units),
          thread,
        );
      }
      expect(split.read(), name).toEqual(whole.read());
      expect(
        whole
          .read()
          .flat()
          .some((v) => v !== 0),
        name,
      ).toBe(true);
    }
  });
});
