import { channelBinary } from './channel-binary.js';
import type { WasmKernel } from './wasm-kernel.js';

/** Multiply with a per-channel operand in one native pass (see `channelBinary`). */
export const multiplyKernel: WasmKernel = { kernelName: 'Multiply', wraps: channelBinary };
