import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { GENERATOR_SHAPES } from './check-architecture.js';
import { loadModel } from './load-model.js';

/**
 * The generators that ship with this package, by the data set they learned (`-conditional`: the
 * class-conditional variant). Each is two files, found with `new URL(…, import.meta.url)` (literal
 * paths, so that bundlers find them): Node reads them from the package, and bundlers (Vite,
 * webpack 5, Rollup, esbuild with a plugin) emit them as assets and rewrite the URLs. A new one is
 * written by `scripts/export-pretrained.mjs` and listed here.
 */
const PRETRAINED = {
  mnist: {
    model: new URL('../pretrained/mnist/model.json', import.meta.url),
    weights: new URL('../pretrained/mnist/weights.bin', import.meta.url),
  },
  'mnist-conditional': {
    model: new URL('../pretrained/mnist-conditional/model.json', import.meta.url),
    weights: new URL('../pretrained/mnist-conditional/weights.bin', import.meta.url),
  },
};

/** The name of a generator that ships with @dcgan/models. */
export type PretrainedName = keyof typeof PRETRAINED;

/** Names of the generators that ship with @dcgan/models. */
export const PRETRAINED_NAMES = Object.keys(PRETRAINED) as PretrainedName[];

/** Generators the project means to ship, named in the error when asked for before they exist. */
const PLANNED_NAMES: string[] = ['fashion-conditional'];

/**
 * Loads a generator trained by the project (`packages/models/pretrained/<name>/README.md` says how,
 * and how well it does): z `[batch, latentSize]` -> images `[batch, height, width, channels]` in
 * [-1, 1], its shapes read from its own files (`imageShapeOf`, `latentSizeOf`; the MNIST ones:
 * z `[batch, 100]` -> `[batch, 28, 28, 1]`). In Node it
 * reads the package's own files; in a browser it fetches the assets a bundler emitted for them.
 * A conditional one (`mnist-conditional`) also takes the class, one-hot `[batch, classes]`.
 *   const generator = await loadPretrainedGenerator('mnist');
 *   const digits = generate(generator, 16);
 */
export async function loadPretrainedGenerator(
  name: PretrainedName = 'mnist',
): Promise<LayersModel> {
  const files = PRETRAINED[name];
  if (!files) {
    const planned = PLANNED_NAMES.includes(name)
      ? `: "${name}" is not trained yet, this version of @dcgan/models does not ship it`
      : '';
    throw new Error(
      `loadPretrainedGenerator: no pretrained generator "${name}" (expected ${PRETRAINED_NAMES.join(', ')})${planned}`,
    );
  }
  const [modelJson, weightData] = await Promise.all([
    readFile(files.model),
    readFile(files.weights),
  ]);
  const artifacts = JSON.parse(new TextDecoder().decode(modelJson)) as {
    modelTopology: object;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  const io = tf.io.fromMemory({
    modelTopology: artifacts.modelTopology,
    weightSpecs: artifacts.weightsManifest.flatMap((group) => group.weights),
    weightData,
  });
  return loadModel(io, GENERATOR_SHAPES, `pretrained generator "${name}" (${files.model})`);
}

/** Reads a file: from disk for file: URLs (Node), else with fetch. */
async function readFile(url: URL): Promise<ArrayBuffer> {
  if (url.protocol === 'file:') {
    // No import statement: bundlers for the browser must not see node:fs.
    const fs = (
      globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
    ).process?.getBuiltinModule?.('node:fs/promises') as
      | { readFile(path: URL): Promise<Uint8Array> }
      | undefined;
    if (!fs) throw new Error(`${url}: reading files needs Node 20.16 or newer`);
    const bytes = await fs.readFile(url);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  return response.arrayBuffer();
}
