import { type GeneratorPass, generatorPass } from '@dcgan/models/internal';
import * as tf from '@tensorflow/tfjs-core';
import { diffAugment } from './augment/diff-augment.js';
import { type GeneratorInput, imagesOf, type RealBatch, withClassesOf } from './conditioning.js';
import type { Dcgan } from './dcgan.js';
import { accuracy, binaryCrossEntropy, binaryCrossEntropyWithLogits } from './losses.js';
import { keepMovingStatistics, withTrainable } from './model-state.js';
import { readScalars } from './read-scalars.js';
import { withUnfusedConvolutions } from './unfused-convolutions.js';

/** What one training iteration measured. */
export interface StepMetrics {
  /** Discriminator loss: mean of its cross-entropy on the reals and on the fakes. */
  discriminatorLoss: number;
  /** Share of reals called real and fakes called fake by the discriminator, before its update. */
  discriminatorAccuracy: number;
  /** Generator loss: cross-entropy of the discriminator's verdict on new fakes against "real". */
  generatorLoss: number;
}

// BatchNorm mode, the pitfall the spec names: both steps run every model in training mode (batch
// statistics), never on the moving averages, so that the fakes the discriminator learns from are
// made by the same function that the generator step then trains, and the frozen discriminator in
// the GAN judges fakes as it did in its own step (Keras's predict() would use the generator's
// lagging moving averages, and training can stall). Moving averages are kept for sampling and
// evaluation, each model's only in its own step. The discriminator sees reals and fakes as two
// batches, each normalized by its own statistics, as the Keras original does: one mixed batch lets
// it win the game (the docs' results page has the measurement).

/**
 * The discriminator's objective on reals `[batch, 28, 28, 1]` (label `dcgan.realLabel`: 1, or less
 * with one-sided label smoothing) and fakes (label 0), each
 * batch through the discriminator on its own (as the Keras original): the mean of the two losses.
 * `accuracy` receives the share it got right. Runs the discriminator in training mode.
 * A conditional discriminator takes each batch with its classes (`RealBatch`).
 */
export function discriminatorObjective(
  dcgan: Dcgan,
  reals: RealBatch,
  fakes: RealBatch,
  accuracyOut?: (right: tf.Scalar) => void,
): () => tf.Scalar {
  const { judge, loss, boundary } = judgeOf(dcgan);
  return () => {
    const onReals = judge.apply(augmented(dcgan, reals), { training: true }) as tf.Tensor;
    const onFakes = judge.apply(augmented(dcgan, fakes), { training: true }) as tf.Tensor;
    accuracyOut?.(
      tf.div(
        tf.add(accuracy(onReals, 1, boundary), accuracy(onFakes, 0, boundary)),
        2,
      ) as tf.Scalar,
    );
    return tf.div(tf.add(loss(onReals, dcgan.realLabel), loss(onFakes, 0)), 2) as tf.Scalar;
  };
}

/**
 * What the discriminator's verdicts are taken from: its logits with a loss on logits (the Radford
 * models), or its probabilities with Keras's loss (the spec's).
 */
function judgeOf(dcgan: Dcgan) {
  return dcgan.discriminatorLogits
    ? { judge: dcgan.discriminatorLogits, loss: binaryCrossEntropyWithLogits, boundary: 0 }
    : { judge: dcgan.discriminator, loss: binaryCrossEntropy, boundary: 0.5 };
}

/**
 * The generator's objective: fakes `G(z)` through the frozen discriminator towards label 1, as the
 * GAN of SPEC.md computes it (the fakes augmented first when the run augments); the generator's
 * forward pass by `pass` (this iteration's `generatorPass`), else the generator's layers.
 */
export function generatorObjective(
  dcgan: Dcgan,
  z: GeneratorInput,
  pass?: GeneratorPass,
): () => tf.Scalar {
  if (!pass && !dcgan.augment && !dcgan.discriminatorLogits)
    return () => binaryCrossEntropy(dcgan.gan.apply(z, { training: true }) as tf.Tensor, 1);
  const fakes = () =>
    pass ? pass.fakes(z) : (dcgan.generator.apply(z, { training: true }) as tf.Tensor4D);
  const { judge, loss } = judgeOf(dcgan);
  return () =>
    loss(
      judge.apply(augmented(dcgan, withClassesOf(fakes(), z)), { training: true }) as tf.Tensor,
      1,
    );
}

/** A batch as the discriminator sees it: its images augmented when the run augments (DiffAugment). */
function augmented(dcgan: Dcgan, batch: RealBatch): RealBatch {
  if (!dcgan.augment) return batch;
  const { policy, random } = dcgan.augment;
  return Array.isArray(batch)
    ? [diffAugment(batch[0], policy, random), batch[1]]
    : diffAugment(batch, policy, random);
}

/**
 * Fakes `G(z)` `[batch, 28, 28, 1]` as the generator makes them in training mode (by `pass`, this
 * iteration's `generatorPass`, when given), its moving statistics kept.
 */
