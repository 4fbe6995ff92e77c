import { untransposedMatMul } from './untransposed-mat-mul.js';
import type { WasmKernel } from './wasm-kernel.js';

/** BatchMatMul without transposed operands (see `untransposedMatMul`). */
export const batchMatMulKernel: WasmKernel = {
  kernelName: 'BatchMatMul',
  wraps: untransposedMatMul,
};
