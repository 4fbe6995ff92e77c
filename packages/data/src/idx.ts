import { gunzipChecked } from './gunzip.js';

/** IDX magic numbers: unsigned bytes, 3 dimensions (images) or 1 dimension (labels). */
export const IDX_IMAGES_MAGIC = 2051;
export const IDX_LABELS_MAGIC = 2049;

/** An IDX file of unsigned bytes: `data` holds `shape.reduce(*)` values, row-major. */
export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** True when `bytes` start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/**
 * Parses an IDX file of unsigned bytes, raw or gzip-compressed.
 * @param bytes the file's contents
 * @param name the file's name or URL, used in error messages
 * @param expectedMagic 2051 for images, 2049 for labels
 */
export function parseIdx(bytes: Uint8Array, name: string, expectedMagic: number): IdxArray {
  const raw = isGzip(bytes) ? gunzipChecked(bytes, name) : bytes;
  if (raw.length < 4)
    throw new Error(`${name}: truncated IDX file (${raw.length} bytes, no header)`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const magic = view.getUint32(0);
  if (magic !== expectedMagic) {
    throw new Error(
      `${name}: wrong IDX magic number ${magic}, expected ${expectedMagic} (${describeMagic(expectedMagic)})`,
    );
  }
  const rank = magic & 0xff;
  const headerLength = 4 + 4 * rank;
  if (raw.length < headerLength) {
    throw new Error(
      `${name}: truncated IDX header (${raw.length} bytes, expected ${headerLength})`,
    );
  }
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const size = shape.reduce((a, b) => a * b, 1);
  if (raw.length < headerLength + size) {
    throw new Error(
      `${name}: truncated IDX file: shape [${shape.join(', ')}] needs ${headerLength + size} bytes, found ${raw.length}`,
    );
  }
  return { shape, data: raw.subarray(headerLength, headerLength + size) };
}

/**
 * Encodes unsigned bytes as an IDX file (the inverse of `parseIdx` on raw files).
 * @param shape e.g. `[count, 28, 28]` for images or `[count]` for labels
 */
export function encodeIdx(shape: number[], data: Uint8Array): Uint8Array {
  const headerLength = 4 + 4 * shape.length;
  const out = new Uint8Array(headerLength + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x0800 + shape.length);
  for (const [i, dim] of shape.entries()) view.setUint32(4 + 4 * i, dim);
  out.set(data, headerLength);
  return out;
}

function describeMagic(magic: number): string {
  return magic === IDX_IMAGES_MAGIC
    ? 'IDX images of unsigned bytes'
    : 'IDX labels of unsigned bytes';
}
