import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDiscriminator, buildGenerator, defaultModelConfig } from '@dcgan/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.js';
import { defaultTrainConfig } from './config.js';
import { createDcgan, disposeDcgan } from './dcgan.js';
import { onBackend, weightValues } from './test-support.js';

describe('checkpoints', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it('go on at another learning rate when asked, with the same weights', async () => {
    const train = defaultTrainConfig();
    const dcgan = createDcgan(train, undefined, {
      generator: buildGenerator({}, { seed: 1 }),
      discriminator: buildDiscriminator({}, { seed: 2 }),
    });
    const runDir = await mkdtemp(join(tmpdir(), 'dcgan-checkpoint-'));
    const config = { data: 'mnist', model: defaultModelConfig(), train };
    const samplerState = { epochRandomState: 1, position: 0, epoch: 0, count: 60000 };
    const dir = await saveCheckpoint(
      runDir,
      dcgan,
      { step: 3, noiseRandomState: 5, samplerState, config },
      1,
    );
    const same = await loadCheckpoint(dir);
    const lower = await loadCheckpoint(dir, { learningRate: 2e-5 });
    const rates = [same, lower].map(({ dcgan: d }) => [
      d.generatorOptimizer.getConfig().learningRate,
      d.discriminatorOptimizer.getConfig().learningRate,
    ]);
    expect(rates).toEqual([
      [train.learningRate, train.learningRate],
      [2e-5, 2e-5],
    ]);
    expect([same.state.config.train.learningRate, lower.state.config.train.learningRate]).toEqual([
      train.learningRate,
      2e-5,
    ]);
    expect(weightValues(lower.dcgan.generator)).toEqual(weightValues(dcgan.generator));
    for (const d of [dcgan, same.dcgan, lower.dcgan]) disposeDcgan(d);
  });
});
