import type { StepMetrics } from '@dcgan/train';

/** What the page asks of the training worker (train-worker.ts). */
export type ToWorker =
  | {
      type: 'train';
      /** The page's backend: the worker starts the same one (or says why it fell back). */
      backend: string;
      batchSize: number;
      sampleInterval: number;
      iterations: number;
    }
  | { type: 'stop' }
  | { type: 'reset' }
  /** Send the generator's weights now and with every sample from now on. */
  | { type: 'follow' };

/** What the training worker tells the page. */
export type FromWorker =
  | { type: 'status'; text: string }
  /** A new run: the view starts over. */
  | { type: 'begun'; backend: string }
  | { type: 'step'; step: number; metrics: StepMetrics; iterationsPerSecond: number }
  /** A grid's images `[count, 28, 28, 1]` in [-1, 1], flat. */
  | { type: 'sample'; step: number; values: Float32Array; count: number }
  /** The generator's weights (`getWeights()` order, moving statistics too), flat, with their shapes. */
  | { type: 'weights'; values: Float32Array[]; shapes: number[][] }
  | { type: 'ended'; step: number; stopped: boolean }
  | { type: 'error'; message: string };
