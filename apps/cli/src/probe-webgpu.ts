import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { WebgpuAdapterInfo } from '@dcgan/kernels';
import { describeAdapter, WEBGPU_INSTALL, type WebgpuAdapter } from './webgpu.js';

/** Asks Dawn (its module URL in argv) for an adapter; prints `{ info, fallback }` or `null`. */
const PROBE = `
const { create, globals } = await import(process.argv[1]);
Object.assign(globalThis, globals);
const adapter = await create([]).requestAdapter();
const info = adapter?.info ?? {};
const fields = ['vendor', 'architecture', 'device', 'description', 'isFallbackAdapter'];
const plain = Object.fromEntries(fields.map((field) => [field, info[field]]));
process.stdout.write(JSON.stringify(adapter ? { info: plain, fallback: adapter.isFallbackAdapter } : null));
process.exit(0);
`;

/**
 * `auto`'s look for a WebGPU adapter, in a child process: on a machine without a usable GPU, Dawn
 * prints several lines about each driver it tries and refuses, which would stand before the run's
 * first line. The child's output is read; its messages are dropped.
 * @returns the adapter Dawn would give, or why there is none
 */
export async function probeWebgpuAdapter(
  timeoutMs = 30_000,
): Promise<WebgpuAdapter | { error: string }> {
  let dawn: string;
  try {
    dawn = pathToFileURL(createRequire(import.meta.url).resolve('webgpu')).href;
  } catch {
    return { error: `webgpu (Dawn for Node) is not installed: ${WEBGPU_INSTALL}` };
  }
  const args = ['--input-type=module', '-e', PROBE, dawn];
  const output = await new Promise<string | Error>((resolve) => {
    execFile(process.execPath, args, { timeout: timeoutMs }, (error, stdout) =>
      resolve(error ?? stdout),
    );
  });
  if (output instanceof Error) return { error: `Dawn's adapter probe failed (${output.message})` };
  const found = parseProbeOutput(output);
  if ('error' in found) return found;
  if (!found.adapter) {
    return {
      error:
        'Dawn found no WebGPU adapter (no Vulkan, Metal or Direct3D 12 driver; on Linux install libvulkan1 and a Vulkan driver)',
    };
  }
  return describeAdapter(found.adapter.info, found.adapter.fallback);
}

/**
 * The probe's answer: its last line, `{ info, fallback }` or `null` (lines a driver may print
 * before it are skipped), or why there is none.
 */
export function parseProbeOutput(
  output: string,
): { adapter: { info: WebgpuAdapterInfo; fallback?: boolean } | null } | { error: string } {
  const last = output.trim().split('\n').at(-1) ?? '';
  try {
    const parsed = JSON.parse(last) as { info?: WebgpuAdapterInfo; fallback?: boolean } | null;
    if (parsed === null) return { adapter: null };
    if (typeof parsed === 'object' && parsed.info && typeof parsed.info === 'object')
      return { adapter: { info: parsed.info, fallback: parsed.fallback } };
  } catch {
    // reported below
  }
  return {
    error: `Dawn's adapter probe gave no answer (its output ended ${JSON.stringify(last.slice(-120))})`,
  };
}
