import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli-test-support.js';
import { parseProbeOutput, probeWebgpuAdapter } from './probe-webgpu.js';
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

describe('the probe answer', () => {
  it('reads the last line, skipping what a driver printed before it', () => {
    const info = { vendor: 'google', architecture: '', device: 'x', description: 'SwiftShader' };
    expect(
      parseProbeOutput(`Warning: Vulkan\n${JSON.stringify({ info, fallback: true })}`),
    ).toEqual({ adapter: { info, fallback: true } });
    expect(parseProbeOutput('null')).toEqual({ adapter: null });
  });

  it('says when there is no answer, instead of throwing', () => {
    expect(parseProbeOutput('')).toEqual({
      error: `Dawn's adapter probe gave no answer (its output ended "")`,
    });
    expect(parseProbeOutput('Segmentation fault {')).toMatchObject({
      error: expect.stringContaining('Segmentation fault {'),
    });
    expect(parseProbeOutput('{"fallback": true}')).toMatchObject({
      error: expect.stringContaining('gave no answer'),
    });
  });
});
