import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLayersModel } from './load-layers-model.js';
import { useCpuBackend } from './test-backend.js';

/** The artifacts of a small dense model, as `model.save` hands them to an IO handler. */
async function artifactsOfSmallModel(): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [2], units: 3 })] });
  await model.save({
    save: async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  });
  model.dispose();
  return saved as tf.io.ModelArtifacts;
}

describe('loadLayersModel', () => {
  beforeAll(useCpuBackend);

  it('loads the weights that were saved', async () => {
    const artifacts = await artifactsOfSmallModel();
    const before = tf.memory().numTensors;
    const model = await loadLayersModel(tf.io.fromMemory(artifacts));
    const saved = tf.io.decodeWeights(
      artifacts.weightData as ArrayBuffer,
      artifacts.weightSpecs ?? [],
    );
    for (const weight of model.weights) {
      const name = weight.originalName;
      expect(Array.from(weight.read().dataSync())).toEqual(
        Array.from((saved[name] as tf.Tensor).dataSync()),
      );
    }
    tf.dispose(Object.values(saved));
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a layer that asks for more weights than the file holds, before building it', async () => {
    const artifacts = await artifactsOfSmallModel();
    const topology = JSON.parse(JSON.stringify(artifacts.modelTopology));
    topology.config.layers[0].config.units = 100_000_000; // a flipped byte in model.json
    const before = tf.memory().numTensors;
    await expect(
      loadLayersModel(tf.io.fromMemory({ ...artifacts, modelTopology: topology })),
    ).rejects.toThrow(/asks for at least 100000000 weights, more than the 36 bytes of weights/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves no tensor behind when the weights do not fit the topology', async () => {
    const artifacts = await artifactsOfSmallModel();
    const before = tf.memory().numTensors;
    const renamed = (artifacts.weightSpecs ?? []).map((spec) => ({ ...spec, name: 'other' }));
    await expect(
      loadLayersModel(tf.io.fromMemory({ ...artifacts, weightSpecs: renamed })),
    ).rejects.toThrow();
    const reshaped = (artifacts.weightSpecs ?? []).map((spec) => ({ ...spec, shape: [3, 2] }));
    await expect(
      loadLayersModel(tf.io.fromMemory({ ...artifacts, weightSpecs: reshaped })),
    ).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
  });
});
