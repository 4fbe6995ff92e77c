import { untransposedMatMul } from './untransposed-mat-mul.js';
import type { WasmKernel } from './wasm-kernel.js';

/** _FusedMatMul without transposed operands (see `untransposedMatMul`). */
export const fusedMatMulKernel: WasmKernel = {
  kernelName: '_FusedMatMul',
  wraps: untransposedMatMul,
};
