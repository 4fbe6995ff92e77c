import { leadingReduction } from './leading-reduction.js';
import type { WasmKernel } from './wasm-kernel.js';

/** Mean over leading axes as one average pooling (see `leadingReduction`). */
export const meanKernel: WasmKernel = { kernelName: 'Mean', wraps: leadingReduction };
