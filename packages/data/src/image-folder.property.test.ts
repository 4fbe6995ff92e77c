import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeWithSharp } from './decode-with-sharp.js';
import { compositeOn, rgbToGrey } from './grey.js';
import type { Rgb } from './image-options.js';
import { loadImageFolder } from './load-image-folder.js';
import { loadSharp, type Sharp } from './load-sharp.js';
import { png, temporaryFolder } from './test-fixtures.js';

/**
 * Property tests of the image readers, which take files from anywhere: any PNG reads back exactly
 * at its own size (centre-cropped when not square, composited when translucent); any bytes give
 * the picture's bytes or an Error naming the file, never a crash or a hang.
 */
let decoder: Sharp;
const picture = fc
  .record({
    width: fc.integer({ min: 1, max: 24 }),
    height: fc.integer({ min: 1, max: 24 }),
    channels: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
    seed: fc.integer(),
  })
  .chain((shape) =>
    fc
      .uint8Array({
        minLength: shape.width * shape.height * shape.channels,
        maxLength: shape.width * shape.height * shape.channels,
      })
      .map((data) => ({ ...shape, data })),
  );
const background = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)) as fc.Arbitrary<Rgb>;

/** The picture as RGBA bytes, as any decoder should see it. */
function toRgba({
  width,
  height,
  channels,
  data,
}: {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}) {
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const samples = data.subarray(p * channels, (p + 1) * channels);
    const [r, g, b, a] = channels <= 2 ? [samples[0], samples[0], samples[0], samples[1]] : samples;
    rgba.set(
      [r as number, g as number, b as number, channels % 2 === 0 ? (a as number) : 255],
      p * 4,
    );
  }
  return rgba;
}

/** The middle square of `width x height` pixels, half a pixel down and right when uneven, as sharp. */
function centreSquare(pixels: Uint8Array, width: number, height: number, bytesPerPixel: number) {
  const side = Math.min(width, height);
  const [left, top] = [Math.ceil((width - side) / 2), Math.ceil((height - side) / 2)];
  const out = new Uint8Array(side * side * bytesPerPixel);
  for (let y = 0; y < side; y++) {
    const start = ((top + y) * width + left) * bytesPerPixel;
    out.set(pixels.subarray(start, start + side * bytesPerPixel), y * side * bytesPerPixel);
  }
  return out;
}

describe('image readers (property tests)', () => {
  beforeAll(async () => {
    decoder = await loadSharp();
  });

  it('read any PNG back exactly at its own size: cropped, composited, grey or RGB', async () => {
    await fc.assert(
      fc.asyncProperty(
        picture,
        background,
        fc.constantFrom(1, 3) as fc.Arbitrary<1 | 3>,
        async (image, color, channels) => {
          const imageSize = Math.min(image.width, image.height);
          const bytes = await decodeWithSharp(
            decoder,
            png(image.width, image.height, image.channels, image.data),
            {
              imageSize,
              channels,
              background: color,
              maxPixels: 1e8,
            },
          );
          const rgb = compositeOn(centreSquare(toRgba(image), image.width, image.height, 4), color);
          expect(bytes).toEqual(channels === 1 ? rgbToGrey(rgb) : rgb);
        },
      ),
      { numRuns: 150 },
    );
  });

  const options = {
    imageSize: 4,
    channels: 3,
    background: [255, 255, 255] as Rgb,
    maxPixels: 1e6,
  } as const;
  /** The reader's contract on any bytes: 48 bytes of picture, or an UnreadableImageError. */
  const readsOrSaysWhy = async (bytes: Uint8Array) => {
    try {
      expect((await decodeWithSharp(decoder, bytes, options)).length).toBe(48);
    } catch (error) {
      expect((error as Error).name).toBe('UnreadableImageError');
      expect((error as Error).message).toMatch(/^(empty file|not a|(PNG|JPEG|WebP) header claims)/);
    }
  };
  const formats = fc.constantFrom('png', 'jpeg', 'webp') as fc.Arbitrary<'png' | 'jpeg' | 'webp'>;
  const encoded = fc.record({ image: picture, format: formats });

  it('read any PNG, JPEG or WebP cut short or with bytes flipped, or say why not', async () => {
    await fc.assert(
      fc.asyncProperty(
        encoded,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async ({ image, format }, flips, keep) => {
          const { width, height, channels, data } = image;
          const raw = sharp(toRgba(image), { raw: { width, height, channels: 4 } });
          const whole = new Uint8Array(
            format === 'png' ? png(width, height, channels, data) : await raw[format]().toBuffer(),
          );
          const bytes = whole.slice(0, Math.max(1, Math.ceil(keep * whole.length)));
          for (const [at, mask] of flips)
            bytes[at % bytes.length] = (bytes[at % bytes.length] as number) ^ mask;
          await readsOrSaysWhy(bytes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('say why not for random bytes, behind an image signature or not', async () => {
    const signatures = fc.constantFrom(
      [],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0xff, 0xd8, 0xff],
      [0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
    );
    await fc.assert(
      fc.asyncProperty(signatures, fc.uint8Array({ maxLength: 600 }), async (signature, rest) => {
        await readsOrSaysWhy(Uint8Array.from([...signature, ...rest]));
      }),
      { numRuns: 200 },
    );
  });

  it('name the file in the folder reader error for any bytes named .png', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const root = await temporaryFolder();
        await writeFile(join(root, 'random.png'), bytes);
        await expect(loadImageFolder(root, { imageSize: 4, cache: false })).rejects.toThrow(
          new RegExp(`^${join(root, 'random.png')}: (empty file|not a)`),
        );
      }),
      { numRuns: 30 },
    );
  });
});
