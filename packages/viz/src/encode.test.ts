import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { encodeGreyGif, encodeGreyPng } from './encode.js';
import { gridFromValues } from './grid.js';

describe('sample grids', () => {
  it('lays images out in a padded square grid, -1 black and 1 white', () => {
    const values = [...new Array(4).fill(-1), ...new Array(4).fill(1)];
    const grid = gridFromValues(values, 2, 2, { padding: 1 });
    expect([grid.width, grid.height]).toEqual([7, 4]);
    expect(grid.pixels[1 * 7 + 1]).toBe(0);
    expect(grid.pixels[1 * 7 + 4]).toBe(255);
    expect(grid.pixels[0]).toBe(0);
  });

  it('rejects values that are not count images of size x size', () => {
    expect(() => gridFromValues([0, 0, 0], 1, 2)).toThrow(
      'expected 1 images of 2x2 (4 values), got 3',
    );
  });

  it('encodes a PNG that decodes to the same pixels', () => {
    const grid = gridFromValues(
      Array.from({ length: 2 * 28 * 28 }, (_, i) => Math.sin(i)),
      2,
      28,
    );
    const png = decode(encodeGreyPng(grid));
    expect([png.width, png.height, png.channels]).toEqual([grid.width, grid.height, 1]);
    expect(Array.from(png.data)).toEqual(Array.from(grid.pixels));
  });

  it('encodes an animated GIF of every frame', () => {
    const frames = [-1, 0, 1].map((v) => gridFromValues(new Array(28 * 28).fill(v), 1, 28));
    const gif = encodeGreyGif(frames);
    expect(new TextDecoder().decode(gif.slice(0, 6))).toBe('GIF89a');
    const frameCount = gif.reduce(
      (n, byte, i) => n + (byte === 0x2c && gif[i - 1] === 0x00 ? 1 : 0),
      0,
    );
    expect(frameCount).toBeGreaterThanOrEqual(3);
  });
});
