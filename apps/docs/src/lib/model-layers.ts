import { buildModels, defaultModelConfigFor, type ModelSummary, summarize } from '@dcgan/models';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';

/** Both models of one image size and channel count, summarized layer by layer. */
export interface ModelFamilyMember {
  imageSize: number;
  channels: number;
  generator: ModelSummary;
  discriminator: ModelSummary;
}

const cache = new Map<string, ModelFamilyMember>();

/**
 * Builds the models `dcgan train --image-size <imageSize> --channels <channels>` trains (the spec's
 * DCGAN for 28, Radford et al.'s for 32, 64 and 128) when the site is built, and summarizes them:
 * the pages draw what the code builds.
 */
export async function modelLayers(imageSize: number, channels: number): Promise<ModelFamilyMember> {
  const key = `${imageSize}x${channels}`;
  const cached = cache.get(key);
  if (cached) return cached;
  await tf.setBackend('cpu');
  const { generator, discriminator } = buildModels(defaultModelConfigFor(imageSize, channels), {
    seeds: { generator: 1, discriminator: 2 },
  });
  const member = {
    imageSize,
    channels,
    generator: summarize(generator),
    discriminator: summarize(discriminator),
  };
  generator.dispose();
  discriminator.dispose();
  cache.set(key, member);
  return member;
}
