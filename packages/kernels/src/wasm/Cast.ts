import { sharedIdentity } from './Identity.js';
import type { WasmKernel } from './wasm-kernel.js';

/** Cast to the dtype the tensor already has, without a copy (see `sharedIdentity`). */
export const castKernel: WasmKernel = { kernelName: 'Cast', wraps: sharedIdentity };
