import { describe, expect, it } from 'vitest';
import { defaultModelConfig } from './config.js';
import { imageShapeOf } from './image-shape.js';
import {
  checkModelConfig,
  defaultModelConfigFor,
  type RadfordModelConfig,
} from './model-config.js';
import { checkRadfordConfig, defaultRadfordConfig } from './radford-config.js';

const radford = (fields: Record<string, unknown>): RadfordModelConfig => ({
  architecture: 'radford',
  radford: { ...defaultRadfordConfig(), ...fields },
});

describe('model configs', () => {
  it("keeps the spec's config as the default for 28x28 grey images, exactly", () => {
    expect(defaultModelConfigFor(28, 1)).toEqual(defaultModelConfig());
    expect(defaultModelConfig()).not.toHaveProperty('architecture');
    expect(imageShapeOf(defaultModelConfig())).toEqual([28, 28, 1]);
    expect(imageShapeOf(defaultModelConfigFor(28, 3))).toEqual([28, 28, 3]);
  });

  it("gives main.py's DCGAN for 32, 64 and 128 px, grey or colour", () => {
    for (const size of [32, 64, 128]) {
      for (const channels of [1, 3]) {
        const config = defaultModelConfigFor(size, channels);
        expect(config).toEqual({
          architecture: 'radford',
          radford: { ...defaultRadfordConfig(), imageSize: size, channels },
        });
        expect(imageShapeOf(config)).toEqual([size, size, channels]);
        expect(() => checkModelConfig(config)).not.toThrow();
      }
    }
    expect(defaultRadfordConfig()).toEqual({
      imageSize: 64,
      channels: 3,
      latentSize: 100,
      generatorWidth: 64,
      discriminatorWidth: 64,
      leakySlope: 0.2,
      batchNormMomentum: 0.9,
      batchNormEpsilon: 1e-5,
      initStddev: 0.02,
    });
  });

  it('names the size or the channels it has no model for, and what it has', () => {
    expect(() => defaultModelConfigFor(48, 3)).toThrow(
      "imageSize 48 has no model: supported are 28 (the spec's DCGAN) and 32, 64, 128 (the Radford DCGAN)",
    );
    expect(() => defaultModelConfigFor(64, 2)).toThrow(
      'channels must be 1 (grey) or 3 (colour), got 2',
    );
  });

  it('checks a config field by field, naming the field', () => {
    const cases: [RadfordModelConfig, string][] = [
      [radford({ imageSize: 48 }), 'radford.imageSize must be 32, 64, 128'],
      [radford({ channels: 2 }), 'radford.channels must be 1 (grey) or 3 (colour), got 2'],
      [radford({ generatorWidth: 0 }), 'radford.generatorWidth must be a positive integer, got 0'],
      [
        radford({ discriminatorWidth: 1.5 }),
        'radford.discriminatorWidth must be a positive integer',
      ],
      [radford({ latentSize: -1 }), 'radford.latentSize must be a positive integer, got -1'],
      [radford({ leakySlope: 1 }), 'radford.leakySlope must be in [0, 1), got 1'],
      [radford({ batchNormMomentum: -0.1 }), 'radford.batchNormMomentum must be in [0, 1)'],
      [radford({ batchNormEpsilon: 0 }), 'radford.batchNormEpsilon must be above 0, got 0'],
      [radford({ initStddev: Number.NaN }), 'radford.initStddev must be above 0, got NaN'],
      [
        { ...radford({}), conditional: { classes: 0 } },
        'conditional.classes must be a positive integer, got 0',
      ],
    ];
    for (const [config, message] of cases) expect(() => checkModelConfig(config)).toThrow(message);
    expect(() => checkRadfordConfig({ ...defaultRadfordConfig(), imageSize: 256 })).toThrow(
      'radford.imageSize must be 32, 64, 128 (the Radford DCGAN) or 28',
    );
  });

  it('names an unknown architecture, a missing radford part and a spec that does not fit', () => {
    const unknown = {
      ...defaultModelConfig(),
      architecture: 'stylegan',
    } as unknown as RadfordModelConfig;
    expect(() => checkModelConfig(unknown)).toThrow(
      'architecture must be "spec" or "radford" (absent: "spec"), got "stylegan"',
    );
    const bare = { architecture: 'radford' } as RadfordModelConfig;
    expect(() => checkModelConfig(bare)).toThrow('radford must be an object');
    const spec = defaultModelConfig();
    expect(() =>
      checkModelConfig({ ...spec, discriminator: { ...spec.discriminator, channels: 3 } }),
    ).toThrow("discriminator.channels must be the generator's (1), got 3");
    expect(() =>
      checkModelConfig({ ...spec, generator: { ...spec.generator, imageSize: 30 } }),
    ).toThrow('generator.imageSize must be a multiple of 4');
    // A run's config.json from before other architectures: no architecture field, the spec.
    expect(() => checkModelConfig(JSON.parse(JSON.stringify(spec)))).not.toThrow();
  });

  it('fills the fields a Radford config leaves out with those of its size', () => {
    const partial: RadfordModelConfig = {
      architecture: 'radford',
      radford: { imageSize: 32, channels: 1 },
    };
    expect(() => checkModelConfig(partial)).not.toThrow();
    expect(imageShapeOf(partial)).toEqual([32, 32, 1]);
    expect(imageShapeOf({ architecture: 'radford', radford: {} })).toEqual([64, 64, 3]);
  });
});
