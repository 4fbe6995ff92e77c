import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadImageFolder } from './load-image-folder.js';
import { emojiClasses, png, temporaryFolder, writeFiles } from './test-fixtures.js';

describe('loadImageFolder cache', () => {
  const xdg = process.env.XDG_CACHE_HOME;
  afterEach(() => {
    if (xdg === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = xdg;
  });

  it('is written in $XDG_CACHE_HOME/dcgan, then read, and missed when a file changes', async () => {
    process.env.XDG_CACHE_HOME = await temporaryFolder();
    const root = await emojiClasses(['a', 'b'], 3);
    const first = await loadImageFolder(root, { imageSize: 16 });
    expect(first.cache?.status).toBe('written');
    expect(first.cache?.file.startsWith(join(process.env.XDG_CACHE_HOME, 'dcgan', 'images'))).toBe(
      true,
    );
    const second = await loadImageFolder(root, { imageSize: 16 });
    expect(second.cache?.status).toBe('hit');
    expect({ ...second, cache: undefined }).toEqual({ ...first, cache: undefined });
    // The set's bytes are a view of the file read: no copy.
    expect(second.images.buffer.byteLength).toBeLessThan(second.images.length + 1000);
    const grey = await loadImageFolder(root, { imageSize: 16, channels: 1 });
    expect(grey.cache?.status).toBe('written');
    const [name] = await readdir(join(root, 'a'));
    await utimes(join(root, 'a', name as string), new Date(), new Date(2001, 1, 1));
    const changed = await loadImageFolder(root, { imageSize: 16 });
    expect(changed.cache?.status).toBe('written');
    expect(changed.cache?.file).not.toBe(first.cache?.file);
    expect((await readdir(join(process.env.XDG_CACHE_HOME, 'dcgan', 'images'))).length).toBe(2);
  });

  it('rebuilds a damaged cache file, and goes on when it cannot write one', async () => {
    const cache = await temporaryFolder();
    const root = await emojiClasses(['a'], 3);
    const first = await loadImageFolder(root, { imageSize: 8, cache });
    const file = first.cache?.file as string;
    const bytes = await readFile(file);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 1;
    await writeFile(file, bytes);
    const rebuilt = await loadImageFolder(root, { imageSize: 8, cache });
    expect(rebuilt.cache?.status).toBe('rebuilt');
    expect(rebuilt.images).toEqual(first.images);
    expect((await loadImageFolder(root, { imageSize: 8, cache })).cache?.status).toBe('hit');
    const blocked = join(await temporaryFolder(), 'file');
    await writeFile(blocked, 'not a folder');
    const unwritable = await loadImageFolder(root, { imageSize: 8, cache: blocked });
    expect(unwritable.cache).toMatchObject({
      status: 'unwritable',
      error: expect.stringMatching(/ENOTDIR/),
    });
    expect(unwritable.images).toEqual(first.images);
  });

  it('keeps the skipped files, and still refuses them without skipUnreadable', async () => {
    const cache = await temporaryFolder();
    const root = await writeFiles(await temporaryFolder(), {
      'good.png': png(2, 2, 1, [1, 2, 3, 4]),
      'empty.png': new Uint8Array(0),
    });
    await loadImageFolder(root, { imageSize: 2, cache, skipUnreadable: true });
    const again = await loadImageFolder(root, { imageSize: 2, cache, skipUnreadable: true });
    expect(again.cache?.status).toBe('hit');
    expect(again.skipped).toEqual([{ path: 'empty.png', reason: 'empty file (0 bytes)' }]);
    await expect(loadImageFolder(root, { imageSize: 2, cache })).rejects.toThrow(
      `${join(root, 'empty.png')}: empty file (0 bytes)`,
    );
  });
});
