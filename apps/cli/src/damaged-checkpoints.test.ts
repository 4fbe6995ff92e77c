import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, tinyRun } from './cli-test-support.js';

const PRETRAINED = new URL('../../../packages/models/pretrained', import.meta.url).pathname;
const step = (n: number) => `step-${String(n).padStart(7, '0')}`;

/** A tiny run with checkpoints at iterations 2, 4 and 6, an evaluation and a generator average. */
let base = '';
beforeAll(async () => {
  base = join(await tempDir(), 'run');
  const extra = ['--eval-interval', '4', '--eval-samples', '16', '--average-decay', '0.9'];
  const { code, output } = await runCli(tinyRun(base, 6, extra));
  expect(code, output).toBe(0);
});

/** A copy of the base run to damage. */
const copyRun = async () => {
  const run = join(await tempDir(), 'run');
  await cp(base, run, { recursive: true });
  return run;
};
const resume = (run: string, iterations: number) =>
  runCli(['train', '--resume', run, '--iterations', String(iterations), '--backend', 'wasm']);
const flipByte = async (path: string, at: number) => {
  const bytes = await readFile(path);
  bytes[at] = (bytes[at] as number) ^ 0x40;
  await writeFile(path, bytes);
};

describe('a run whose checkpoints are damaged', () => {
  it('logs live tensors and resident memory in metrics.jsonl: tensors flat across intervals', async () => {
    const rows = (await readFile(join(base, 'metrics.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((row) => row.step)).toEqual([2, 4, 6]);
    expect(rows[1].classifierScore).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.numTensors)).size, JSON.stringify(rows)).toBe(1);
    for (const row of rows) expect(row.rss).toBeGreaterThan(2 ** 20);
  });

  it('verify passes an intact run and the pretrained generator, one line an item', async () => {
    const { code, output } = await runCli(['verify', base, PRETRAINED]);
    expect(code, output).toBe(0);
    for (const n of [2, 4, 6]) {
      expect(output).toMatch(
        new RegExp(`ok +${join(base, 'checkpoints', step(n))}: iteration ${n}, 11 files verified`),
      );
    }
    expect(output).toMatch(/ok +\S+pretrained\/mnist: model loads: 16 weights, 1637121 values/);
  });

  it('resumes from the newest intact checkpoint when the newest has a flipped byte, setting it aside', async () => {
    const run = await copyRun();
    const newest = join(run, 'checkpoints', step(6));
    const weights = join(newest, 'generator', 'weights.bin');
    await flipByte(weights, 1000);
    const verify = await runCli(['verify', run]);
    expect(verify.code, verify.output).toBe(1);
    expect(verify.output).toMatch(
      new RegExp(`FAILED +${newest}: ${weights}: SHA-256 [0-9a-f]{64}, expected`),
    );
    const sample = await runCli(['sample', run, '--count', '4', '--out', join(run, 'a.png')]);
    expect(sample.code, sample.output).toBe(0);
    expect(sample.output).toContain(`skipping damaged checkpoint ${newest}`);
    expect(existsSync(newest)).toBe(true);
    const resumed = await resume(run, 8);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain(`skipping damaged checkpoint ${newest}: ${weights}: SHA-256`);
    expect(resumed.output).toContain(`set aside as ${step(6)}.damaged-checksum`);
    expect(resumed.output).toContain(`resuming ${run} at iteration 4`);
    // Three kept (6 and 8 saved again), the damaged one beside them: neither counted nor deleted.
    expect(await readdir(join(run, 'checkpoints'))).toEqual([
      step(4),
      step(6),
      `${step(6)}.damaged-checksum`,
      step(8),
    ]);
    const again = await runCli(['verify', run]);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(/set aside +\S+step-0000006\.damaged-checksum/);
  });

  it('verify names a truncated or missing file', async () => {
    const run = await copyRun();
    const truncated = join(run, 'checkpoints', step(6), 'discriminator', 'weights.bin');
    await truncate(truncated, 100);
    const missing = join(run, 'checkpoints', step(4), 'state.json');
    await rm(missing);
    const { code, output } = await runCli(['verify', run]);
    expect(code, output).toBe(1);
    expect(output).toContain(`${truncated}: 100 bytes, expected`);
    expect(output).toContain(`${missing}: missing file listed in the manifest`);
  });

  it('refuses to resume when no checkpoint is intact, listing them and setting none aside', async () => {
    const run = await copyRun();
    for (const n of [2, 4, 6]) await flipByte(join(run, 'checkpoints', step(n), 'state.json'), 3);
    const { code, output } = await resume(run, 8);
    expect(code, output).toBe(1);
    expect(output).toContain(`${join(run, 'checkpoints')}: no intact checkpoint; found 3:`);
    for (const n of [2, 4, 6])
      expect(output).toMatch(new RegExp(`${step(n)}: .*state\\.json: SHA-256`));
    expect(await readdir(join(run, 'checkpoints'))).toEqual([step(2), step(4), step(6)]);
  });

  it('resumes a run whose checkpoints predate manifests, with a note', async () => {
    const run = await copyRun();
    for (const n of [2, 4, 6]) {
      const dir = join(run, 'checkpoints', step(n));
      await rm(join(dir, 'manifest.json'));
      const state = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'));
      delete state.manifest;
      await writeFile(join(dir, 'state.json'), JSON.stringify(state));
    }
    const verify = await runCli(['verify', run]);
    expect(verify.code, verify.output).toBe(0);
    expect(verify.output).toMatch(
      /unverified +\S+step-0000006: iteration 6, no manifest: not verified/,
    );
    const resumed = await resume(run, 8);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain(
      `${join(run, 'checkpoints', step(6))}: no manifest: not verified`,
    );
    expect(resumed.output).toContain('at iteration 6');
    expect(existsSync(join(run, 'checkpoints', step(8), 'manifest.json'))).toBe(true);
  });
});
