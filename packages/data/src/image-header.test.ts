import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkImageHeader, readImageHeader } from './image-header.js';
import { gradient, png } from './test-fixtures.js';

const picture = (width: number, height: number) =>
  sharp(gradient(width, height), { raw: { width, height, channels: 3 } });

describe('readImageHeader', () => {
  it('reads the format and size of PNG, JPEG (after EXIF) and the three kinds of WebP', async () => {
    expect(readImageHeader(png(7, 5, 3, gradient(7, 5)))).toEqual({
      format: 'PNG',
      width: 7,
      height: 5,
    });
    const jpeg = await picture(300, 200).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(readImageHeader(jpeg)).toEqual({ format: 'JPEG', width: 300, height: 200 });
    const progressive = await picture(33, 17).jpeg({ progressive: true }).toBuffer();
    expect(readImageHeader(progressive)).toEqual({ format: 'JPEG', width: 33, height: 17 });
    for (const options of [{ lossless: false }, { lossless: true }]) {
      const webp = await picture(301, 99).webp(options).toBuffer();
      expect(readImageHeader(webp)).toEqual({ format: 'WebP', width: 301, height: 99 });
    }
    const extended = await picture(40, 30).ensureAlpha(0.5).webp({ lossless: false }).toBuffer();
    expect(readImageHeader(extended)).toEqual({ format: 'WebP', width: 40, height: 30 });
  });

  it('gives the format alone when the header is cut before the size', () => {
    expect(readImageHeader(png(7, 5, 3, gradient(7, 5)).subarray(0, 12))).toEqual({
      format: 'PNG',
    });
    expect(readImageHeader(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toEqual({ format: 'JPEG' });
  });

  it('knows no other format', async () => {
    expect(readImageHeader(await picture(4, 4).gif().toBuffer())).toBeUndefined();
    expect(readImageHeader(new TextEncoder().encode('<svg></svg>'))).toBeUndefined();
  });
});

describe('checkImageHeader', () => {
  it('refuses more pixels than allowed, empty files and other formats', () => {
    const bytes = png(7, 5, 3, gradient(7, 5));
    expect(checkImageHeader(bytes, 35)).toEqual({ format: 'PNG', width: 7, height: 5 });
    expect(() => checkImageHeader(bytes, 34)).toThrow(
      'PNG header claims 7x5 pixels, more than maxPixels (34)',
    );
    expect(() => checkImageHeader(new Uint8Array(0), 1)).toThrow('empty file (0 bytes)');
    expect(() => checkImageHeader(Uint8Array.of(0, 1, 2, 104, 105), 1)).toThrow(
      'not a PNG, JPEG or WebP image (5 bytes starting with "...hi")',
    );
  });
});
