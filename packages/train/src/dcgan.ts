import { SeededRandom } from '@dcgan/data';
import { FusedAdamOptimizer } from '@dcgan/kernels';
import {
  buildDiscriminatorFor,
  buildGan,
  buildGeneratorFor,
  defaultModelConfig,
  type ModelConfig,
} from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import * as tfl from '@tensorflow/tfjs-layers';
import { type AugmentPolicy, augments } from './augment/augment-policy.js';
import { createAverageGenerator } from './average-generator.js';
import type { TrainConfig } from './config.js';

/** The three models of SPEC.md and one Adam optimizer for each trained model. */
export interface Dcgan {
  generator: LayersModel;
  discriminator: LayersModel;
  /** generator -> frozen discriminator: its trainable weights are the generator's. */
  gan: LayersModel;
  generatorOptimizer: tf.AdamOptimizer;
  discriminatorOptimizer: tf.AdamOptimizer;
  /** The moving average of the generator's weights, when `averageDecay` is above 0. */
  average?: { generator: LayersModel; decay: number };
  /** The reals' target in the discriminator's loss: 1, or less with label smoothing. */
  realLabel: number;
  /**
   * The discriminator without its last sigmoid, for the Radford models: their losses are taken
   * from logits, as PyTorch's, so that a confident discriminator still gives the generator a
   * gradient (the spec's model keeps Keras's loss on probabilities). Shares its layers.
   */
  discriminatorLogits?: LayersModel;
  /**
   * The augmentation of every batch the discriminator sees, when `train.augment` asks for one, and
   * the seeded random stream its draws come from (saved with checkpoints, so runs resume exactly).
   */
  augment?: { policy: AugmentPolicy; random: SeededRandom };
}

/**
 * Builds the generator, the discriminator and the GAN (in that order, as SPEC.md: the discriminator
 * exists, then is frozen inside the GAN), and their Adam optimizers; the class-conditional variant
 * when `models.conditional` is set.
 * Weights are drawn from the backend's random generator: seed it (`tf.util` has none) by building
 * with `createDcgan` right after `tf.setBackend`, or load a checkpoint.
 */
export function createDcgan(
  train: Pick<TrainConfig, 'learningRate' | 'beta1' | 'beta2' | 'epsilon'> &
    Partial<
      Pick<
        TrainConfig,
        | 'generatorLearningRate'
        | 'discriminatorLearningRate'
        | 'averageDecay'
        | 'labelSmoothing'
        | 'augment'
        | 'seed'
      >
    >,
  models: ModelConfig = defaultModelConfig(),
  built?: { generator: LayersModel; discriminator: LayersModel; averageGenerator?: LayersModel },
): Dcgan {
  checkGradientsRegistered();
  const { conditional } = models;
  const generator = built?.generator ?? buildGeneratorFor(models, { conditional });
  const discriminator = built?.discriminator ?? buildDiscriminatorFor(models, { conditional });
  const gan = buildGan(generator, discriminator);
  const adam = (rate = 0) =>
    new FusedAdamOptimizer(rate || train.learningRate, train.beta1, train.beta2, train.epsilon);
  const decay = train.averageDecay ?? 0;
  const average =
    decay > 0
      ? {
          generator: built?.averageGenerator ?? createAverageGenerator(generator, models),
          decay,
        }
      : undefined;
  return {
    generator,
    discriminator,
    gan,
    generatorOptimizer: adam(train.generatorLearningRate),
    discriminatorOptimizer: adam(train.discriminatorLearningRate),
    ...(average && { average }),
    realLabel: 1 - (train.labelSmoothing ?? 0),
    ...(models.architecture === 'radford' && {
      discriminatorLogits: withoutSigmoid(discriminator),
    }),
    ...(train.augment &&
      augments(train.augment) && {
        // A stream of its own, so that turning augmentation on changes no other draw.
        augment: { policy: train.augment, random: new SeededRandom((train.seed ?? 0) + 501) },
      }),
  };
}

/** Frees the models' weights and the optimizers' moments. */
export function disposeDcgan(dcgan: Dcgan): void {
  dcgan.gan.dispose();
  dcgan.average?.generator.dispose();
  dcgan.generatorOptimizer.dispose();
  dcgan.discriminatorOptimizer.dispose();
}

/**
 * tfjs-core's own entry registers no gradients; the `@tensorflow/tfjs` bundle (and tfjs-node, which
 * loads it) does. Fail early, with the fix, rather than at the first step.
 */
function checkGradientsRegistered(): void {
  if (!tf.getGradient('Conv2D')) {
    throw new Error(
      "TensorFlow.js gradients are not registered: import '@tensorflow/tfjs' once before training " +
        "(or, with a bundler, '@tensorflow/tfjs-core/dist/register_all_gradients')",
    );
  }
}

/** A model of `discriminator`'s layers but its last, a sigmoid: its logits `[batch, 1]`. */
function withoutSigmoid(discriminator: LayersModel): LayersModel {
  const last = discriminator.layers.at(-1);
  const config = last?.getConfig() as { activation?: string } | undefined;
  if (last?.getClassName() !== 'Activation' || config?.activation !== 'sigmoid')
    throw new Error(`${discriminator.name}: expected a last sigmoid layer, got ${last?.name}`);
  return tfl.model({
    inputs: discriminator.inputs,
    outputs: last.inboundNodes[0]?.inputTensors[0] as tfl.SymbolicTensor,
    name: `${discriminator.name}_logits`,
  });
}
