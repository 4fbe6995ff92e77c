import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeManifest } from '@dcgan/train/node';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, tinyRun } from './cli-test-support.js';

describe('dcgan train: wrong input is refused before any work', () => {
  it('names a flag that is not a number', async () => {
    const { code, output } = await runCli(['train', '--iterations', 'ten']);
    expect(code).toBe(2);
    expect(output).toContain('--iterations: expected an integer >= 1, got "ten"');
  });

  it('names a value out of range', async () => {
    const { code, output } = await runCli(['train', '--beta1', '1.5', '--out', await tempDir()]);
    expect(code).toBe(2);
    expect(output).toContain('--beta1: expected a number in [0, 1), got "1.5"');
  });

  it('names a list of the wrong length', async () => {
    const { code, output } = await runCli(['train', '--generator-filters', '1,2,3']);
    expect(code).toBe(2);
    expect(output).toContain(
      '--generator-filters: expected 2 positive integers separated by commas, got "1,2,3"',
    );
  });

  it('names a missing data folder and an unknown backend', async () => {
    const missing = await runCli(['train', '--data', '/nonexistent/mnist']);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('--data /nonexistent/mnist: no such folder');
    const backend = await runCli(['train', '--backend', 'tpu']);
    expect(backend.code).toBe(2);
    expect(backend.output).toContain("option '--backend <name>' argument 'tpu' is invalid");
  });

  it('names a data folder that holds nothing to train on, failing before any file is written', async () => {
    const dir = await tempDir();
    const out = join(dir, 'run');
    const { code, output } = await runCli(['train', '--data', dir, '--out', out]);
    expect(code).toBe(1);
    expect(output).toContain(`${dir}: holds neither IDX files`);
    expect(existsSync(out)).toBe(false);
  });

  it('prints its version, and exits 2 on an unknown flag', async () => {
    const { version } = JSON.parse(
      await readFile(new URL('../package.json', import.meta.url), 'utf8'),
    );
    const printed = await runCli(['--version']);
    expect([printed.code, printed.output.trim()]).toEqual([0, version]);
    const unknown = await runCli(['train', '--iteration', '3']);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain("unknown option '--iteration'");
  });

  it('prints help for each command', async () => {
    for (const command of ['train', 'sample', 'bench']) {
      const { code, output } = await runCli([command, '--help']);
      expect(code).toBe(0);
      expect(output).toContain(`Usage: dcgan ${command}`);
    }
  });
});

describe('dcgan bench', () => {
  it('prints one JSON object per backend with the speed figures', async () => {
    const { code, output } = await runCli([
      'bench',
      '--backends',
      'wasm',
      '--batch-size',
      '8',
      '--iterations',
      '1',
      '--json',
    ]);
    expect(code, output).toBe(0);
    const { results } = JSON.parse(output.slice(output.indexOf('{')));
    const result = results[0];
    // One thread a core (at most 8): the threaded wasm build runs under Node.
    const threads = Math.min(availableParallelism(), 8);
    expect(result).toMatchObject({ backend: 'wasm', threads, batchSize: 8 });
    for (const key of [
      'iterationsPerSecond',
      'imagesPerSecond',
      'inferenceImagesPerSecond',
      'gflops',
      'inferenceGflops',
      'matMulGflops',
      'matMulShare',
    ]) {
      expect(result[key], key).toBeGreaterThan(0);
    }
  });
});

