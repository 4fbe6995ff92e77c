import { UnreadableImageError } from './unreadable-image.js';

/** The formats that both readers take: what `createImageBitmap` and sharp decode alike. */
export type ImageFormat = 'PNG' | 'JPEG' | 'WebP';

/** An image file's format, and its size where the header states it where expected. */
export interface ImageHeader {
  format: ImageFormat;
  width?: number;
  height?: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Reads an image file's format and size from its first bytes, without decoding: refuses empty
 * files, files that are no PNG, JPEG or WebP, and pictures larger than `maxPixels`.
 * @throws UnreadableImageError saying what is wrong
 */
export function checkImageHeader(bytes: Uint8Array, maxPixels: number): ImageHeader {
  if (bytes.length === 0) throw new UnreadableImageError('empty file (0 bytes)');
  const header = readImageHeader(bytes);
  if (!header) {
    const start = new TextDecoder().decode(bytes.subarray(0, 12)).replace(/[^\x20-\x7e]/g, '.');
    throw new UnreadableImageError(
      `not a PNG, JPEG or WebP image (${bytes.length} bytes starting with "${start}")`,
    );
  }
  const { width, height } = header;
  if (width !== undefined && height !== undefined && width * height > maxPixels) {
    throw new UnreadableImageError(
      `${header.format} header claims ${width}x${height} pixels, more than maxPixels (${maxPixels})`,
    );
  }
  return header;
}

/** The format and, where found, the size of a PNG, JPEG or WebP file; undefined for others. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, length: number) =>
    String.fromCharCode(...bytes.subarray(at, at + length));
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    if (bytes.length < 24 || ascii(12, 4) !== 'IHDR') return { format: 'PNG' };
    return { format: 'PNG', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { format: 'JPEG', ...jpegSize(bytes, view) };
  }
  if (bytes.length >= 16 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    return { format: 'WebP', ...webpSize(bytes, view, ascii(12, 4)) };
  }
  return undefined;
}

/** The size in a JPEG's start-of-frame segment, found by walking the segments before the scan. */
function jpegSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  let at = 2;
  while (at + 9 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at++;
      continue;
    }
    // Start of scan: the frame header comes before it, so it was missing.
    if (marker === 0xda) break;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return {};
}

/** The size in a WebP's first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X). */
function webpSize(
  bytes: Uint8Array,
  view: DataView,
  chunk: string,
): { width?: number; height?: number } {
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const uint24 = (at: number) => view.getUint16(at, true) + ((bytes[at + 2] as number) << 16);
    return { width: uint24(24) + 1, height: uint24(27) + 1 };
  }
  return {};
}
