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

  it('rejects what is not square grey images', async () => {
    await expect(imageValues({ shape: [2, 28, 28, 3], data: async () => [] })).rejects.toThrow(
      'expected images [count, size, size, 1], got a tensor [2,28,28,3]',
    );
    await expect(imageValues([1, 2, 3], 2)).rejects.toThrow('3 values are not 2 square images');
  });
});
