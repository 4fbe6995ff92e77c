import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDiscriminator, buildGenerator, defaultModelConfig } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { AVERAGE_GENERATOR, loadCheckpoint, saveCheckpoint } from './checkpoint.js';
import { checkManifest, MANIFEST_FILE } from './checkpoint-manifest.js';
import { defaultTrainConfig, type TrainConfig } from './config.js';
import { createDcgan, disposeDcgan } from './dcgan.js';
import { onBackend, weightValues } from './test-support.js';

describe('checkpoints', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it('go on at another learning rate when asked, with the same weights', async () => {
    const train = defaultTrainConfig();
    const { dcgan, dir } = await savedCheckpoint(train);
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

  it("keep the generator's moving average, or start one from the generator on resume", async () => {
    const plain = await savedCheckpoint({ ...defaultTrainConfig(), averageDecay: 0 });
    const averaged = await savedCheckpoint({ ...defaultTrainConfig(), averageDecay: 0.999 });
    expect(existsSync(join(plain.dir, AVERAGE_GENERATOR))).toBe(false);
    expect(existsSync(join(averaged.dir, AVERAGE_GENERATOR))).toBe(true);
    const kept = await loadCheckpoint(averaged.dir);
    const started = await loadCheckpoint(plain.dir, { averageDecay: 0.99 });
    const dropped = await loadCheckpoint(averaged.dir, { averageDecay: 0 });
    expect(kept.dcgan.average?.decay).toBe(0.999);
    expect(weightValues(kept.dcgan.average?.generator as LayersModel)).toEqual(
      averaged.averageWeights,
    );
    expect(started.dcgan.average?.decay).toBe(0.99);
    expect(started.state.config.train.averageDecay).toBe(0.99);
    expect(weightValues(started.dcgan.average?.generator as LayersModel)).toEqual(
      weightValues(started.dcgan.generator),
    );
    expect(dropped.dcgan.average).toBeUndefined();
    for (const d of [plain.dcgan, averaged.dcgan, kept.dcgan, started.dcgan, dropped.dcgan]) {
      disposeDcgan(d);
    }
  });

  it('are sealed by a manifest that loading verifies; older ones without it still load', async () => {
    const { dcgan, dir } = await savedCheckpoint(defaultTrainConfig());
    disposeDcgan(dcgan);
    const check = await checkManifest(dir);
    // Two models (model.json, weights.bin), two optimizers (.json, .bin), the state.
    expect(check).toEqual({ kind: 'verified', files: 9 });
    const before = tf.memory().numTensors;
    const weights = join(dir, 'generator', 'weights.bin');
    const bytes = await readFile(weights);
    bytes[100] = (bytes[100] as number) ^ 1;
    await writeFile(weights, bytes);
    await expect(loadCheckpoint(dir)).rejects.toThrow(`${weights}: SHA-256`);
    expect(tf.memory().numTensors).toBe(before);
    bytes[100] = (bytes[100] as number) ^ 1;
    await writeFile(weights, bytes);
    await rm(join(dir, MANIFEST_FILE));
    const state = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'));
    delete state.manifest;
    await writeFile(join(dir, 'state.json'), JSON.stringify(state));
    expect(await checkManifest(dir)).toMatchObject({ kind: 'unverified' });
    const loaded = await loadCheckpoint(dir);
    expect(loaded.state.step).toBe(3);
    disposeDcgan(loaded.dcgan);
    expect(tf.memory().numTensors).toBe(before);
  });
});

/** A checkpoint of a fresh DCGAN; with an average, its weights differ from the generator's. */
async function savedCheckpoint(train: TrainConfig) {
  const dcgan = createDcgan(train, undefined, {
    generator: buildGenerator({}, { seed: 1 }),
    discriminator: buildDiscriminator({}, { seed: 2 }),
    ...(train.averageDecay > 0 && { averageGenerator: buildGenerator({}, { seed: 3 }) }),
  });
  const runDir = await mkdtemp(join(tmpdir(), 'dcgan-checkpoint-'));
  const config = { data: 'mnist', model: defaultModelConfig(), train };
  const samplerState = { epochRandomState: 1, position: 0, epoch: 0, count: 60000 };
  const before = tf.memory().numTensors;
  const dir = await saveCheckpoint(
    runDir,
    dcgan,
    { step: 3, noiseRandomState: 5, samplerState, config },
    1,
  );
  expect(tf.memory().numTensors, 'tensors left by saveCheckpoint').toBe(before);
  const averageWeights = dcgan.average && weightValues(dcgan.average.generator);
  return { dcgan, dir, averageWeights };
}