describe('dcgan train on real MNIST', () => {
  it('writes config, metrics, grids, checkpoints and a GIF, and keeps the last checkpoints', async () => {
    const out = join(await tempDir(), 'run');
    const { code, output } = await runCli(tinyRun(out, 8, ['--keep-checkpoints', '2']));
    expect(code, output).toBe(0);
    expect(output.split('\n')[0]).toMatch(/^backend: wasm \(--backend wasm\)/);
    const metrics = (await readFile(join(out, 'metrics.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(metrics.map((m) => m.step)).toEqual([2, 4, 6, 8]);
    for (const m of metrics) {
      expect(m.discriminatorLoss).toBeGreaterThan(0);
      expect(m.generatorLoss).toBeGreaterThan(0);
      expect(m.discriminatorAccuracy).toBeGreaterThanOrEqual(0);
    }
    expect(await readdir(join(out, 'samples'))).toEqual([
      'step-0000002.png',
      'step-0000004.png',
      'step-0000006.png',
      'step-0000008.png',
    ]);
    expect(await readdir(join(out, 'checkpoints'))).toEqual(['step-0000006', 'step-0000008']);
    expect(existsSync(join(out, 'samples.gif'))).toBe(true);
    const report = await readFile(join(out, 'report.html'), 'utf8');
    expect(report).toContain('dcgan-loss-chart');
    expect(report).toContain('data:image/png;base64,');
    expect(JSON.parse(await readFile(join(out, 'config.json'), 'utf8')).train.batchSize).toBe(8);
  });

  it('resumes exactly: 2 + 2 iterations give the same weights as 4 straight (wasm, same seed)', async () => {
    const dir = await tempDir();
    const straight = await runCli(tinyRun(join(dir, 'straight'), 4));
    expect(straight.code, straight.output).toBe(0);
    const first = await runCli(tinyRun(join(dir, 'resumed'), 2));
    expect(first.code, first.output).toBe(0);
    const second = await runCli([
      'train',
      '--resume',
      join(dir, 'resumed'),
      '--iterations',
      '4',
      '--backend',
      'wasm',
    ]);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain('resuming');
    for (const part of ['generator', 'discriminator']) {
      const [a, b] = await Promise.all(
        ['straight', 'resumed'].map((run) =>
          readFile(join(dir, run, 'checkpoints', 'step-0000004', part, 'weights.bin')),
        ),
      );
      expect(b?.equals(a as Buffer), `${part} weights differ`).toBe(true);
    }
    const metrics = (run: string) => readFile(join(dir, run, 'metrics.jsonl'), 'utf8');
    const losses = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).generatorLoss);
    expect(losses(await metrics('resumed'))).toEqual(losses(await metrics('straight')));
  });

  it('trains the same on 1 and 2 wasm threads (--threads), to the bit', async () => {
    const dir = await tempDir();
    for (const threads of ['1', '2']) {
      const { code, output } = await runCli([
        ...tinyRun(join(dir, threads), 2),
        '--threads',
        threads,
      ]);
      expect(code, output).toBe(0);
      expect(output).toContain(`${threads} thread(s)`);
    }
    for (const part of ['generator', 'discriminator']) {
      const [a, b] = await Promise.all(
        ['1', '2'].map((run) =>
          readFile(join(dir, run, 'checkpoints', 'step-0000002', part, 'weights.bin')),
        ),
      );
      expect(b?.equals(a as Buffer), `${part} weights differ`).toBe(true);
    }
    const bad = await runCli([...tinyRun(join(dir, 'bad'), 2), '--threads', '0']);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--threads: expected an integer >= 1, got "0"');
    const many = await runCli([...tinyRun(join(dir, 'many'), 2), '--threads', '9']);
    expect(many.code).toBe(2);
    expect(many.output).toContain('--threads expects an integer from 1 to 8, got 9');
  });

  it('repeats a run exactly with the default seed 0 (which TensorFlow.js alone would take as none)', async () => {
    const dir = await tempDir();
    for (const run of ['a', 'b']) {
      const args = tinyRun(join(dir, run), 2).filter(
        (_, i, all) => all[i - 1] !== '--seed' && all[i] !== '--seed',
      );
      expect((await runCli(args)).code).toBe(0);
    }
    const weights = (run: string) =>
      readFile(join(dir, run, 'checkpoints', 'step-0000002', 'generator', 'weights.bin'));
    expect((await weights('a')).equals(await weights('b'))).toBe(true);
  });

  it('refuses to overwrite a run, and refuses config changes on resume', async () => {
    const out = join(await tempDir(), 'run');
    expect((await runCli(tinyRun(out, 2))).code).toBe(0);
    const again = await runCli(tinyRun(out, 2));
    expect(again.code).toBe(2);
    expect(again.output).toContain(`--out ${out} already holds a run`);
    const changed = await runCli(['train', '--resume', out, '--batch-size', '16']);
    expect(changed.code).toBe(2);
    expect(changed.output).toContain('--resume keeps the run');
  });

  it('goes on at a lower learning rate on resume, recorded in config.json and the checkpoint', async () => {
    const out = join(await tempDir(), 'run');
    expect((await runCli(tinyRun(out, 2))).code).toBe(0);
    const negative = await runCli(['train', '--resume', out, '--learning-rate', '-1']);
    expect(negative.code).toBe(2);
    expect(negative.output).toContain('--learning-rate: expected a number above 0, got "-1"');
    const lower = ['--iterations', '4', '--learning-rate', '0.0001', '--backend', 'wasm'];
    const resumed = await runCli(['train', '--resume', out, ...lower]);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain('learning rate 0.001 -> 0.0001');
    const config = JSON.parse(await readFile(join(out, 'config.json'), 'utf8'));
    const state = JSON.parse(
      await readFile(join(out, 'checkpoints', 'step-0000004', 'state.json'), 'utf8'),
    );
    expect([config.train.learningRate, state.config.train.learningRate]).toEqual([1e-4, 1e-4]);
    expect(config.train.iterations).toBe(4);
  });

  it('keeps a moving average of the generator from --average-decay on; sample and eval use it', async () => {
    const out = join(await tempDir(), 'run');
    expect((await runCli(tinyRun(out, 2))).code).toBe(0);
    const averaged = ['--iterations', '4', '--average-decay', '0.5', '--backend', 'wasm'];
    const resumed = await runCli(['train', '--resume', out, ...averaged]);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain('generator average decay 0 -> 0.5');
    const checkpoint = join(out, 'checkpoints', 'step-0000004');
    expect(existsSync(join(checkpoint, 'average-generator', 'model.json'))).toBe(true);
    const config = JSON.parse(await readFile(join(out, 'config.json'), 'utf8'));
    expect(config.train.averageDecay).toBe(0.5);
    const draw = async (source: string, name: string, extra: string[] = []) => {
      const file = join(out, `${name}.idx`);
      const result = await runCli(['sample', source, '--count', '4', '--out', file, ...extra]);
      expect(result.code, result.output).toBe(0);
      return readFile(file);
    };
    const fromRun = await draw(out, 'run');
    const trained = await draw(out, 'trained', ['--no-average']);
    expect(fromRun).toEqual(await draw(join(checkpoint, 'average-generator'), 'average'));
    expect(trained).toEqual(await draw(join(checkpoint, 'generator'), 'generator'));
    expect(fromRun).not.toEqual(trained);
    const evaluation = await runCli(['eval', out, '--samples', '20', '--out', join(out, 'e.json')]);
    expect(evaluation.code, evaluation.output).toBe(0);
    expect(evaluation.output).toContain(join(checkpoint, 'average-generator'));
  });

  it('stops with a clear message when the losses turn NaN, keeping the last good checkpoint', async () => {
    const out = join(await tempDir(), 'run');
    expect((await runCli(tinyRun(out, 2))).code).toBe(0);
    const weights = join(out, 'checkpoints', 'step-0000002', 'generator', 'weights.bin');
    const size = (await readFile(weights)).length;
    await writeFile(weights, Buffer.from(new Float32Array(size / 4).fill(Number.NaN).buffer));
    // Sealed again, as a run whose weights turned NaN would have saved them: the checksums pass.
    await writeManifest(join(out, 'checkpoints', 'step-0000002'));
    const { code, output } = await runCli([
      'train',
      '--resume',
      out,
      '--iterations',
      '6',
      '--backend',
      'wasm',
    ]);
    expect(code, output).toBe(1);
    expect(output).toContain('losses are not finite at iteration 3');
    expect(output).toContain('last checkpoint: iteration 2');
    expect(await readdir(join(out, 'checkpoints'))).toEqual(['step-0000002']);
  });
});
