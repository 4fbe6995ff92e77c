import { describe, expect, it } from 'vitest';
import { datasetFromIdx } from './dataset.js';
import { encodeIdx, IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, parseIdx } from './idx.js';

const images = (count: number, size = 28) =>
  encodeIdx([count, size, size], new Uint8Array(count * size * size).fill(7));
const labels = (count: number) => encodeIdx([count], new Uint8Array(count).fill(3));

describe('parseIdx', () => {
  it('round-trips what encodeIdx writes', () => {
    const parsed = parseIdx(images(2), 'a.idx', IDX_IMAGES_MAGIC);
    expect(parsed.shape).toEqual([2, 28, 28]);
    expect(parsed.data.every((v) => v === 7)).toBe(true);
  });

  it('rejects a wrong magic number, naming the file', () => {
    expect(() => parseIdx(labels(3), 'labels.idx', IDX_IMAGES_MAGIC)).toThrow(
      'labels.idx: wrong IDX magic number 2049, expected 2051',
    );
  });

  it('rejects a truncated file', () => {
    const bytes = images(2).subarray(0, 100);
    expect(() => parseIdx(bytes, 'short.idx', IDX_IMAGES_MAGIC)).toThrow(
      /short.idx: truncated IDX file: shape \[2, 28, 28\] needs 1584 bytes, found 100/,
    );
    expect(() => parseIdx(new Uint8Array(2), 'tiny.idx', IDX_LABELS_MAGIC)).toThrow(
      /tiny.idx: truncated/,
    );
  });

  it('rejects corrupt gzip', () => {
    const bytes = new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]);
    expect(() => parseIdx(bytes, 'bad.gz', IDX_LABELS_MAGIC)).toThrow(/bad.gz: corrupt gzip/);
  });
});

describe('datasetFromIdx', () => {
  it('rejects image and label counts that disagree', () => {
    const files = {
      images: { name: 'img', bytes: images(3) },
      labels: { name: 'lab', bytes: labels(2) },
    };
    expect(() => datasetFromIdx(files)).toThrow('lab: 2 labels for 3 images in img');
  });

  it('rejects images of the wrong size', () => {
    const files = {
      images: { name: 'img', bytes: images(2, 32) },
      labels: { name: 'lab', bytes: labels(2) },
    };
    expect(() => datasetFromIdx(files)).toThrow('img: images are 32x32, expected 28x28');
  });
});
