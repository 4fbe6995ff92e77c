import type { ImageFileInput } from '@dcgan/data';
import type { ModelConfig } from '@dcgan/models';
import type { StepMetrics } from '@dcgan/train';
import type * as tf from '@tensorflow/tfjs-core';

/** What to do when the reader's pictures give nothing to train on. */
export const PICTURES_ADVICE =
  'Pick a folder of PNG, JPEG or WebP pictures, or drop them on the box.';

/** What a run trains on: MNIST from this site, or the reader's own pictures. */
export type TrainData =
  | { kind: 'mnist' }
  | {
      kind: 'pictures';
      /** Picked or dropped files, paths from the folder picked or dropped; unreadable ones skipped. */
      files: ImageFileInput[];
      /** Side of the square images: 32, 64 or 128, the sizes the Radford DCGAN is built for. */
      imageSize: number;
      /** 1 grey, 3 colour. */
      channels: 1 | 3;
      /** DiffAugment `color,translation,cutout`, so that the discriminator cannot memorise a small set. */
      augment: boolean;
    };

/** Why the page asks for the generator's files. */
export type ExportPurpose = 'save' | 'download';

/** What the page asks of the training worker (train-worker.ts). */
export type ToWorker =
  | {
      type: 'train';
      /** The page's backend: the worker starts the same one (or says why it fell back). */
      backend: string;
      /** Read when a run begins; a run keeps its data until "Start over". */
      data: TrainData;
      batchSize: number;
      sampleInterval: number;
      iterations: number;
    }
  | { type: 'stop' }
  | { type: 'reset' }
  /** Send the generator's weights now and with every sample from now on. */
  | { type: 'follow' }
  /** Send the generator's files (topology and weights) now. */
  | { type: 'export'; purpose: ExportPurpose };

/** What the training worker tells the page. */
export type FromWorker =
  | { type: 'status'; text: string }
  /** The reader's pictures as read: how many, and the paths of the first files skipped. */
  | { type: 'pictures'; count: number; skipped: number; firstSkipped: string[] }
  /** A new run of `model`: the view starts over. */
  | { type: 'begun'; backend: string; model: ModelConfig }
  /** One iteration; `tensors` is the worker's `tf.memory().numTensors` after it. */
  | {
      type: 'step';
      step: number;
      metrics: StepMetrics;
      iterationsPerSecond: number;
      tensors: number;
    }
  /** A grid's images `shape` (`[count, size, size, channels]`) in [-1, 1], flat. */
  | { type: 'sample'; step: number; values: Float32Array; shape: number[] }
  /** The generator's weights (`getWeights()` order, moving statistics too), flat, with their shapes. */
  | { type: 'weights'; values: Float32Array[]; shapes: number[][] }
  /** The generator's files, as `model.save` writes them. */
  | { type: 'generator'; purpose: ExportPurpose; artifacts: tf.io.ModelArtifacts }
  /** The generator's files could not be written out: nothing was saved. */
  | { type: 'export-failed'; message: string }
  | { type: 'ended'; step: number; stopped: boolean }
  | { type: 'error'; message: string; advice?: string };
