import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { encodeGif, encodePng } from './encode.js';
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
      'expected 1 images of 2x2x1 (4 values), got 3',
    );
  });

  it('encodes a PNG that decodes to the same pixels', () => {
    const grid = gridFromValues(
      Array.from({ length: 2 * 28 * 28 }, (_, i) => Math.sin(i)),
      2,
      28,
    );
    const png = decode(encodePng(grid));
    expect([png.width, png.height, png.channels]).toEqual([grid.width, grid.height, 1]);
    expect(Array.from(png.data)).toEqual(Array.from(grid.pixels));
  });

  it('encodes an animated GIF of every frame', () => {
    const frames = [-1, 0, 1].map((v) => gridFromValues(new Array(28 * 28).fill(v), 1, 28));
    const gif = encodeGif(frames);
    expect(new TextDecoder().decode(gif.slice(0, 6))).toBe('GIF89a');
    const frameCount = gif.reduce(
      (n, byte, i) => n + (byte === 0x2c && gif[i - 1] === 0x00 ? 1 : 0),
      0,
    );
    expect(frameCount).toBeGreaterThanOrEqual(3);
  });

  it('lays RGB images out with their colours, and encodes them as an RGB PNG', () => {
    // One 2x2 image: red, green, blue and white pixels.
    const values = [1, -1, -1, -1, 1, -1, -1, -1, 1, 1, 1, 1];
    const grid = gridFromValues(values, 1, 2, { padding: 1, channels: 3 });
    expect([grid.width, grid.height, grid.channels]).toEqual([4, 4, 3]);
    const at = (x: number, y: number) =>
      Array.from(grid.pixels.slice((y * 4 + x) * 3, (y * 4 + x) * 3 + 3));
    expect([at(1, 1), at(2, 1), at(1, 2), at(2, 2)]).toEqual([
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [255, 255, 255],
    ]);
    const png = decode(encodePng(grid));
    expect(png.channels).toBe(3);
    expect(Array.from(png.data)).toEqual(Array.from(grid.pixels));
  });

  it('encodes RGB frames as a GIF with a palette of their colours', () => {
    const colour = (r: number, g: number, b: number) =>
      gridFromValues(new Array(8 * 8).fill([r, g, b]).flat(), 1, 8, { channels: 3 });
    const gif = encodeGif([colour(1, -1, -1), colour(-1, -1, 1)]);
    expect(new TextDecoder().decode(gif.slice(0, 6))).toBe('GIF89a');
    const bytes = Array.from(gif);
    const has = (rgb: number[]) => bytes.some((_, i) => rgb.every((v, k) => bytes[i + k] === v));
    expect(has([255, 0, 0]) && has([0, 0, 255])).toBe(true);
  });
});
