import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, tinyRun } from './cli-test-support.js';

describe('evaluation from the trainer', () => {
  it('--eval-interval logs the classifier score, Frechet distance and class shares; dcgan eval writes eval.json', async () => {
    const run = join(await tempDir(), 'run');
    const trained = await runCli(
      tinyRun(run, 2, ['--eval-interval', '2', '--eval-samples', '200']),
    );
    expect(trained.code, trained.output).toBe(0);
    const [record] = (await readFile(join(run, 'metrics.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(record.classifierScore).toBeGreaterThanOrEqual(1);
    expect(record.classifierScore).toBeLessThanOrEqual(10);
    expect(record.frechetDistance).toBeGreaterThan(0);
    expect(record.classShares).toHaveLength(10);

    const evaluated = await runCli(['eval', run, '--samples', '200', '--backend', 'wasm']);
    expect(evaluated.code, evaluated.output).toBe(0);
    expect(evaluated.output).toMatch(
      /classifier score \(max 10\)\s+\d+\.\d+\s+real test set: 9\.\d+/,
    );
    const saved = JSON.parse(
      await readFile(join(run, 'checkpoints', 'step-0000002', 'eval.json'), 'utf8'),
    );
    expect(saved.samples).toBe(200);
    expect(saved.discriminatorAccuracy).toBeGreaterThanOrEqual(0);
  });

  it('--keep-best names the metrics that need a classifier, before any work', async () => {
    const dir = await tempDir();
    const { code, output } = await runCli(
      ['train', '--data', dir, '--image-size', '32', '--eval-interval', '1000'].concat([
        '--keep-best',
        'classifier-score',
      ]),
    );
    expect(code).toBe(2);
    expect(output).toContain('--keep-best classifier-score needs a classifier');
  });
});
