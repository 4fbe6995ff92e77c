import * as tf from '@tensorflow/tfjs-layers';
import type { ConditionalConfig } from './config.js';

/** How a model is built, beside the spec's architecture. */
export interface BuildOptions {
  /** Seed of the weights' initial values (Glorot uniform, as Keras); unseeded when absent. */
  seed?: number;
  /** The class-conditional variant (`ModelConfig.conditional`); absent: the spec's model. */
  conditional?: ConditionalConfig;
}

export type KernelInitializer = ReturnType<typeof tf.initializers.glorotUniform> | 'glorotUniform';

/** Glorot-uniform initializers, one per call; seeded `seed`, `seed + 1`, … when a seed is given. */
export function kernelInitializers(seed?: number): () => KernelInitializer {
  let layer = 0;
  return () =>
    seed === undefined ? 'glorotUniform' : tf.initializers.glorotUniform({ seed: seed + layer++ });
}
