import { describe, expect, it } from 'vitest';
import { compositeOn, rgbToGrey } from './grey.js';
import { parseBackground, resolveImageOptions } from './image-options.js';

describe('resolveImageOptions', () => {
  it('fills in RGB, white, no skipping and 100 megapixels', () => {
    expect(resolveImageOptions({ imageSize: 64 }, 4)).toEqual({
      imageSize: 64,
      channels: 3,
      background: [255, 255, 255],
      classes: undefined,
      skipUnreadable: false,
      maxPixels: 100_000_000,
      concurrency: 4,
      onProgress: undefined,
    });
  });

  it('names the option that is wrong', () => {
    expect(() => resolveImageOptions({ imageSize: 0 }, 1)).toThrow(
      'imageSize must be an integer from 1 to 4096, got 0',
    );
    expect(() => resolveImageOptions({ imageSize: 8, channels: 4 as 3 }, 1)).toThrow(
      'channels must be 1 (grey) or 3 (RGB), got 4',
    );
    expect(() => resolveImageOptions({ imageSize: 8, concurrency: 0 }, 1)).toThrow(
      'concurrency must be a positive integer, got 0',
    );
    expect(() => resolveImageOptions({ imageSize: 8, background: 'white' }, 1)).toThrow(
      `background must be '#rrggbb' or [r, g, b] with bytes 0 to 255, got "white"`,
    );
  });

  it('parses #rrggbb, #rgb and [r, g, b]', () => {
    expect(parseBackground('#ff8000')).toEqual([255, 128, 0]);
    expect(parseBackground('#F80')).toEqual([255, 136, 0]);
    expect(parseBackground([1, 2, 3])).toEqual([1, 2, 3]);
    expect(() => parseBackground([1, 2, 256])).toThrow(/background must be/);
  });
});

describe('rgbToGrey and compositeOn', () => {
  it('gives the luma that PIL convert("L") gives, and keeps grey pixels', () => {
    // PIL's Convert.c: L = (19595 R + 38470 G + 7471 B + 0x8000) >> 16.
    const rgb = Uint8Array.of(255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 200, 30);
    expect(Array.from(rgbToGrey(rgb))).toEqual([76, 150, 29, 124]);
    const greys = Uint8Array.from({ length: 256 * 3 }, (_, i) => Math.floor(i / 3));
    expect(rgbToGrey(greys)).toEqual(Uint8Array.from({ length: 256 }, (_, i) => i));
  });

  it('composites on the background by alpha', () => {
    const rgba = Uint8Array.of(200, 100, 0, 255, 200, 100, 0, 0, 255, 255, 255, 51);
    expect(Array.from(compositeOn(rgba, [0, 50, 100]))).toEqual([
      200, 100, 0, 0, 50, 100, 51, 91, 131,
    ]);
  });
});
