import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRunConfig, defaultEvalConfig, type TrainOptions } from './run-config.js';

const options = (extra: Partial<TrainOptions> = {}): TrainOptions => ({
  data: 'mnist',
  backend: 'wasm',
  model: new Map(),
  train: new Map(),
  eval: defaultEvalConfig(),
  ...extra,
});

describe('buildRunConfig: --recipe', () => {
  it('takes the spec recipe for 28x28 data and records it', () => {
    const config = buildRunConfig(options());
    expect(config.recipe).toBe('spec');
    expect(config.train).toMatchObject({ learningRate: 0.001, beta1: 0.9, batchSize: 128 });
  });

  it('sets the quick recipe fields: two rates, beta1 0.5, batch 32, a short moving average', () => {
    const config = buildRunConfig(options({ recipe: 'quick' }));
    expect(config.recipe).toBe('quick');
    expect(config.train).toMatchObject({
      iterations: 250,
      batchSize: 32,
      generatorLearningRate: 0.003,
      discriminatorLearningRate: 0.0005,
      beta1: 0.5,
      averageDecay: 0.98,
      sampleInterval: 50,
    });
  });

  it('sets the shipped generator recipe with ttur, and each flag still overrides it', () => {
    const train = new Map([
      ['iterations', 2],
      ['beta1', 0.7],
    ] as const);
    const config = buildRunConfig(options({ recipe: 'ttur', train: new Map(train) }));
    expect(config.recipe).toBe('ttur');
    expect(config.train).toMatchObject({
      iterations: 2,
      beta1: 0.7,
      batchSize: 128,
      generatorLearningRate: 0.0004,
      discriminatorLearningRate: 0.0001,
      averageDecay: 0.999,
      learningRateDecayStart: 0.8714,
    });
  });

  it('takes the paper recipe for a folder of pictures', () => {
    const config = buildRunConfig(
      options({ data: mkdtempSync(join(tmpdir(), 'pictures-')), imageSize: 32 }),
    );
    expect(config.recipe).toBe('paper');
    expect(config.model.architecture).toBe('radford');
    expect(config.train).toMatchObject({ learningRate: 0.0002, beta1: 0.5, batchSize: 64 });
  });
});
