import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { writeFileAtomic } from './write-file-atomic.js';

const WEIGHTS_FILE = 'weights.bin';
const MODEL_FILE = 'model.json';
const BYTES_PER_VALUE: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

/**
 * A TensorFlow.js IO handler over a folder in Node, without `@tensorflow/tfjs-node`:
 * the standard layers format, `model.json` plus `weights.bin`, each written atomically.
 */
export function fileSystemIO(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts) {
      await mkdir(dir, { recursive: true });
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.userDefinedMetadata
          ? { userDefinedMetadata: artifacts.userDefinedMetadata }
          : {}),
      };
      await writeFileAtomic(join(dir, WEIGHTS_FILE), new Uint8Array(weights));
      await writeFileAtomic(join(dir, MODEL_FILE), JSON.stringify(modelJson));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load() {
      const modelPath = join(dir, MODEL_FILE);
      if (!existsSync(modelPath)) throw new Error(`${modelPath}: missing model file`);
      let modelJson: tf.io.ModelJSON;
      try {
        modelJson = JSON.parse(await readFile(modelPath, 'utf8'));
      } catch (error) {
        throw new Error(`${modelPath}: not valid JSON (${(error as Error).message})`);
      }
      if (!modelJson.modelTopology || !Array.isArray(modelJson.weightsManifest)) {
        throw new Error(
          `${modelPath}: not a TensorFlow.js layers model (no modelTopology or weightsManifest)`,
        );
      }
      return tf.io.getModelArtifactsForJSON(modelJson, (manifest) => readWeights(dir, manifest));
    },
  };
}

async function readWeights(
  dir: string,
  manifest: tf.io.WeightsManifestConfig,
): Promise<[tf.io.WeightsManifestEntry[], ArrayBuffer]> {
  const buffers: ArrayBuffer[] = [];
  for (const group of manifest) {
    for (const path of group.paths) {
      if (typeof path !== 'string' || isAbsolute(path) || path.split(/[\\/]/).includes('..'))
        throw new Error(
          `${join(dir, MODEL_FILE)}: weight path ${JSON.stringify(path)} leaves ${dir}`,
        );
    }
    const groupBuffers = await Promise.all(
      group.paths.map((path) => readWeightFile(join(dir, path))),
    );
    const bytes = groupBuffers.reduce((sum, b) => sum + b.byteLength, 0);
    const expected = group.weights.reduce((sum, w) => sum + byteLength(w), 0);
    if (bytes !== expected) {
      throw new Error(
        `${group.paths.map((p) => join(dir, p)).join(', ')}: ${bytes} bytes of weights, ` +
          `expected ${expected} by ${join(dir, MODEL_FILE)}`,
      );
    }
    buffers.push(...groupBuffers);
  }
  return [tf.io.getWeightSpecs(manifest), tf.io.concatenateArrayBuffers(buffers)];
}

async function readWeightFile(path: string): Promise<ArrayBuffer> {
  if (!existsSync(path)) throw new Error(`${path}: missing weight file`);
  const data = await readFile(path);
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

function byteLength(entry: tf.io.WeightsManifestEntry): number {
  const size = entry.shape.reduce((a, b) => a * b, 1);
  const dtype = entry.quantization?.dtype ?? entry.dtype;
  return size * (BYTES_PER_VALUE[dtype] ?? 4);
}
