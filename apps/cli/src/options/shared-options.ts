import { PRETRAINED_NAMES } from '@dcgan/models';
import { Option } from 'commander';
import { BACKENDS } from '../backend.js';

/** `--backend`, for every command that runs a model. */
export const backendOption = () =>
  new Option(
    '--backend <name>',
    'TensorFlow.js backend: auto picks tfjs-node-gpu, a hardware WebGPU adapter, tfjs-node, then wasm',
  )
    .choices(BACKENDS as unknown as string[])
    .default('auto');

/** `--pretrained NAME`: a generator that ships with @dcgan/models. */
export const pretrainedOption = () =>
  new Option(
    '--pretrained <name>',
    'a generator that ships with @dcgan/models, instead of a folder',
  ).choices(PRETRAINED_NAMES);

/** `--json`: one JSON document on stdout, the human text on stderr. */
export const jsonOption = () =>
  new Option('--json', 'print one JSON document on stdout (the human text goes to stderr)');
