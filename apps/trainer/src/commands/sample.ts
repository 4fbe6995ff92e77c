import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { encodeIdx, unscaleToBytes } from '@dcgan/data';
import {
  generate,
  loadGeneratorFromDir,
  loadPretrainedGenerator,
  type PretrainedName,
  writeFileAtomic,
} from '@dcgan/models/node';
import { latestCheckpoint } from '@dcgan/train/node';
import { gridFromValues, writeGridPng } from '@dcgan/viz/node';
import { gzipSync } from 'fflate';
import { type BackendChoice, startBackend } from '../backend.js';

/** What `dcgan sample` was asked for. */
export interface SampleRequest {
  /**
   * A run folder (its newest checkpoint's generator), a folder holding a generator's model.json, or
   * a generator that ships with @dcgan/models.
   */
  source: string | { pretrained: PretrainedName };
  count: number;
  seed: number;
  out: string;
  backend: BackendChoice;
}

/** The kinds of file `dcgan sample` writes, by the ending of `--out`. */
export function sampleFormat(out: string): 'png' | 'idx' | 'idx.gz' {
  if (out.endsWith('.png')) return 'png';
  if (out.endsWith('.idx')) return 'idx';
  if (out.endsWith('.idx.gz')) return 'idx.gz';
  throw new Error(
    `--out ${out}: expected a file ending in .png (a grid), .idx or .idx.gz (the images, as MNIST's)`,
  );
}

/** Finds the generator folder of a run folder or a model folder. */
export async function resolveGeneratorDir(source: string): Promise<string> {
  if (existsSync(join(source, 'model.json'))) return source;
  if (existsSync(join(source, 'config.json'))) {
    const checkpoint = await latestCheckpoint(source);
    if (!checkpoint) throw new Error(`${source}: this run has no checkpoint yet`);
    return join(checkpoint, 'generator');
  }
  throw new Error(`${source}: neither a run folder (config.json) nor a model folder (model.json)`);
}

/** Writes `count` samples of a trained generator as a PNG grid or an IDX file of bytes. */
export async function runSample(request: SampleRequest): Promise<void> {
  const format = sampleFormat(request.out);
  const { source } = request;
  const generatorDir = typeof source === 'string' ? await resolveGeneratorDir(source) : undefined;
  await startBackend(request.backend);
  const generator = generatorDir
    ? await loadGeneratorFromDir(generatorDir)
    : await loadPretrainedGenerator((source as { pretrained: PretrainedName }).pretrained);
  const images = generate(generator, request.count, { seed: request.seed });
  const [, height = 28, width = 28] = images.shape;
  const values = await images.data();
  images.dispose();
  if (format === 'png') {
    await writeGridPng(request.out, gridFromValues(values, request.count, height, { scale: 2 }));
  } else {
    const idx = encodeIdx([request.count, height, width], unscaleToBytes(values));
    await writeFileAtomic(request.out, format === 'idx.gz' ? gzipSync(idx) : idx);
  }
  console.error(`wrote ${request.count} samples to ${request.out}`);
}
