import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDiscriminator } from './build-discriminator.js';
import { buildGenerator } from './build-generator.js';
import { buildRadfordDiscriminator } from './build-radford-discriminator.js';
import { buildRadfordGenerator } from './build-radford-generator.js';
import { imageShapeOf } from './image-shape.js';
import { useCpuBackend } from './test-backend.js';

describe('imageShapeOf a model', () => {
  beforeAll(useCpuBackend);

  it("reads a generator's images from its output and a discriminator's from its input", () => {
    const conditional = { classes: 10 };
    const models = [
      [buildGenerator(), [28, 28, 1]],
      [buildDiscriminator({}, { conditional }), [28, 28, 1]],
      [buildRadfordGenerator({ imageSize: 32, channels: 1, generatorWidth: 2 }), [32, 32, 1]],
      [
        buildRadfordGenerator({ imageSize: 128, generatorWidth: 2 }, { conditional }),
        [128, 128, 3],
      ],
      [buildRadfordDiscriminator({ imageSize: 64, discriminatorWidth: 2 }), [64, 64, 3]],
    ] as const;
    for (const [model, shape] of models) {
      expect(imageShapeOf(model)).toEqual(shape);
      model.dispose();
    }
  });

  it('names a model that neither draws nor takes images', () => {
    const dense = tfl.sequential({
      name: 'dense',
      layers: [tfl.layers.dense({ inputShape: [3], units: 2 })],
    });
    expect(() => imageShapeOf(dense)).toThrow(
      'model dense neither draws nor takes images [batch, height, width, channels] of a known size (it maps [batch, 3] to [batch, 2])',
    );
    dense.dispose();
  });
});
