import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli-test-support.js';
import { probeWebgpuAdapter } from './probe-webgpu.js';
import { findWebgpuAdapter, stopWebgpu } from './webgpu.js';

describe("auto's WebGPU probe", () => {
  it('finds in a child process the adapter Dawn gives this process', async () => {
    const probed = await probeWebgpuAdapter();
    const here = await findWebgpuAdapter();
    stopWebgpu();
    expect(probed).toEqual(here);
  });

  it("keeps Dawn's driver messages out: the first line says the backend", async () => {
    const out = join(await tempDir(), 'run');
    const args = ['--batch-size', '8', '--iterations', '1', '--sample-count', '4', '--out', out];
    const trained = await runCli(['train', ...args]);
    expect(trained.code, trained.output).toBe(0);
    const first = trained.output.split('\n')[0];
    expect(first).toMatch(/^backend: \S+ \(auto: /);
    // On this machine's SwiftShader (or none), auto never takes WebGPU.
    expect(first).not.toMatch(/^backend: webgpu/);
  });
});
