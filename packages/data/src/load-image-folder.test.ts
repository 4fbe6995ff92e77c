import { copyFile, mkdir, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadImageFolder } from './load-image-folder.js';
import {
  emojiFolder,
  gradient,
  noise,
  png,
  someEmoji,
  temporaryFolder,
  writeFiles,
} from './test-fixtures.js';

let emoji: string;
/** A folder of `perClass` emoji in each of the classes, copied from the emoji folder. */
async function emojiClasses(classes: string[], perClass: number): Promise<string> {
  const root = await temporaryFolder();
  const names = await someEmoji(classes.length * perClass);
  for (const [i, name] of names.entries()) {
    const folder = join(root, classes[Math.floor(i / perClass)] as string);
    await mkdir(folder, { recursive: true });
    await copyFile(join(emoji, name), join(folder, name));
  }
  return root;
}

describe('loadImageFolder', () => {
  beforeAll(async () => {
    emoji = await emojiFolder();
  });

  it('reads real pictures with one label a class folder, classes sorted', async () => {
    const root = await emojiClasses(['zebra', 'ant', 'moth'], 4);
    const set = await loadImageFolder(root, { imageSize: 24, cache: false });
    expect(set).toMatchObject({ count: 12, height: 24, width: 24, channels: 3, skipped: [] });
    expect(set.classNames).toEqual(['ant', 'moth', 'zebra']);
    expect(set.files.slice(0, 2)).toEqual(
      (await readdir(join(root, 'ant')))
        .sort()
        .slice(0, 2)
        .map((n) => `ant/${n}`),
    );
    expect(Array.from(set.labels as Uint8Array)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    // Exactly the bytes of the set: no copy, no slack.
    expect(set.images.buffer.byteLength).toBe(12 * 24 * 24 * 3);
    // Emoji corners are transparent: white.
    expect(Array.from(set.images.subarray(0, 3))).toEqual([255, 255, 255]);
    expect(set.cache).toBeUndefined();
  });

  it('reads a folder without subfolders unlabelled, grey with channels: 1', async () => {
    const root = await writeFiles(await temporaryFolder(), {
      'one.png': png(4, 4, 3, noise(48, 1)),
      'two.png': png(4, 4, 3, noise(48, 2)),
    });
    const set = await loadImageFolder(root, { imageSize: 4, channels: 1, cache: false });
    expect(set).toMatchObject({ count: 2, channels: 1, files: ['one.png', 'two.png'] });
    expect(set.labels).toBeUndefined();
    expect(set.images.length).toBe(32);
  });

  it('refuses images at the root next to class folders, and a folder without images', async () => {
    const mixed = await writeFiles(await temporaryFolder(), {
      'cat/a.png': png(2, 2, 1, [1, 2, 3, 4]),
      'b.png': png(2, 2, 1, [1, 2, 3, 4]),
    });
    await expect(loadImageFolder(mixed, { imageSize: 2, cache: false })).rejects.toThrow(
      `${mixed}: 1 image(s) at the root (b.png) next to class folders (cat)`,
    );
    const set = await loadImageFolder(mixed, { imageSize: 2, classes: false, cache: false });
    expect(set.files).toEqual(['b.png', 'cat/a.png']);
    const none = await writeFiles(await temporaryFolder(), {
      'notes.txt': 'x',
      'sub/.hidden.png': 'x',
    });
    await expect(loadImageFolder(none, { imageSize: 2, cache: false })).rejects.toThrow(
      `${none}: no PNG, JPEG or WebP image in this folder or its subfolders (hidden ones skipped)`,
    );
  });

  it('ends on a link loop', async () => {
    const root = await writeFiles(await temporaryFolder(), {
      'a/x.png': png(2, 2, 1, [1, 2, 3, 4]),
    });
    await symlink(root, join(root, 'a', 'loop'));
    const set = await loadImageFolder(root, { imageSize: 2, cache: false });
    expect(set.files).toEqual(['a/x.png']);
  });

  describe('bad and unusual files', () => {
    let root: string;
    const huge = png(1, 1, 3, [1, 2, 3]).slice();
    new DataView(huge.buffer).setUint32(16, 30000);
    new DataView(huge.buffer).setUint32(20, 30000);
    const whole = png(16, 16, 3, noise(768));
    const corrupt = whole.slice();
    corrupt[60] = (corrupt[60] as number) ^ 0xff;
    const bad: Record<string, string | Uint8Array> = {
      'bad/corrupt.png': corrupt,
      'bad/empty.png': new Uint8Array(0),
      'bad/huge.png': huge,
      'bad/text.png': 'this is not a picture\n',
      'bad/truncated.png': whole.subarray(0, 400),
    };
    beforeAll(async () => {
      const picture = sharp(gradient(16, 16), { raw: { width: 16, height: 16, channels: 3 } });
      root = await writeFiles(await temporaryFolder(), {
        ...bad,
        'good/16-bit.png': png(4, 4, 3, new Array(48).fill(40000), { depth: 16 }),
        'good/grey-alpha.png': png(2, 1, 2, [200, 0, 100, 255]),
        'good/palette.png': png(
          4,
          4,
          1,
          noise(16).map((v) => v % 2),
          {
            palette: [
              [9, 9, 9],
              [200, 100, 0],
            ],
          },
        ),
        'good/cmyk.jpg': await picture.clone().toColourspace('cmyk').jpeg().toBuffer(),
        'good/progressive.jpg': await picture.clone().jpeg({ progressive: true }).toBuffer(),
        'good/rotated.jpg': await picture
          .clone()
          .withMetadata({ orientation: 8 })
          .jpeg()
          .toBuffer(),
        'good/lossy.webp': await picture.clone().webp().toBuffer(),
      });
      await symlink(join(root, 'nowhere.png'), join(root, 'bad', 'link.png'));
    });

    it('names the first bad file and what is wrong with it', async () => {
      await expect(
        loadImageFolder(root, { imageSize: 4, cache: false, concurrency: 1 }),
      ).rejects.toThrow(`${join(root, 'bad/link.png')}: cannot be read (ENOENT)`);
      for (const [path, message] of [
        ['bad/corrupt.png', /: not a readable PNG image \(.+\)$/],
        ['bad/empty.png', /: empty file \(0 bytes\)$/],
        [
          'bad/huge.png',
          /: PNG header claims 30000x30000 pixels, more than maxPixels \(100000000\)$/,
        ],
        [
          'bad/text.png',
          /: not a PNG, JPEG or WebP image \(22 bytes starting with "this is not "\)$/,
        ],
        ['bad/truncated.png', /: not a readable PNG image \(.+\)$/],
      ] as const) {
        const alone = await writeFiles(await temporaryFolder(), {
          [path]: bad[path] as Uint8Array,
        });
        await expect(loadImageFolder(alone, { imageSize: 4, cache: false })).rejects.toThrow(
          new RegExp(`^${join(alone, path).replace(/[.]/g, '\\.')}${message.source}`),
        );
      }
    });

    it('with skipUnreadable, reads the good ones and returns the bad ones with reasons', async () => {
      const set = await loadImageFolder(root, { imageSize: 4, skipUnreadable: true, cache: false });
      expect(set.classNames).toEqual(['bad', 'good']);
      expect(set.files).toEqual([
        'good/16-bit.png',
        'good/cmyk.jpg',
        'good/grey-alpha.png',
        'good/lossy.webp',
        'good/palette.png',
        'good/progressive.jpg',
        'good/rotated.jpg',
      ]);
      expect(Array.from(set.labels as Uint8Array)).toEqual(new Array(7).fill(1));
      expect(set.skipped.map((file) => file.path)).toEqual([
        'bad/corrupt.png',
        'bad/empty.png',
        'bad/huge.png',
        'bad/link.png',
        'bad/text.png',
        'bad/truncated.png',
      ]);
      expect(set.skipped[2]?.reason).toBe(
        'PNG header claims 30000x30000 pixels, more than maxPixels (100000000)',
      );
      const image = (i: number) => Array.from(set.images.subarray(i * 48, i * 48 + 48));
      // 16-bit 40000 is 8-bit 156 (40000 / 257 = 155.6).
      expect(image(0)).toEqual(new Array(48).fill(156));
      const palette = [
        [9, 9, 9],
        [200, 100, 0],
      ];
      expect(image(4)).toEqual(Array.from(noise(16)).flatMap((v) => palette[v % 2] as number[]));
    });
  });

  describe('cache', () => {
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
      expect(
        first.cache?.file.startsWith(join(process.env.XDG_CACHE_HOME, 'dcgan', 'images')),
      ).toBe(true);
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
});
