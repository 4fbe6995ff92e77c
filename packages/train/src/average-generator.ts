import { buildGeneratorFor, classCountOf, type ModelConfig } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';

/**
 * A second generator whose weights (BatchNorm's moving statistics included) start as a copy of
 * `generator`'s; `updateAverageGenerator` then keeps them an exponential moving average of the
 * trained weights, which draws cleaner images than the last step's weights. A conditional
 * generator gets a conditional average.
 */
export function createAverageGenerator(generator: LayersModel, config: ModelConfig): LayersModel {
  const classes = classCountOf(generator);
  const average = buildGeneratorFor(config, {
    seed: 1,
    ...(classes !== undefined && { conditional: { classes } }),
  });
  tf.tidy(() => {
    for (const [i, weight] of average.weights.entries()) weight.write(weightOf(generator, i));
  });
  return average;
}

/**
 * One step of the moving average: `average = decay * average + (1 - decay) * generator`, weight by
 * weight. Leaves no tensor behind.
 */
export function updateAverageGenerator(
  average: LayersModel,
  generator: LayersModel,
  decay: number,
): void {
  tf.tidy(() => {
    const keep = tf.scalar(decay);
    const take = tf.scalar(1 - decay);
    for (const [i, weight] of average.weights.entries()) {
      weight.write(tf.add(tf.mul(weight.read(), keep), tf.mul(weightOf(generator, i), take)));
    }
  });
}

function weightOf(model: LayersModel, index: number): tf.Tensor {
  const weight = model.weights[index];
  if (!weight) throw new Error(`the average generator has more weights than the generator`);
  return weight.read();
}

/**
 * The decay of the update after `step` iterations: `decay`, or less early in a run, as TensorFlow's
 * `ExponentialMovingAverage` with `num_updates`: min(decay, (1 + step) / (10 + step)). An average
 * kept from the first iteration then forgets the random initial weights within a few hundred
 * iterations; at a fixed 0.999 they would still weigh e^-1 after 1,000.
 */
export function averageDecayAt(decay: number, step: number): number {
  return Math.min(decay, (1 + step) / (10 + step));
}
