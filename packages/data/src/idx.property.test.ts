import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeIdx, IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, parseIdx } from './idx.js';

/**
 * Property tests of the IDX reader, which takes files from outside (a data folder, a URL): raw or
 * gzip, cut short, with flipped bytes or absurd headers, it returns an array that the file holds
 * or throws an Error naming the file, never allocating what the file cannot justify.
 */
const NAME = 'data/train-images-idx3-ubyte';

const imageFile = fc
  .record({
    count: fc.integer({ min: 0, max: 12 }),
    rows: fc.integer({ min: 1, max: 8 }),
    columns: fc.integer({ min: 1, max: 8 }),
    seed: fc.nat(255),
  })
  .map(({ count, rows, columns, seed }) => {
    const data = Uint8Array.from(
      { length: count * rows * columns },
      (_, i) => (i * 31 + seed) % 256,
    );
    return encodeIdx([count, rows, columns], data);
  });
const compressed = fc.boolean();
const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
  minLength: 1,
  maxLength: 4,
});
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** The reader's contract on any bytes. */
function parsesOrNamesTheFile(bytes: Uint8Array, magic = IDX_IMAGES_MAGIC): void {
  try {
    const { shape, data } = parseIdx(bytes, NAME, magic);
    expect(data.length).toBe(shape.reduce((a, b) => a * b, 1));
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message.startsWith(`${NAME}: `)).toBe(true);
  }
}

describe('parseIdx (property tests)', () => {
  it('reads back every file encodeIdx writes, raw or gzip', () => {
    fc.assert(
      fc.property(imageFile, compressed, (file, gzip) => {
        const parsed = parseIdx(gzip ? gzipSync(file) : file, NAME, IDX_IMAGES_MAGIC);
        expect(encodeIdx(parsed.shape, parsed.data)).toEqual(file);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a file cut short, raw or gzip, naming it', () => {
    fc.assert(
      fc.property(imageFile, compressed, fraction, (file, gzip, at) => {
        const whole = gzip ? gzipSync(file) : file;
        const cut = whole.subarray(0, Math.floor(at * whole.length));
        expect(() => parseIdx(cut, NAME, IDX_IMAGES_MAGIC)).toThrow(`${NAME}: `);
      }),
      { numRuns: 200 },
    );
  });

  it('returns what the file holds or names it, whatever bytes are flipped', () => {
    fc.assert(
      fc.property(imageFile, compressed, flips, (file, gzip, changes) => {
        const bytes = (gzip ? gzipSync(file) : file).slice();
        for (const [at, mask] of changes) {
          const index = at % bytes.length;
          bytes[index] = (bytes[index] as number) ^ mask;
        }
        parsesOrNamesTheFile(bytes);
        parsesOrNamesTheFile(bytes, IDX_LABELS_MAGIC);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses absurd headers before allocating: dimensions and gzip sizes up to 2^32 - 1', () => {
    const dimension = fc.oneof(fc.nat(2 ** 32 - 1), fc.constantFrom(2 ** 31, 2 ** 32 - 1));
    fc.assert(
      fc.property(
        imageFile,
        fc.tuple(dimension, dimension, dimension),
        compressed,
        (file, shape, gzip) => {
          const bytes = file.slice();
          const view = new DataView(bytes.buffer);
          for (const [i, dimension] of shape.entries()) view.setUint32(4 + 4 * i, dimension);
          parsesOrNamesTheFile(gzip ? gzipSync(bytes) : bytes);
        },
      ),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(imageFile, fc.nat(2 ** 32 - 1), (file, size) => {
        const bytes = gzipSync(file);
        new DataView(bytes.buffer).setUint32(bytes.length - 4, size, true);
        parsesOrNamesTheFile(bytes);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses 2^31 images in a 2 KB file, raw or gzip, without allocating them', () => {
    const header = encodeIdx([2 ** 31, 28, 28], new Uint8Array(2048 - 16));
    const before = process.memoryUsage().arrayBuffers;
    expect(() => parseIdx(header, NAME, IDX_IMAGES_MAGIC)).toThrow(
      `${NAME}: truncated IDX file: shape [2147483648, 28, 28] needs`,
    );
    const lying = gzipSync(header);
    new DataView(lying.buffer).setUint32(lying.length - 4, 2 ** 32 - 1, true);
    expect(() => parseIdx(lying, NAME, IDX_IMAGES_MAGIC)).toThrow(/its trailer claims 4294967295/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(2 ** 20);
  });
});
