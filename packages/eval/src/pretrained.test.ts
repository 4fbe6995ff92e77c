import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPretrainedGenerator } from '@dcgan/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator, type GeneratorEvaluation } from './evaluate-generator.js';
import { onBackend } from './test-support.js';

const modelsDir = dirname(createRequire(import.meta.url).resolve('@dcgan/models/package.json'));

describe('the pretrained MNIST generator of @dcgan/models (wasm)', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it('scores on its first 2,000 samples as its eval.json (10,000 samples) says', async () => {
    const shipped = JSON.parse(
      await readFile(join(modelsDir, 'pretrained', 'mnist', 'eval.json'), 'utf8'),
    ) as GeneratorEvaluation;
    expect(shipped).toMatchObject({ dataset: 'mnist', samples: 10_000, seed: 1 });
    const generator = await loadPretrainedGenerator('mnist');
    const evaluator = await createEvaluator('mnist');
    const sample = await evaluator.evaluate({ generator, samples: 2000, seed: shipped.seed });
    evaluator.dispose();
    generator.dispose();
    expect(Math.abs(sample.classifierScore - shipped.classifierScore)).toBeLessThan(0.25);
    sample.classShares.forEach((share, digit) => {
      expect(
        Math.abs(share - (shipped.classShares[digit] as number)),
        `digit ${digit}`,
      ).toBeLessThan(0.03);
    });
    // The distance is biased upwards on fewer samples, never far below its 10,000-sample value.
    expect(sample.frechetDistance).toBeGreaterThan(0.9 * shipped.frechetDistance);
    expect(sample.frechetDistance).toBeLessThan(2 * shipped.frechetDistance);
  });
});
