import { leadingReduction } from './leading-reduction.js';
import type { WasmKernel } from './wasm-kernel.js';

/** Sum over leading axes as one average pooling (see `leadingReduction`). */
export const sumKernel: WasmKernel = { kernelName: 'Sum', wraps: leadingReduction };
