import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { gunzipChecked } from './gunzip.js';

const text = new TextEncoder().encode('MNIST-like IDX bytes '.repeat(50));

describe('gunzipChecked', () => {
  it('decompresses what gzip wrote, and computes the CRC-32 gzip uses', () => {
    expect(gunzipChecked(gzipSync(text), 'a.gz')).toEqual(text);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('refuses a trailer claiming more than the file could hold, before decompressing', () => {
    const bytes = gzipSync(text);
    new DataView(bytes.buffer).setUint32(bytes.length - 4, 2 ** 31, true);
    expect(() => gunzipChecked(bytes, 'a.gz')).toThrow(
      /a\.gz: corrupt gzip data \(its trailer claims 2147483648 bytes, more than \d+ could hold\)/,
    );
  });

  it('refuses a wrong size or checksum in the trailer', () => {
    const sized = gzipSync(text);
    new DataView(sized.buffer).setUint32(sized.length - 4, text.length + 1, true);
    expect(() => gunzipChecked(sized, 'a.gz')).toThrow('the trailer says 1051');
    const summed = gzipSync(text);
    summed[summed.length - 8] = (summed[summed.length - 8] as number) ^ 1;
    expect(() => gunzipChecked(summed, 'a.gz')).toThrow(
      'a.gz: corrupt gzip data (CRC-32 mismatch)',
    );
  });
});
