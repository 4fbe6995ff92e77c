import * as tf from '@tensorflow/tfjs-layers';
import { CLASS_INPUT, classCountOf } from './conditional.js';

/**
 * Builds the combined model of SPEC.md: z `[batch, latentSize]` -> generator -> discriminator -> P(real)
 * `[batch, 1]`. The discriminator is frozen (`trainable = false`) before the GAN is made, so the GAN's
 * trainable weights are the generator's alone; the discriminator stays trainable on its own
 * (its trainable weights were collected when it was built and are read back by `trainableOf`).
 * Conditional models (both or neither): inputs z and the class one-hot `[batch, classes]`, the class
 * going to both the generator and the discriminator.
 */
export function buildGan(generator: tf.LayersModel, discriminator: tf.LayersModel): tf.LayersModel {
  const generatorOutput = generator.outputs[0]?.shape;
  const discriminatorInput = discriminator.inputs[0]?.shape;
  if (JSON.stringify(generatorOutput) !== JSON.stringify(discriminatorInput)) {
    throw new Error(
      `the generator's output [${generatorOutput}] does not fit the discriminator's input [${discriminatorInput}]`,
    );
  }
  const classes = classCountOf(generator);
  if (classes !== classCountOf(discriminator)) {
    throw new Error(
      `the generator takes ${classes ?? 'no'} classes and the discriminator ${classCountOf(discriminator) ?? 'none'}: build both conditional, with the same classes, or neither`,
    );
  }
  discriminator.trainable = false;
  const z = tf.input({ shape: generator.inputs[0]?.shape.slice(1) as number[], name: 'gan_z' });
  if (classes === undefined) {
    const probability = discriminator.apply(generator.apply(z)) as tf.SymbolicTensor;
    return tf.model({ inputs: z, outputs: probability, name: 'gan' });
  }
  const label = tf.input({ shape: [classes], name: `gan_${CLASS_INPUT}` });
  const fakes = generator.apply([z, label]) as tf.SymbolicTensor;
  const probability = discriminator.apply([fakes, label]) as tf.SymbolicTensor;
  return tf.model({ inputs: [z, label], outputs: probability, name: 'gan' });
}
