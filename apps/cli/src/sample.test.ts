import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseIdx } from '@dcgan/data';
import { decode } from 'fast-png';
import { gunzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, tinyRun } from './cli-test-support.js';

describe('dcgan sample', () => {
  let run = '';
  beforeAll(async () => {
    run = join(await tempDir(), 'run');
    const { code, output } = await runCli(tinyRun(run, 2));
    expect(code, output).toBe(0);
  });

  it('writes a PNG grid of the run newest generator', async () => {
    const out = join(await tempDir(), 'grid.png');
    const { code, output } = await runCli([
      'sample',
      run,
      '--count',
      '9',
      '--seed',
      '3',
      '--out',
      out,
      '--backend',
      'wasm',
    ]);
    expect(code, output).toBe(0);
    const png = decode(await readFile(out));
    expect([png.width, png.height]).toEqual([3 * 58 + 2, 3 * 58 + 2]);
  });

  it('writes the images as IDX bytes, raw or gzip, the same for the same seed', async () => {
    const dir = await tempDir();
    const args = (file: string) => [
      'sample',
      join(run, 'checkpoints', 'step-0000002', 'generator'),
      '--count',
      '5',
      '--seed',
      '1',
      '--out',
      join(dir, file),
      '--backend',
      'wasm',
    ];
    expect((await runCli(args('a.idx'))).code).toBe(0);
    expect((await runCli(args('b.idx.gz'))).code).toBe(0);
    const raw = parseIdx(new Uint8Array(await readFile(join(dir, 'a.idx'))), 'a.idx', 2051);
    const gz = parseIdx(
      gunzipSync(new Uint8Array(await readFile(join(dir, 'b.idx.gz')))),
      'b.idx.gz',
      2051,
    );
    expect(raw.shape).toEqual([5, 28, 28]);
    expect(Buffer.from(gz.data).equals(Buffer.from(raw.data))).toBe(true);
  });

  it('samples the pretrained generator of @dcgan/models with --pretrained', async () => {
    const out = join(await tempDir(), 'digits.idx');
    const { code, output } = await runCli([
      'sample',
      '--pretrained',
      'mnist',
      '--count',
      '16',
      '--out',
      out,
      '--backend',
      'wasm',
    ]);
    expect(code, output).toBe(0);
    const digits = parseIdx(new Uint8Array(await readFile(out)), out, 2051);
    expect(digits.shape).toEqual([16, 28, 28]);
    // Digits: mostly a black ground, some white strokes.
    const bytes = Array.from(digits.data);
    expect(bytes.filter((b) => b < 16).length / bytes.length).toBeGreaterThan(0.5);
    expect(bytes.filter((b) => b > 192).length / bytes.length).toBeGreaterThan(0.05);

    const both = await runCli(['sample', run, '--pretrained', 'mnist', '--out', out]);
    expect(both.output).toContain('give a run or model folder, or --pretrained NAME');
    const unknown = await runCli(['sample', '--pretrained', 'cifar', '--out', out]);
    expect(unknown.output).toContain("argument 'cifar' is invalid");
  });

  it('names a bad output file and a bad source', async () => {
    const bad = await runCli(['sample', run, '--out', 'x.jpg']);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--out x.jpg: expected a file ending in .png');
    const missing = await runCli(['sample', '/nonexistent', '--out', 'x.png']);
    expect(missing.output).toContain('/nonexistent: neither a run folder');
  });
});
