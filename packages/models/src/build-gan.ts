import * as tf from '@tensorflow/tfjs-layers';

/**
 * Builds the combined model of SPEC.md: z `[batch, latentSize]` -> generator -> discriminator -> P(real)
 * `[batch, 1]`. The discriminator is frozen (`trainable = false`) before the GAN is made, so the GAN's
 * trainable weights are the generator's alone; the discriminator stays trainable on its own
 * (its trainable weights were collected when it was built and are read back by `trainableOf`).
 */
export function buildGan(generator: tf.LayersModel, discriminator: tf.LayersModel): tf.LayersModel {
  const generatorOutput = generator.outputs[0]?.shape;
  const discriminatorInput = discriminator.inputs[0]?.shape;
  if (JSON.stringify(generatorOutput) !== JSON.stringify(discriminatorInput)) {
    throw new Error(
      `the generator's output [${generatorOutput}] does not fit the discriminator's input [${discriminatorInput}]`,
    );
  }
  discriminator.trainable = false;
  const z = tf.input({ shape: generator.inputs[0]?.shape.slice(1) as number[], name: 'gan_z' });
  const probability = discriminator.apply(generator.apply(z)) as tf.SymbolicTensor;
  return tf.model({ inputs: z, outputs: probability, name: 'gan' });
}
