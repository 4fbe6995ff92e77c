import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { encodeIdx, unscaleToBytes } from '@dcgan/data';
import {
  classCountOf,
  generate,
  loadGeneratorFromDir,
  loadPretrainedGenerator,
  type PretrainedName,
  writeFileAtomic,
} from '@dcgan/models/node';
import { AVERAGE_GENERATOR } from '@dcgan/train/node';
import { gridFromValues, writeGridPng } from '@dcgan/viz/node';
import { gzipSync } from 'fflate';
import { type BackendChoice, startBackend } from '../backend.js';
import { checkedCheckpoint, newestCheckedCheckpoint } from '../checked-checkpoint.js';
import { gridClasses } from '../conditional.js';
import { UsageError } from '../usage-error.js';

/** What `dcgan sample` was asked for. */
export interface SampleRequest {
  /**
   * A run folder (its newest checkpoint's generator), a folder holding a generator's model.json, or
   * a generator that ships with @dcgan/models.
   */
  source: string | { pretrained: PretrainedName };
  /** How many images: 64 by default, or 10 a class for a conditional grid of several classes. */
  count?: number;
  /** A conditional generator's classes (`--class 7`, `--classes 0,1,2`): a row each; every class by default. */
  classes?: number[];
  seed: number;
  out: string;
  backend: BackendChoice;
  /** From a run or checkpoint that keeps a moving average of the generator, sample that (default). */
  average?: boolean;
}

/** What `dcgan sample` wrote (its `--json`). */
export interface SampleReport {
  out: string;
  /** The IDX file of a conditional generator's classes, beside `out`. */
  labels?: string;
  count: number;
  seed: number;
  /** `[height, width, channels]` of each image. */
  imageShape: number[];
  classes?: number[];
  /** The generator's folder, or `pretrained:NAME`. */
  generator: string;
}

/** The kinds of file `dcgan sample` writes, by the ending of `--out`. */
export function sampleFormat(out: string): 'png' | 'idx' | 'idx.gz' {
  if (out.endsWith('.png')) return 'png';
  if (out.endsWith('.idx')) return 'idx';
  if (out.endsWith('.idx.gz')) return 'idx.gz';
  throw new UsageError(
    `--out ${out}: expected a file ending in .png (a grid), .idx or .idx.gz (the images, as MNIST's)`,
  );
}

/**
 * Where a conditional generator's samples keep their classes: an IDX file of labels beside the
 * images, as MNIST's are, `-labels` before the ending (`digits.idx` -> `digits-labels.idx`).
 */
export function labelsPath(out: string): string {
  return out.replace(/\.idx(\.gz)?$/, (ending) => `-labels${ending}`);
}

/**
 * Finds the generator folder of a run folder (its newest intact checkpoint), a checkpoint folder
 * (checked against its manifest) or a model folder. A checkpoint's moving average of the generator comes first, unless `average` is false.
 */
export async function resolveGeneratorDir(source: string, average = true): Promise<string> {
  if (existsSync(join(source, 'model.json'))) return source;
  if (existsSync(join(source, 'state.json')))
    return checkpointGenerator(await checkedCheckpoint(source), average);
  if (existsSync(join(source, 'config.json'))) {
    const checkpoint = await newestCheckedCheckpoint(source);
    if (!checkpoint) throw new Error(`${source}: this run has no checkpoint yet`);
    return checkpointGenerator(checkpoint, average);
  }
  throw new Error(
    `${source}: neither a run folder (config.json), a checkpoint (state.json) nor a model folder (model.json)`,
  );
}

/** A checkpoint's generator: its moving average when it keeps one and `average` is true. */
export function checkpointGenerator(checkpoint: string, average = true): string {
  const averaged = join(checkpoint, AVERAGE_GENERATOR);
  return average && existsSync(averaged) ? averaged : join(checkpoint, 'generator');
}

/**
 * Writes `count` samples of a trained generator as a PNG grid (grey or RGB) or an IDX file of
 * bytes `[count, height, width]` (`[count, height, width, 3]` for colour).
 */
export async function runSample(request: SampleRequest): Promise<SampleReport> {
  const format = sampleFormat(request.out);
  const { source } = request;
  const generatorDir =
    typeof source === 'string' ? await resolveGeneratorDir(source, request.average) : undefined;
  await startBackend(request.backend);
  const generator = generatorDir
    ? await loadGeneratorFromDir(generatorDir)
    : await loadPretrainedGenerator((source as { pretrained: PretrainedName }).pretrained);
  const { count, classes, columns } = gridClasses(classCountOf(generator), request);
  const images = generate(generator, count, { seed: request.seed, classes });
  const [, height = 28, width = 28, channels = 1] = images.shape;
  const values = await images.data();
  images.dispose();
  if (format === 'png') {
    const scale = height < 64 ? 2 : 1;
    const grid = gridFromValues(values, count, height, {
      scale,
      columns,
      channels: channels as 1 | 3,
    });
    await writeGridPng(request.out, grid);
  } else {
    const write = (file: string, idx: Uint8Array) =>
      writeFileAtomic(file, format === 'idx.gz' ? gzipSync(idx) : idx);
    const shape = channels === 1 ? [count, height, width] : [count, height, width, channels];
    await write(request.out, encodeIdx(shape, unscaleToBytes(values)));
    if (classes) await write(labelsPath(request.out), encodeIdx([count], Uint8Array.from(classes)));
  }
  const drawn = classes ? `, classes ${[...new Set(classes)].join(', ')}` : '';
  const labels = classes && format !== 'png' ? labelsPath(request.out) : undefined;
  console.error(
    `wrote ${count} samples to ${request.out}${labels ? ` (labels in ${labels})` : ''}${drawn}`,
  );
  return {
    out: request.out,
    ...(labels && { labels }),
    count,
    seed: request.seed,
    imageShape: [height, width, channels],
    ...(classes && { classes }),
    generator:
      generatorDir ?? `pretrained:${(source as { pretrained: PretrainedName }).pretrained}`,
  };
}
