import { readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadImageFolder } from './load-image-folder.js';
import {
  emojiClasses,
  gradient,
  noise,
  png,
  temporaryFolder,
  writeFiles,
} from './test-fixtures.js';

describe('loadImageFolder', () => {
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
    const progress: [number, number][] = [];
    const onProgress = (done: number, total: number) => progress.push([done, total]);
    const set = await loadImageFolder(root, {
      imageSize: 4,
      channels: 1,
      cache: false,
      onProgress,
    });
    expect(set).toMatchObject({ count: 2, channels: 1, files: ['one.png', 'two.png'] });
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
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
});
