import { readFile, stat } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from './generate.js';
import { loadPretrainedGenerator, PRETRAINED_NAMES, type PretrainedName } from './pretrained.js';
import { useCpuBackend } from './test-backend.js';

beforeAll(useCpuBackend);

describe('the pretrained generators', () => {
  it('ship as float16 weights of at most 4 MB', async () => {
    expect(PRETRAINED_NAMES).toEqual(['mnist', 'mnist-conditional']);
    for (const name of PRETRAINED_NAMES) {
      const folder = new URL(`../pretrained/${name}/`, import.meta.url);
      const sizes = await Promise.all(
        ['model.json', 'weights.bin'].map(async (file) => (await stat(new URL(file, folder))).size),
      );
      expect((sizes[0] as number) + (sizes[1] as number), name).toBeLessThanOrEqual(
        4 * 1024 * 1024,
      );
      const manifest = JSON.parse(await readFile(new URL('model.json', folder), 'utf8'))
        .weightsManifest[0].weights as { dtype: string; quantization?: { dtype: string } }[];
      expect(
        manifest.every((w) => w.quantization?.dtype === 'float16'),
        name,
      ).toBe(true);
    }
  });

  it("load in Node from the package's files and draw the same images for the same seed", async () => {
    const before = tf.memory().numTensors;
    const generator = await loadPretrainedGenerator('mnist');
    expect(generator.inputs[0]?.shape).toEqual([null, 100]);
    const a = generate(generator, 8, { seed: 5 });
    const b = generate(generator, 8, { seed: 5 });
    expect(a.shape).toEqual([8, 28, 28, 1]);
    const values = Array.from(a.dataSync());
    expect(values).toEqual(Array.from(b.dataSync()));
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(1);
    // Digits: mostly black ground (-1), some white strokes.
    expect(values.filter((v) => v < -0.9).length / values.length).toBeGreaterThan(0.5);
    expect(values.filter((v) => v > 0.5).length / values.length).toBeGreaterThan(0.05);
    tf.dispose([a, b]);
    generator.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('include a conditional one that draws the digit asked for', async () => {
    const before = tf.memory().numTensors;
    const generator = await loadPretrainedGenerator('mnist-conditional');
    expect(generator.inputs.map((input) => input.shape)).toEqual([
      [null, 100],
      [null, 10],
    ]);
    const sevens = generate(generator, 4, { seed: 3, classes: 7 });
    const ones = generate(generator, 4, { seed: 3, classes: 1 });
    expect(sevens.shape).toEqual([4, 28, 28, 1]);
    // The same noise, another digit: other images. A one lights fewer pixels than a seven.
    const lit = (t: tf.Tensor) => Array.from(t.dataSync()).filter((v) => v > 0).length;
    expect(lit(ones)).toBeLessThan(lit(sevens));
    tf.dispose([sevens, ones]);
    generator.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('name what exists when asked for another', async () => {
    await expect(loadPretrainedGenerator('cifar' as PretrainedName)).rejects.toThrow(
      /no pretrained generator "cifar" \(expected mnist, mnist-conditional\)/,
    );
    await expect(loadPretrainedGenerator('fashion-conditional' as PretrainedName)).rejects.toThrow(
      /"fashion-conditional" is not trained yet/,
    );
  });
});
