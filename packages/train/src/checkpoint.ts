import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDiscriminatorFromDir, loadGeneratorFromDir, saveModelToDir } from '@dcgan/models/node';
import * as tf from '@tensorflow/tfjs-core';
import { assertManifest, MANIFEST_FILE, writeManifest } from './checkpoint-manifest.js';
import { type CheckpointState, parseCheckpointState } from './checkpoint-state.js';
import { completeTrainConfig, type TrainConfig } from './config.js';
import { createDcgan, type Dcgan } from './dcgan.js';
import { encodeAdamState, setAdamState } from './optimizer-state.js';

export type { CheckpointState };

const CHECKPOINTS = 'checkpoints';
const STATE_FILE = 'state.json';
/** The folder of the generator's moving average in a checkpoint (with `train.averageDecay` > 0). */
export const AVERAGE_GENERATOR = 'average-generator';
const name = (step: number) => `step-${String(step).padStart(7, '0')}`;

/**
 * Saves the whole training state under `RUN_DIR/checkpoints/step-NNNNNNN/` atomically: it is written
 * in a temporary folder, sealed by a `manifest.json` of every file's size and SHA-256 written last,
 * then renamed. Older checkpoints beyond `keep` are removed (never one set aside as damaged).
 * @returns the checkpoint's folder
 */
export async function saveCheckpoint(
  runDir: string,
  dcgan: Dcgan,
  state: CheckpointState,
  keep: number,
): Promise<string> {
  const root = join(runDir, CHECKPOINTS);
  const target = join(root, name(state.step));
  const temporary = `${target}.tmp-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  await saveModelToDir(dcgan.generator, join(temporary, 'generator'));
  await saveModelToDir(dcgan.discriminator, join(temporary, 'discriminator'));
  if (dcgan.average)
    await saveModelToDir(dcgan.average.generator, join(temporary, AVERAGE_GENERATOR));
  for (const [file, optimizer] of [
    ['generator-optimizer', dcgan.generatorOptimizer],
    ['discriminator-optimizer', dcgan.discriminatorOptimizer],
  ] as const) {
    const { data, specs } = await encodeAdamState(optimizer);
    await writeFile(join(temporary, `${file}.bin`), new Uint8Array(data));
    await writeFile(join(temporary, `${file}.json`), JSON.stringify(specs));
  }
  const sealed: CheckpointState = {
    ...state,
    ...(dcgan.augment && { augmentRandomState: dcgan.augment.random.getState() }),
    manifest: MANIFEST_FILE,
  };
  await writeFile(join(temporary, STATE_FILE), JSON.stringify(sealed, null, 2));
  await writeManifest(temporary);
  await rm(target, { recursive: true, force: true });
  await rename(temporary, target);
  await pruneCheckpoints(root, keep);
  return target;
}

/** The complete checkpoints of a run, oldest first (temporary folders of an interrupted save are not). */
export async function listCheckpoints(runDir: string): Promise<string[]> {
  const root = join(runDir, CHECKPOINTS);
  if (!existsSync(root)) return [];
  const names = (await readdir(root)).filter((n) => /^step-\d+$/.test(n)).sort();
  return names.map((n) => join(root, n)).filter((dir) => existsSync(join(dir, STATE_FILE)));
}

/** The newest complete checkpoint of a run, or undefined. */
export async function latestCheckpoint(runDir: string): Promise<string | undefined> {
  return (await listCheckpoints(runDir)).at(-1);
}

/** Reads a checkpoint's state file alone, without loading any model. */
export async function readCheckpointState(dir: string): Promise<CheckpointState> {
  const path = join(dir, STATE_FILE);
  if (!existsSync(path))
    throw new Error(`${path}: missing checkpoint state (not a checkpoint folder?)`);
  return parseCheckpointState(await readFile(path, 'utf8'), path);
}

/**
 * Loads a checkpoint: the models, the optimizers' moments and the state, ready to train on. Its
 * files are first checked against its manifest: an error names the first that fails.
 * @param overrides training fields to go on with instead of the checkpoint's, recorded in the
 *   returned state's config: other learning rates (the Adam moments are kept), label smoothing,
 *   an average decay (0: none; a checkpoint without an average starts one from its generator)
 */
export async function loadCheckpoint(
  dir: string,
  overrides: Partial<TrainConfig> = {},
): Promise<{ dcgan: Dcgan; state: CheckpointState }> {
  await assertManifest(dir);
  const state = await readCheckpointState(dir);
  const defined = Object.entries(overrides).filter(([, value]) => value !== undefined);
  const train = completeTrainConfig({ ...state.config.train, ...Object.fromEntries(defined) });
  state.config.train = train;
  const generator = await loadGeneratorFromDir(join(dir, 'generator'));
  const discriminator = await loadDiscriminatorFromDir(join(dir, 'discriminator'));
  const averageGenerator =
    train.averageDecay > 0 && existsSync(join(dir, AVERAGE_GENERATOR))
      ? await loadGeneratorFromDir(join(dir, AVERAGE_GENERATOR))
      : undefined;
  const dcgan = createDcgan(train, state.config.model, {
    generator,
    discriminator,
    ...(averageGenerator && { averageGenerator }),
  });
  for (const [file, optimizer] of [
    ['generator-optimizer', dcgan.generatorOptimizer],
    ['discriminator-optimizer', dcgan.discriminatorOptimizer],
  ] as const) {
    const specs = JSON.parse(
      await readFile(join(dir, `${file}.json`), 'utf8'),
    ) as tf.io.WeightsManifestEntry[];
    const data = await readFile(join(dir, `${file}.bin`));
    const named = tf.io.decodeWeights(
      data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
      specs,
    );
    await setAdamState(
      optimizer,
      specs.map((spec) => ({ name: spec.name, tensor: named[spec.name] as tf.Tensor })),
    );
    tf.dispose(Object.values(named));
  }
  if (dcgan.augment && state.augmentRandomState !== undefined)
    dcgan.augment.random.setState(state.augmentRandomState);
  return { dcgan, state };
}

async function pruneCheckpoints(root: string, keep: number): Promise<void> {
  const names = (await readdir(root)).filter((n) => /^step-\d+$/.test(n)).sort();
  for (const old of names.slice(0, Math.max(0, names.length - keep))) {
    await rm(join(root, old), { recursive: true, force: true });
  }
}

/** Removes the temporary folders that an interrupted save left behind. */
export async function removeIncompleteCheckpoints(runDir: string): Promise<void> {
  const root = join(runDir, CHECKPOINTS);
  if (!existsSync(root)) return;
  for (const entry of await readdir(root)) {
    if (entry.includes('.tmp-')) await rm(join(root, entry), { recursive: true, force: true });
  }
}
