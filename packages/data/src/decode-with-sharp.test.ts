import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeWithSharp } from './decode-with-sharp.js';
import type { Rgb } from './image-options.js';
import { loadSharp, type Sharp } from './load-sharp.js';
import { emojiFolder, gradient, meanDifference, noise, png } from './test-fixtures.js';

let sharp: Sharp;
const read = (
  bytes: Uint8Array,
  imageSize: number,
  options: { channels?: 1 | 3; background?: Rgb; maxPixels?: number } = {},
) =>
  decodeWithSharp(sharp, bytes, {
    imageSize,
    channels: options.channels ?? 3,
    background: options.background ?? [255, 255, 255],
    maxPixels: options.maxPixels ?? 1e8,
  });
const raw = (data: Uint8Array, width: number, height: number, channels: 1 | 3 | 4 = 3) =>
  sharp(data, { raw: { width, height, channels } });

describe('decodeWithSharp', () => {
  beforeAll(async () => {
    sharp = await loadSharp();
  });

  it('reads 8-bit grey and RGB PNGs at their own size exactly', async () => {
    const grey = noise(20 * 20, 3);
    expect(await read(png(20, 20, 1, grey), 20, { channels: 1 })).toEqual(grey);
    const rgb = noise(20 * 20 * 3, 4);
    expect(await read(png(20, 20, 3, rgb), 20)).toEqual(rgb);
  });

  it('centre-crops a wide picture to its middle square', async () => {
    // 30 x 10: column x holds the value x; the middle square is columns 10 to 19.
    const wide = Uint8Array.from({ length: 300 }, (_, i) => (i % 30) * 8);
    const square = await read(png(30, 10, 1, wide), 10, { channels: 1 });
    expect(Array.from(square.subarray(0, 10))).toEqual(
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((x) => x * 8),
    );
  });

  it('reads a 16-bit PNG as 8-bit', async () => {
    const values = Array.from({ length: 64 }, (_, i) => i * 1000);
    const bytes = await read(png(8, 8, 1, values, { depth: 16 }), 8, { channels: 1 });
    for (const [i, value] of values.entries()) {
      expect(Math.abs((bytes[i] as number) - value / 257)).toBeLessThanOrEqual(1);
    }
  });

  it('reads a palette PNG with transparency through its palette, on the background', async () => {
    // Translucent entries first: fast-png writes tRNS for those entries only, in order.
    const palette = [
      [0, 255, 0, 0],
      [255, 255, 255, 128],
      [255, 0, 0, 255],
      [0, 0, 255, 255],
    ];
    // On (10, 20, 30): transparent shows it; white at 128/255 gives round(128 + c 127 / 255).
    const shown = [
      [10, 20, 30],
      [133, 138, 143],
      [255, 0, 0],
      [0, 0, 255],
    ];
    const indices = Uint8Array.from({ length: 16 }, (_, i) => i % 4);
    const bytes = await read(png(4, 4, 1, indices, { palette }), 4, { background: [10, 20, 30] });
    expect(Array.from(bytes)).toEqual(Array.from(indices).flatMap((i) => shown[i] as number[]));
  });

  it('composites grey-alpha on the background, then takes the luma for grey', async () => {
    // Grey 200 at alpha 0, 51, 255 on black: 0, 40, 200.
    const greyAlpha = [200, 0, 200, 51, 200, 255, 200, 255];
    const bytes = await read(png(2, 2, 2, greyAlpha), 2, { channels: 1, background: [0, 0, 0] });
    expect(Array.from(bytes)).toEqual([0, 40, 200, 200]);
    const onRed = await read(png(2, 2, 2, greyAlpha), 2, { channels: 1, background: [255, 0, 0] });
    // Red's luma is 76: alpha 0 shows it, alpha 51 gives 40 + 0.8 * 76.
    expect(Array.from(onRed)).toEqual([76, 101, 200, 200]);
  });

  it('honours EXIF orientation', async () => {
    // 32 x 16, left half black, right half white; orientation 6 shows it turned a quarter
    // clockwise: 16 x 32, top half black.
    const halves = Uint8Array.from({ length: 32 * 16 * 3 }, (_, i) =>
      (i / 3) % 32 < 16 ? 0 : 255,
    );
    const jpeg = await raw(halves, 32, 16)
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 95 })
      .toBuffer();
    const bytes = await read(jpeg, 16, { channels: 1 });
    // The middle square of 16 x 32 is rows 8 to 23: rows 0 to 7 of it black, 8 to 15 white.
    expect(bytes[2 * 16 + 5]).toBeLessThan(30);
    expect(bytes[13 * 16 + 5]).toBeGreaterThan(225);
    expect(bytes[2 * 16 + 12]).toBeLessThan(30);
  });

  it('reads CMYK and progressive JPEGs, and WebP, close to the picture', async () => {
    const picture = gradient(48, 48);
    const cmyk = await raw(picture, 48, 48).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    // CMYK's gamut is smaller than sRGB's: close, not equal. An inverted reading would be far.
    expect(meanDifference(await read(cmyk, 48), picture)).toBeLessThan(16);
    const progressive = await raw(picture, 48, 48)
      .jpeg({ quality: 95, progressive: true })
      .toBuffer();
    expect(meanDifference(await read(progressive, 48), picture)).toBeLessThan(3);
    const webp = await raw(picture, 48, 48).webp({ lossless: true }).toBuffer();
    expect(Array.from(await read(webp, 48))).toEqual(Array.from(picture));
  });

  it('downscales without aliasing: a one-pixel checkerboard becomes even grey', async () => {
    const board = Uint8Array.from({ length: 256 * 256 }, (_, i) =>
      ((i % 256) + (i >> 8)) % 2 ? 255 : 0,
    );
    const bytes = await read(png(256, 256, 1, board), 32, { channels: 1 });
    expect(Math.min(...bytes)).toBeGreaterThanOrEqual(120);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(135);
  });

  it('reads a real emoji (palette PNG with alpha) on white, its corners background', async () => {
    const bytes = await read(await readFile(join(await emojiFolder(), 'emoji_u1f600.png')), 32);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([255, 255, 255]);
    // The face's middle is yellow: much red and green, little blue.
    const middle = (16 * 32 + 16) * 3;
    expect(bytes[middle]).toBeGreaterThan(200);
    expect(bytes[middle + 2]).toBeLessThan(120);
  });

  const refused: [string, () => Promise<Uint8Array>, RegExp][] = [
    ['a zero-byte file', async () => new Uint8Array(0), /^empty file \(0 bytes\)$/],
    [
      'a text file',
      async () => new TextEncoder().encode('hello, world'),
      /^not a PNG, JPEG or WebP image \(12 bytes starting with "hello, world"\)$/,
    ],
    [
      'a truncated PNG',
      async () => png(32, 32, 3, noise(3072)).subarray(0, 1500),
      /^not a readable PNG image \(.+\)$/,
    ],
    [
      'a truncated JPEG',
      async () => {
        const bytes = await raw(gradient(64, 64), 64, 64).jpeg().toBuffer();
        return bytes.subarray(0, bytes.length / 2);
      },
      /^not a readable JPEG image \(.+\)$/,
    ],
    [
      'a PNG with a corrupt chunk',
      async () => {
        const bytes = png(32, 32, 3, noise(3072)).slice();
        bytes[60] = (bytes[60] as number) ^ 0xff;
        return bytes;
      },
      /^not a readable PNG image \(.+\)$/,
    ],
  ];
  it.each(refused)('refuses %s, saying what is wrong', async (_, make, message) => {
    await expect(read(await make(), 8)).rejects.toThrow(message);
  });

  it('refuses a header claiming 30,000 x 30,000 pixels before decoding it', async () => {
    const bytes = png(1, 1, 3, [1, 2, 3]).slice();
    const view = new DataView(bytes.buffer);
    view.setUint32(16, 30000);
    view.setUint32(20, 30000);
    const before = process.memoryUsage().rss;
    await expect(read(bytes, 8)).rejects.toThrow(
      'PNG header claims 30000x30000 pixels, more than maxPixels (100000000)',
    );
    // sharp's own limit refuses it too, were the header check to miss a format.
    await expect(read(bytes, 8, { maxPixels: 1e12 })).rejects.toThrow(/not a readable PNG image/);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 2 ** 20);
  });
});
