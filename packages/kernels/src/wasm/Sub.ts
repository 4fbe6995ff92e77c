import { channelBinary } from './channel-binary.js';
import type { WasmKernel } from './wasm-kernel.js';

/** Sub with a per-channel operand in one native pass (see `channelBinary`). */
export const subKernel: WasmKernel = { kernelName: 'Sub', wraps: channelBinary };
