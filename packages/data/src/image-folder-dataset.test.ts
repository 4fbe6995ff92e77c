import { describe, expect, it } from 'vitest';
import { decodeAll } from './image-folder-dataset.js';
import { UnreadableImageError } from './unreadable-image.js';

const options = {
  imageSize: 1,
  channels: 1 as const,
  skipUnreadable: true,
  concurrency: 3,
  describe: (path: string) => `/root/${path}`,
  root: '/root',
};
const paths = ['a', 'b', 'c', 'd', 'e'];
/** Image i is the byte 10 i after a delay that finishes them out of order; `bad` are unreadable. */
const decoder = (bad: string[]) => async (index: number) => {
  await new Promise((done) => setTimeout(done, (5 - index) * 3));
  if (bad.includes(paths[index] as string)) throw new UnreadableImageError(`bad ${index}`);
  return Uint8Array.of(10 * index);
};

describe('decodeAll', () => {
  it('keeps the order of the paths and packs the readable images together', async () => {
    const labels = Uint8Array.of(0, 1, 2, 3, 4);
    const done: number[] = [];
    const result = await decodeAll(
      paths,
      labels,
      { ...options, onProgress: (n) => done.push(n) },
      decoder(['b', 'd']),
    );
    expect(result).toEqual({
      images: Uint8Array.of(0, 20, 40),
      labels: Uint8Array.of(0, 2, 4),
      count: 3,
      files: ['a', 'c', 'e'],
      skipped: [
        { path: 'b', reason: 'bad 1' },
        { path: 'd', reason: 'bad 3' },
      ],
    });
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });

  it('throws naming the first unreadable file in path order, though a later one fails first', async () => {
    await expect(
      decodeAll(paths, undefined, { ...options, skipUnreadable: false }, decoder(['b', 'c'])),
    ).rejects.toThrow('/root/b: bad 1');
  });

  it('throws naming the file without skipUnreadable, and when no file is readable', async () => {
    await expect(
      decodeAll(paths, undefined, { ...options, skipUnreadable: false }, decoder(['c'])),
    ).rejects.toThrow('/root/c: bad 2');
    await expect(decodeAll(paths, undefined, options, decoder(paths))).rejects.toThrow(
      '/root: none of its 5 image files could be read (the first: /root/a: bad 0)',
    );
  });

  it('lets other errors through, never skipping them', async () => {
    const broken = async () => {
      throw new TypeError('a bug');
    };
    await expect(decodeAll(paths, undefined, options, broken)).rejects.toThrow(TypeError);
  });
});
