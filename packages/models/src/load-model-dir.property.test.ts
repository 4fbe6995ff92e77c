import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkModelDir } from './check-model-dir.js';
import { loadModelFromDir, saveModelToDir } from './load-model-dir.js';
import { useCpuBackend } from './test-backend.js';

/**
 * Property tests of the reader of exported model folders, on a small model with the layer kinds
 * of the spec's (dense, batch normalization): whatever happens to `model.json` or `weights.bin`,
 * loading returns a model or throws an Error naming the folder, and leaves no tensor behind.
 */
let source: { modelJson: string; weights: Uint8Array };
let root: string;
let runs = 0;

beforeAll(async () => {
  await useCpuBackend();
  root = await mkdtemp(join(tmpdir(), 'dcgan-model-fuzz-'));
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [3], units: 4 }),
      tfl.layers.batchNormalization(),
      tfl.layers.dense({ units: 1 }),
    ],
  });
  await saveModelToDir(model, join(root, 'source'));
  model.dispose();
  source = {
    modelJson: await readFile(join(root, 'source', 'model.json'), 'utf8'),
    weights: new Uint8Array(await readFile(join(root, 'source', 'weights.bin'))),
  };
});

/** Writes a model folder of these files and loads it; true when it loaded. */
async function loadsOrNamesTheFolder(modelJson: string | Uint8Array, weights: Uint8Array) {
  const dir = join(root, `case-${runs++}`);
  await mkdir(dir);
  await writeFile(join(dir, 'model.json'), modelJson);
  await writeFile(join(dir, 'weights.bin'), weights);
  const before = tf.memory().numTensors;
  let loaded = false;
  try {
    (await loadModelFromDir(dir)).dispose();
    loaded = true;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(dir);
  }
  expect(tf.memory().numTensors).toBe(before);
  return loaded;
}

const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
  minLength: 1,
  maxLength: 4,
});
const flip = (bytes: Uint8Array, changes: [number, number][]) => {
  const copy = bytes.slice();
  for (const [at, mask] of changes) {
    const index = at % copy.length;
    copy[index] = (copy[index] as number) ^ mask;
  }
  return copy;
};
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('loading a model folder (property tests)', () => {
  it('refuses a model.json cut short, naming the folder', async () => {
    await fc.assert(
      fc.asyncProperty(fraction, async (at) => {
        const cut = source.modelJson.slice(0, Math.floor(at * source.modelJson.length));
        expect(await loadsOrNamesTheFolder(cut, source.weights)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses weights cut short, naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(fraction, async (at) => {
        const cut = source.weights.slice(0, Math.floor(at * source.weights.length));
        expect(await loadsOrNamesTheFolder(source.modelJson, cut)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('loads or names the folder whatever bytes of model.json or weights.bin are flipped', async () => {
    const modelBytes = new TextEncoder().encode(source.modelJson);
    await fc.assert(
      fc.asyncProperty(flips, fc.boolean(), async (changes, inModel) => {
        await loadsOrNamesTheFolder(
          inModel ? flip(modelBytes, changes) : modelBytes,
          inModel ? source.weights : flip(source.weights, changes),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('refuses absurd weight specs before allocating them', async () => {
    const absurd = fc.oneof(
      fc.record({ shape: fc.constant([2 ** 31, 2 ** 31]) }),
      fc.record({ shape: fc.array(fc.integer({ min: -5, max: 2 ** 31 }), { maxLength: 4 }) }),
      fc.record({ dtype: fc.constantFrom('complex64', 'string', 'float64', 'int64') }),
      fc.record({ name: fc.string() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(), absurd, async (which, change) => {
        const json = JSON.parse(source.modelJson);
        const specs = json.weightsManifest[0].weights;
        Object.assign(specs[which % specs.length], change);
        await loadsOrNamesTheFolder(JSON.stringify(json), source.weights);
      }),
      { numRuns: 100, examples: [[0, { name: '__proto__' }]] },
    );
  });

  it('refuses weight paths outside the folder', async () => {
    for (const path of ['../weights.bin', '/etc/passwd', 'a/../../b']) {
      const json = JSON.parse(source.modelJson);
      json.weightsManifest[0].paths = [path];
      expect(await loadsOrNamesTheFolder(JSON.stringify(json), source.weights)).toBe(false);
    }
  });

  it('checkModelDir counts the weights and refuses non-finite ones', async () => {
    const dir = join(root, 'source');
    expect(await checkModelDir(dir)).toEqual({ weights: 8, parameters: 37 });
    const nan = new Float32Array(source.weights.slice().buffer);
    nan[0] = Number.NaN;
    const broken = join(root, 'nan');
    await mkdir(broken);
    await writeFile(join(broken, 'model.json'), source.modelJson);
    await writeFile(join(broken, 'weights.bin'), new Uint8Array(nan.buffer));
    const before = tf.memory().numTensors;
    await expect(checkModelDir(broken)).rejects.toThrow(
      `${broken}: 1 of 37 weight values are not finite`,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