export function trainingFakes(dcgan: Dcgan, z: GeneratorInput, pass?: GeneratorPass): tf.Tensor4D {
  const { generator } = dcgan;
  return keepMovingStatistics(generator, () =>
    pass ? pass.fakes(z) : (generator.apply(z, { training: true }) as tf.Tensor4D),
  );
}

/**
 * The discriminator's update: one Adam step on `discriminatorObjective` with fakes `G(z)`.
 * The generator is left exactly as it was.
 * @param reals `[batch, 28, 28, 1]` in [-1, 1] (with their classes for a conditional model)
 * @param z noise `[batch, latentSize]` (with the classes of the fakes for a conditional model)
 * @returns the loss and the accuracy before the update, scalars that the caller reads and disposes
 */
function discriminatorUpdate(
  dcgan: Dcgan,
  reals: RealBatch,
  z: GeneratorInput,
  pass: GeneratorPass,
): [loss: tf.Scalar, accuracy: tf.Scalar] {
  return tf.tidy(() => {
    const fakes = withClassesOf(trainingFakes(dcgan, z, pass), z);
    return withTrainable(dcgan.discriminator, (variables) => {
      let right: tf.Scalar | undefined;
      const objective = discriminatorObjective(dcgan, reals, fakes, (r) => {
        right = tf.keep(r);
      });
      const total = withUnfusedConvolutions(
        dcgan.discriminator,
        () => dcgan.discriminatorOptimizer.minimize(objective, true, variables) as tf.Scalar,
      );
      return [total, right as tf.Scalar];
    });
  });
}

/**
 * The generator's update through the GAN: one Adam step on `generatorObjective`; only the generator
 * moves, and the discriminator (weights and moving statistics) is left exactly as it was.
 * @param z noise `[batch, latentSize]` (with the classes to draw for a conditional model)
 * @returns the loss, a scalar that the caller reads and disposes
 */
function generatorUpdate(dcgan: Dcgan, z: GeneratorInput, pass: GeneratorPass): tf.Scalar {
  const variables = dcgan.generator.trainableWeights.map((w) => w.read() as tf.Variable);
  return keepMovingStatistics(dcgan.discriminator, () =>
    withUnfusedConvolutions(dcgan.discriminator, () =>
      tf.tidy(
        () =>
          dcgan.generatorOptimizer.minimize(
            generatorObjective(dcgan, z, pass),
            true,
            variables,
          ) as tf.Scalar,
      ),
    ),
  );
}

/**
 * The discriminator's update (see `discriminatorUpdate`), its loss and accuracy read.
 * @param reals `[batch, 28, 28, 1]` in [-1, 1] (with their classes for a conditional model)
 * @param z noise `[batch, latentSize]` (with the classes of the fakes for a conditional model)
 */
export async function discriminatorStep(
  dcgan: Dcgan,
  reals: RealBatch,
  z: GeneratorInput,
): Promise<{ loss: number; accuracy: number }> {
  const pass = generatorPass(dcgan.generator);
  try {
    const [loss = Number.NaN, accuracy = Number.NaN] = await readScalars(
      discriminatorUpdate(dcgan, reals, z, pass),
    );
    return { loss, accuracy };
  } finally {
    pass.dispose();
  }
}

/**
 * The generator's update (see `generatorUpdate`), its loss read.
 * @param z noise `[batch, latentSize]` (with the classes to draw for a conditional model)
 */
export async function generatorStep(dcgan: Dcgan, z: GeneratorInput): Promise<{ loss: number }> {
  const pass = generatorPass(dcgan.generator);
  try {
    const [loss = Number.NaN] = await readScalars([generatorUpdate(dcgan, z, pass)]);
    return { loss };
  } finally {
    pass.dispose();
  }
}

/**
 * One iteration of SPEC.md: the discriminator's update, then the generator's on new noise. Both
 * updates are queued before their losses are read, so that a GPU backend never waits in between.
 * @param reals `[batch, 28, 28, 1]` in [-1, 1] (with their classes for a conditional model); not
 *   disposed here
 * @param noise draws z `[batch, latentSize]` (the caller's seeded source; with the fakes' classes
 *   for a conditional model: `generatorInputSource`); each z is disposed here
 */
export async function trainStep(
  dcgan: Dcgan,
  reals: RealBatch,
  noise: (count: number) => GeneratorInput,
): Promise<StepMetrics> {
  const batch = imagesOf(reals).shape[0];
  const pass = generatorPass(dcgan.generator);
  const z1 = noise(batch);
  const discriminator = discriminatorUpdate(dcgan, reals, z1, pass);
  tf.dispose(z1);
  const z2 = noise(batch);
  const generator = generatorUpdate(dcgan, z2, pass);
  tf.dispose(z2);
  pass.dispose();
  const [
    discriminatorLoss = Number.NaN,
    discriminatorAccuracy = Number.NaN,
    generatorLoss = Number.NaN,
  ] = await readScalars([...discriminator, generator]);
  return { discriminatorLoss, discriminatorAccuracy, generatorLoss };
}
