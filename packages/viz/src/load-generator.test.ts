import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateValues } from './generate-values.js';
import { loadGenerator } from './load-generator.js';

describe('loadGenerator', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('loads pretrained:mnist through @dcgan/models, draws digits and frees it', async () => {
    const before = tf.memory().numTensors;
    const generator = await loadGenerator('pretrained:mnist');
    const images = await generateValues(generator, 4, 1);
    expect([images.count, images.size]).toEqual([4, 28]);
    // Digits: mostly background near -1, some strokes near 1.
    const dark = images.values.filter((v) => v < -0.9).length / images.values.length;
    const bright = images.values.filter((v) => v > 0.5).length / images.values.length;
    expect(dark).toBeGreaterThan(0.5);
    expect(bright).toBeGreaterThan(0.03);
    generator.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('loads the conditional one, which takes a class', async () => {
    const generator = await loadGenerator('pretrained:mnist-conditional');
    expect(generator.inputs.length).toBe(2);
    generator.dispose();
  });

  it('names the src and the shipped generators when the name is unknown', async () => {
    await expect(loadGenerator('pretrained:cifar')).rejects.toThrow(
      /cannot load the generator pretrained:cifar: .*no pretrained generator "cifar" \(expected mnist, mnist-conditional\)/,
    );
  });

  it('names the src when a URL cannot be loaded', async () => {
    await expect(loadGenerator('indexeddb://nothing-here')).rejects.toThrow(
      /^cannot load the generator indexeddb:\/\/nothing-here: /,
    );
  });
});
