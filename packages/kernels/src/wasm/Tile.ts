import { channelTile } from './channel-binary.js';
import type { WasmKernel } from './wasm-kernel.js';

/** Tile of a per-channel tensor along its leading axes in one native pass (see `channelTile`). */
export const tileKernel: WasmKernel = { kernelName: 'Tile', wraps: channelTile };
