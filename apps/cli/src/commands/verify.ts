import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkModelDir } from '@dcgan/models/node';
import {
  checkManifest,
  describeCheck,
  listCheckpointFolders,
  listSetAsideCheckpoints,
  readCheckpointState,
} from '@dcgan/train/node';
import { startBackend } from '../backend.js';

/** One line of `dcgan verify`: an item checked and what was found. */
export interface VerifyLine {
  status: 'ok' | 'unverified' | 'FAILED' | 'set aside';
  path: string;
  detail: string;
}

/** The model folders a checkpoint may hold. */
const CHECKPOINT_MODELS = ['generator', 'discriminator', 'average-generator'];

/**
 * `dcgan verify PATH...`: checks every checkpoint of a run folder (files against their manifest,
 * state, models), a checkpoint folder, or an exported model folder (`model.json` and weights,
 * all finite); a folder of such folders is checked one by one. Prints a line an item, or with
 * `json` one JSON document of every line on stdout.
 * @returns the exit code: 1 when an item fails, else 0
 */
export async function runVerify(
  paths: string[],
  options: { json?: boolean } = {},
): Promise<number> {
  await startBackend('cpu');
  const lines: VerifyLine[] = [];
  for (const path of paths) {
    for (const line of await verifyPath(path)) {
      lines.push(line);
      const text = `${line.status.padEnd(10)} ${line.path}: ${line.detail}`;
      if (options.json) console.error(text);
      else console.log(text);
    }
  }
  const failed = lines.filter((line) => line.status === 'FAILED').length;
  console.error(failed > 0 ? `${failed} item(s) failed` : 'every item passed');
  if (options.json)
    console.log(JSON.stringify({ passed: failed === 0, failed, items: lines }, null, 2));
  return failed > 0 ? 1 : 0;
}

/** The lines for one path given on the command line. */
export async function verifyPath(path: string): Promise<VerifyLine[]> {
  if (!existsSync(path) || !statSync(path).isDirectory())
    return [{ status: 'FAILED', path, detail: 'not a folder' }];
  if (existsSync(join(path, 'model.json'))) return [await verifyModel(path)];
  if (isCheckpoint(path)) return [await verifyCheckpoint(path)];
  if (existsSync(join(path, 'config.json')) || existsSync(join(path, 'checkpoints')))
    return verifyRun(path);
  const inside = (await readdir(path, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(path, entry.name))
    .filter((dir) => existsSync(join(dir, 'model.json')) || isCheckpoint(dir));
  if (inside.length === 0) {
    const detail =
      'neither a run (config.json), a checkpoint (state.json) nor a model (model.json)';
    return [{ status: 'FAILED', path, detail }];
  }
  return (await Promise.all(inside.map(verifyPath))).flat();
}

const isCheckpoint = (dir: string) =>
  existsSync(join(dir, 'state.json')) || existsSync(join(dir, 'manifest.json'));

/** Every checkpoint of a run, the damaged ones set aside, and model folders beside them. */
async function verifyRun(runDir: string): Promise<VerifyLine[]> {
  const lines: VerifyLine[] = [];
  const checkpoints = await listCheckpointFolders(runDir);
  if (checkpoints.length === 0)
    lines.push({ status: 'ok', path: runDir, detail: 'no checkpoint yet' });
  for (const checkpoint of checkpoints) lines.push(await verifyCheckpoint(checkpoint));
  const best = join(runDir, 'checkpoints', 'best');
  if (isCheckpoint(best)) lines.push(await verifyCheckpoint(best));
  for (const aside of await listSetAsideCheckpoints(runDir)) {
    lines.push({ status: 'set aside', path: aside, detail: 'damaged, kept for a look' });
  }
  for (const entry of await readdir(runDir, { withFileTypes: true })) {
    const dir = join(runDir, entry.name);
    if (entry.isDirectory() && existsSync(join(dir, 'model.json')))
      lines.push(await verifyModel(dir));
  }
  return lines;
}

/** A checkpoint: its files against the manifest, its state, and each model in it. */
async function verifyCheckpoint(dir: string): Promise<VerifyLine> {
  const check = await checkManifest(dir);
  if (check.kind === 'damaged')
    return { status: 'FAILED', path: dir, detail: describeCheck(check) };
  try {
    const state = await readCheckpointState(dir);
    const models = CHECKPOINT_MODELS.filter((name) => existsSync(join(dir, name)));
    for (const name of models) await checkModelDir(join(dir, name));
    const detail = `iteration ${state.step}, ${describeCheck(check)}, ${models.join(', ')} load`;
    return { status: check.kind === 'verified' ? 'ok' : 'unverified', path: dir, detail };
  } catch (error) {
    return { status: 'FAILED', path: dir, detail: (error as Error).message };
  }
}

/** An exported model folder: it loads, and its weights are finite. */
async function verifyModel(dir: string): Promise<VerifyLine> {
  try {
    const { weights, parameters } = await checkModelDir(dir);
    const detail = `model loads: ${weights} weights, ${parameters} values, all finite`;
    return { status: 'ok', path: dir, detail };
  } catch (error) {
    return { status: 'FAILED', path: dir, detail: (error as Error).message };
  }
}
