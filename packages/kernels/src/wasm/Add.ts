import { channelBinary } from './channel-binary.js';
import type { WasmKernel } from './wasm-kernel.js';

/** Add with a per-channel operand in one native pass (see `channelBinary`). */
export const addKernel: WasmKernel = { kernelName: 'Add', wraps: channelBinary };
