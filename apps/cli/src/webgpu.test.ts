import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, tinyRun } from './cli-test-support.js';
import { findWebgpuAdapter, stopWebgpu } from './webgpu.js';

// SwiftShader (CI's Vulkan driver, a CPU emulation) takes about 20 s an iteration at batch 4:
// these runs are a few iterations long.
const adapter = await findWebgpuAdapter();
const missing = 'error' in adapter ? adapter.error : undefined;
afterAll(stopWebgpu);

const losses = async (run: string) =>
  (await readFile(join(run, 'metrics.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line) as { step: number; discriminatorLoss: number; generatorLoss: number },
    );

/** `tinyRun` at batch 4 on `backend`, or its resume to `iterations`. */
const run = (out: string, backend: string, iterations: number, resume = false) =>
  resume
    ? ['train', '--resume', out, '--backend', backend, '--iterations', String(iterations)]
    : [
        ...tinyRun(out, iterations, ['--batch-size', '4', '--sample-interval', '1']),
        '--backend',
        backend,
      ];

describe.skipIf(missing)(`dcgan on webgpu${missing ? `: skipped, ${missing}` : ''}`, () => {
  it('trains with finite losses, names the adapter, and the checkpoint resumes on wasm', async () => {
    const out = join(await tempDir(), 'run');
    const first = await runCli(run(out, 'webgpu', 1));
    expect(first.code, first.output).toBe(0);
    const software = 'name' in adapter && adapter.software ? ' \\(software' : '';
    expect(first.output.split('\n').find((line) => line.startsWith('backend:'))).toMatch(
      new RegExp(`^backend: webgpu \\(--backend webgpu\\), adapter .+${software}`),
    );
    const resumed = await runCli(run(out, 'wasm', 2, true));
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain('resuming');
    const metrics = await losses(out);
    expect(metrics.map((m) => m.step)).toEqual([1, 2]);
    for (const m of metrics) {
      expect(Number.isFinite(m.discriminatorLoss) && m.discriminatorLoss > 0).toBe(true);
      expect(Number.isFinite(m.generatorLoss) && m.generatorLoss > 0).toBe(true);
    }
  });

  it('resumes a wasm checkpoint, and samples a grid', async () => {
    const out = join(await tempDir(), 'run');
    const first = await runCli(run(out, 'wasm', 1));
    expect(first.code, first.output).toBe(0);
    const resumed = await runCli(run(out, 'webgpu', 2, true));
    expect(resumed.code, resumed.output).toBe(0);
    const metrics = await losses(out);
    expect(metrics.map((m) => m.step)).toEqual([1, 2]);
    expect(Number.isFinite((metrics[1] as { generatorLoss: number }).generatorLoss)).toBe(true);
    const grid = join(out, 'grid.png');
    const sample = await runCli([
      'sample',
      out,
      '--count',
      '4',
      '--backend',
      'webgpu',
      '--out',
      grid,
    ]);
    expect(sample.code, sample.output).toBe(0);
    expect(existsSync(grid)).toBe(true);
  });

  it('dcgan bench names the adapter and marks a software one', async () => {
    const { code, output } = await runCli([
      'bench',
      '--backends',
      'webgpu',
      '--batch-size',
      '2',
      '--iterations',
      '1',
      '--json',
    ]);
    expect(code, output).toBe(0);
    const result = JSON.parse(output.slice(output.indexOf('{'))).results[0];
    expect(result).toMatchObject({ backend: 'webgpu', batchSize: 2 });
    expect(result.adapter).toBe('name' in adapter ? adapter.name : '');
    expect(result.software).toBe('name' in adapter && adapter.software);
    expect(result.iterationsPerSecond).toBeGreaterThan(0);
  });
});
