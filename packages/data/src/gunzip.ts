import { gunzipSync } from 'fflate';
import { crc32 } from './crc32.js';

/** Deflate packs at most 1032 bytes into one: a gzip trailer claiming more is corrupt. */
const MAX_DEFLATE_RATIO = 1032;
/** A gzip member's fixed header and trailer: 10 bytes before the data, 8 after. */
const GZIP_OVERHEAD = 18;

/**
 * Decompresses a gzip file, checked: its trailer's size is refused before anything is allocated
 * when no deflate stream of this length could produce it, and the output must match the
 * trailer's size and CRC-32 (fflate checks neither).
 * @param name the file's name or URL, used in error messages
 */
export function gunzipChecked(bytes: Uint8Array, name: string): Uint8Array {
  const corrupt = (why: string) => new Error(`${name}: corrupt gzip data (${why})`);
  if (bytes.length < GZIP_OVERHEAD) throw corrupt(`${bytes.length} bytes, too short for gzip`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const expectedCrc = view.getUint32(bytes.length - 8, true);
  const expectedSize = view.getUint32(bytes.length - 4, true);
  const limit = (bytes.length - GZIP_OVERHEAD) * MAX_DEFLATE_RATIO;
  if (expectedSize > limit)
    throw corrupt(`its trailer claims ${expectedSize} bytes, more than ${limit} could hold`);
  let output: Uint8Array;
  try {
    output = gunzipSync(bytes);
  } catch (error) {
    throw corrupt((error as Error).message);
  }
  if (output.length % 2 ** 32 !== expectedSize)
    throw corrupt(`${output.length} bytes decompressed, the trailer says ${expectedSize}`);
  if (crc32(output) !== expectedCrc) throw corrupt('CRC-32 mismatch');
  return output;
}
