/** The fields of a `GPUAdapterInfo` that tell a software adapter from a GPU. */
export interface WebgpuAdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  /** In newer specs and in Dawn 0.6; older ones have it on the adapter itself. */
  isFallbackAdapter?: boolean;
}

/** Drivers that run WebGPU on the CPU: SwiftShader (Chromium's), lavapipe and llvmpipe (Mesa's). */
const SOFTWARE_DRIVERS = /swiftshader|lavapipe|llvmpipe|software/i;

/**
 * True when an adapter runs on the CPU: a fallback adapter, or a known software driver (SwiftShader
 * reports vendor `google`, architecture `swiftshader`; lavapipe `mesa`, `software`). Training there
 * is slower than the wasm backend, so `--backend auto` never picks one.
 * @param fallback the adapter's own `isFallbackAdapter`, for older implementations
 */
export function isSoftwareAdapter(info: WebgpuAdapterInfo, fallback?: boolean): boolean {
  if (info.isFallbackAdapter || fallback) return true;
  return [info.architecture, info.description, info.device].some(
    (text) => text !== undefined && SOFTWARE_DRIVERS.test(text),
  );
}
