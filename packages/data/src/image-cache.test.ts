import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CachedImages,
  defaultCacheDir,
  imageCacheFile,
  readImageCache,
  writeImageCache,
} from './image-cache.js';
import { noise, temporaryFolder } from './test-fixtures.js';

const data: CachedImages = {
  images: noise(3 * 4 * 4 * 3),
  labels: Uint8Array.of(0, 1, 1),
  count: 3,
  height: 4,
  width: 4,
  channels: 3,
  files: ['a/1.png', 'b/2.png', 'b/3.jpg'],
  classNames: ['a', 'b'],
  skipped: [{ path: 'b/4.png', reason: 'empty file (0 bytes)' }],
};
const first = { path: 'a/1.png', size: 10, mtimeMs: 1 };
const second = { path: 'b/2.png', size: 20, mtimeMs: 2 };
const files = [first, second];
const settings = { imageSize: 4, channels: 3 };

describe('image cache', () => {
  it('reads back what it wrote, leaving no temporary file', async () => {
    const { file, key } = imageCacheFile(await temporaryFolder(), '/pictures', settings, files);
    await writeImageCache(file, key, data);
    expect(await readImageCache(file, key)).toEqual(data);
    expect(await readdir(dirname(file))).toEqual([file.slice(dirname(file).length + 1)]);
    const { labels: _, classNames: __, ...unlabelled } = data;
    await writeImageCache(file, key, unlabelled);
    expect(await readImageCache(file, key)).toEqual(unlabelled);
  });

  it('keys by folder, settings, paths, sizes and mtimes', async () => {
    const dir = await temporaryFolder();
    const base = imageCacheFile(dir, '/pictures', settings, files);
    const others = [
      imageCacheFile(dir, '/other', settings, files),
      imageCacheFile(dir, '/pictures', { ...settings, channels: 1 }, files),
      imageCacheFile(dir, '/pictures', settings, [first, { ...second, size: 21 }]),
      imageCacheFile(dir, '/pictures', settings, [first, { ...second, mtimeMs: 3 }]),
      imageCacheFile(dir, '/pictures', settings, [first, { ...second, path: 'b/x.png' }]),
      imageCacheFile(dir, '/pictures', settings, files.slice(1)),
    ];
    expect(new Set([base, ...others].map(({ file }) => file)).size).toBe(7);
    expect(await readImageCache(others[2]?.file as string, others[2]?.key as string)).toBe(
      'missing',
    );
  });

  it('replaces the file of an older file list of the same folder and settings', async () => {
    const dir = await temporaryFolder();
    const older = imageCacheFile(dir, '/pictures', settings, files);
    const newer = imageCacheFile(dir, '/pictures', settings, files.slice(1));
    const elsewhere = imageCacheFile(dir, '/other', settings, files);
    await writeImageCache(older.file, older.key, data);
    await writeImageCache(elsewhere.file, elsewhere.key, data);
    await writeImageCache(newer.file, newer.key, data);
    expect((await readdir(join(dir, 'images'))).sort()).toEqual(
      [newer.file, elsewhere.file].map((file) => file.slice(join(dir, 'images').length + 1)).sort(),
    );
  });

  it('never trusts a damaged file: a flipped byte anywhere, a cut, another key', async () => {
    const { file, key } = imageCacheFile(await temporaryFolder(), '/pictures', settings, files);
    await writeImageCache(file, key, data);
    const whole = await readFile(file);
    for (let at = 0; at < whole.length; at += 7) {
      const bytes = Buffer.from(whole);
      bytes[at] = (bytes[at] as number) ^ 0x10;
      await writeFile(file, bytes);
      expect(await readImageCache(file, key)).toBe('damaged');
    }
    for (const length of [0, 10, 16, whole.length - 1]) {
      await writeFile(file, whole.subarray(0, length));
      expect(await readImageCache(file, key)).toBe('damaged');
    }
    await writeFile(file, whole);
    expect(await readImageCache(file, `${key}0`)).toBe('damaged');
    expect(await readImageCache(file, key)).toEqual(data);
  });

  it('lives in $XDG_CACHE_HOME/dcgan, else ~/.cache/dcgan', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }, '/home/me')).toBe(
      '/var/cache/me/dcgan',
    );
    expect(defaultCacheDir({}, '/home/me')).toBe('/home/me/.cache/dcgan');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/me')).toBe(
      '/home/me/.cache/dcgan',
    );
  });
});
