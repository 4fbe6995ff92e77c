import { describe, expect, it } from 'vitest';
import { imageValues } from './image-values.js';

describe('imageValues', () => {
  it('reads a tensor of images [count, size, size, 1]', async () => {
    const tensor = { shape: [2, 3, 3, 1], data: async () => new Float32Array(18).fill(0.5) };
    const images = await imageValues(tensor);
    expect([images.count, images.size, images.values.length]).toEqual([2, 3, 18]);
  });

  it('reads values with a count, and finds the size', async () => {
    const images = await imageValues(new Array(2 * 28 * 28).fill(0), 2);
    expect([images.count, images.size]).toEqual([2, 28]);
  });

  it('reads RGB images, and rejects what is not square grey or RGB images', async () => {
    const rgb = await imageValues({
      shape: [2, 8, 8, 3],
      data: async () => new Array(384).fill(0),
    });
    expect([rgb.count, rgb.size, rgb.channels]).toEqual([2, 8, 3]);
    await expect(imageValues({ shape: [2, 28, 28, 2], data: async () => [] })).rejects.toThrow(
      'expected images [count, size, size, 1 or 3], got a tensor [2,28,28,2]',
    );
    await expect(imageValues({ shape: [2, 28, 14, 1], data: async () => [] })).rejects.toThrow(
      'got a tensor [2,28,14,1]',
    );
    await expect(imageValues([1, 2, 3], 2)).rejects.toThrow('3 values are not 2 square images');
  });
});
