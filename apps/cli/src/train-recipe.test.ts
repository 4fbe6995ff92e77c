import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, tinyRun } from './cli-test-support.js';

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describe('dcgan train: the recipe flags', () => {
  it('records two rates, a decay and label smoothing, and changes them on resume', async () => {
    const out = join(await tempDir(), 'run');
    const recipe = [
      '--generator-learning-rate',
      '0.0004',
      '--discriminator-learning-rate',
      '0.0001',
      '--learning-rate-decay-start',
      '0.5',
      '--label-smoothing',
      '0.1',
    ];
    const first = await runCli(tinyRun(out, 2, recipe));
    expect(first.code, first.output).toBe(0);
    const state = await readJson(join(out, 'checkpoints', 'step-0000002', 'state.json'));
    expect(state.config.train).toMatchObject({
      generatorLearningRate: 4e-4,
      discriminatorLearningRate: 1e-4,
      learningRateDecayStart: 0.5,
      learningRateFloor: 0.1,
      labelSmoothing: 0.1,
    });
    const changes = ['--generator-learning-rate', '0.0002', '--label-smoothing', '0'];
    const resumed = await runCli(['train', '--resume', out, '--iterations', '4', ...changes]);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain('generator learning rate 0.0004 -> 0.0002');
    expect(resumed.output).toContain('label smoothing 0.1 -> 0');
    const config = await readJson(join(out, 'config.json'));
    expect(config.train).toMatchObject({ generatorLearningRate: 2e-4, labelSmoothing: 0 });
    const last = await readJson(join(out, 'checkpoints', 'step-0000004', 'state.json'));
    expect(last.config.train).toMatchObject({ generatorLearningRate: 2e-4, labelSmoothing: 0 });
  });

  it('refuses a smoothing of 1 and --keep-best without an evaluation, naming them', async () => {
    const smoothing = await runCli(['train', '--label-smoothing', '1', '--out', await tempDir()]);
    expect(smoothing.code).toBe(2);
    expect(smoothing.output).toContain('--label-smoothing: expected a number in [0, 1), got "1"');
    const best = await runCli(['train', '--keep-best', 'frechet-distance']);
    expect(best.code).toBe(2);
    expect(best.output).toContain('--keep-best frechet-distance needs an in-run evaluation');
  });

  it('--keep-best keeps the best evaluation so far apart from the rotation', async () => {
    const out = join(await tempDir(), 'run');
    const evaluation = ['--eval-interval', '2', '--eval-samples', '200', '--keep-checkpoints', '1'];
    const trained = await runCli(
      tinyRun(out, 6, [...evaluation, '--keep-best', 'frechet-distance']),
    );
    expect(trained.code, trained.output).toBe(0);
    expect((await readdir(join(out, 'checkpoints'))).sort()).toEqual(['best', 'step-0000006']);
    const records = (await readFile(join(out, 'metrics.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { step: number; frechetDistance: number });
    const lowest = records.reduce((a, b) => (b.frechetDistance < a.frechetDistance ? b : a));
    const best = join(out, 'checkpoints', 'best');
    expect(await readJson(join(best, 'best.json'))).toEqual({
      metric: 'frechet-distance',
      value: lowest.frechetDistance,
      step: lowest.step,
    });
    expect((await readJson(join(best, 'state.json'))).step).toBe(lowest.step);
    const file = join(out, 'best.png');
    const sampled = await runCli(['sample', best, '--count', '4', '--out', file]);
    expect(sampled.code, sampled.output).toBe(0);
    expect(existsSync(file)).toBe(true);
    const verified = await runCli(['verify', out]);
    expect(verified.code, verified.output).toBe(0);
    expect(verified.output).toMatch(/^ok +\S+checkpoints\/best: /m);
  });
});
