import type { SamplerState } from '@dcgan/data';
import type { ModelConfig } from '@dcgan/models';
import type { TrainConfig } from './config.js';

/** Everything beside the models and optimizers that a resumed run needs. */
export interface CheckpointState {
  step: number;
  /** State of the random generator that seeds each draw of noise. */
  noiseRandomState: number;
  /** State of the augmentation's random draws, in a run that augments (`train.augment`). */
  augmentRandomState?: number;
  samplerState: SamplerState;
  config: { data: unknown; model: ModelConfig; train: TrainConfig };
  /** `manifest.json` when the checkpoint was sealed by one (absent in older checkpoints). */
  manifest?: string;
}

const SAMPLER_FIELDS = ['epochRandomState', 'position', 'epoch', 'count'] as const;

/**
 * Parses a checkpoint's `state.json`, refusing with an error that names `path` and the field
 * anything that is not JSON of the shape `saveCheckpoint` writes.
 */
export function parseCheckpointState(text: string, path: string): CheckpointState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const state = value as CheckpointState;
  const fail = (field: string, expected: string) =>
    new Error(`${path}: expected ${field} to be ${expected}, got ${describe(field, state)}`);
  if (typeof state !== 'object' || state === null || Array.isArray(state))
    throw new Error(`${path}: expected a JSON object of checkpoint state`);
  if (!isCount(state.step)) throw fail('step', 'an integer >= 0');
  if (!Number.isFinite(state.noiseRandomState)) throw fail('noiseRandomState', 'a number');
  if (state.augmentRandomState !== undefined && !Number.isFinite(state.augmentRandomState))
    throw fail('augmentRandomState', 'a number');
  if (!isObject(state.samplerState)) throw fail('samplerState', 'an object');
  for (const key of SAMPLER_FIELDS) {
    if (!isCount(state.samplerState[key])) throw fail(`samplerState.${key}`, 'an integer >= 0');
  }
  if (!isObject(state.config)) throw fail('config', 'an object');
  for (const key of ['model', 'train'] as const) {
    if (!isObject(state.config[key])) throw fail(`config.${key}`, 'an object');
  }
  return state;
}

const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a dotted field of `state`, as short JSON. */
function describe(field: string, state: unknown): string {
  const value = field
    .split('.')
    .reduce<unknown>((object, key) => (isObject(object) ? object[key] : undefined), state);
  return value === undefined ? 'nothing' : String(JSON.stringify(value)).slice(0, 80);
}
