import * as tf from '@tensorflow/tfjs-layers';
import type { ConditionalConfig } from './config.js';

/** How a model is built, beside the spec's architecture. */
export interface BuildOptions {
  /**
   * Seed of the weights' initial values (the spec's: Glorot uniform, as Keras; Radford's: normals,
   * as PyTorch's `weights_init`); unseeded when absent.
   */
  seed?: number;
  /** The class-conditional variant (`SpecModelConfig.conditional`); absent: the spec's model. */
  conditional?: ConditionalConfig;
}

export type KernelInitializer = ReturnType<typeof tf.initializers.glorotUniform> | 'glorotUniform';

/** Glorot-uniform initializers, one per call; seeded `seed`, `seed + 1`, … when a seed is given. */
export function kernelInitializers(seed?: number): () => KernelInitializer {
  let layer = 0;
  return () =>
    seed === undefined ? 'glorotUniform' : tf.initializers.glorotUniform({ seed: seed + layer++ });
}

/**
 * pytorch/examples' `weights_init` for the Radford DCGAN: convolution kernels N(0, stddev) and
 * BatchNorm gammas N(1, stddev) (betas stay zeros, Keras's default as PyTorch's). One initializer
 * per call, drawn from one counter: seeded `seed`, `seed + 1`, … in build order when a seed is given.
 */
export function radfordInitializers(seed: number | undefined, stddev: number) {
  let layer = 0;
  const normal = (mean: number) =>
    tf.initializers.randomNormal({
      mean,
      stddev,
      ...(seed !== undefined && { seed: seed + layer++ }),
    });
  return { kernel: () => normal(0), gamma: () => normal(1) };
}
