import { copyFile, mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageFolderDataset } from './image-folder-dataset.js';
import type { ImageReadOptions } from './image-options.js';
import { loadImageFolder } from './load-image-folder.js';
import { loadDataset } from './load-node.js';
import { launchChromium, servePage } from './test-browser.js';
import {
  emojiFolder,
  gradient,
  meanDifference,
  noise,
  png,
  someEmoji,
  temporaryFolder,
  writeFiles,
} from './test-fixtures.js';

/** What the page sends back: the set with its bytes in base64, or the error's message. */
type PageResult = {
  set?: Omit<ImageFolderDataset, 'images' | 'labels'> & { images: string; labels?: number[] };
  error?: string;
};

let browser: Browser;
let page: Page;
let server: Server;

/** Picks `folder` in the page's folder input, then reads it in the Web Worker (or on the page). */
async function inBrowser(
  folder: string,
  options: ImageReadOptions,
  where = 'inWorker',
): Promise<PageResult> {
  await page.setInputFiles('#pick', folder);
  return page.evaluate(
    ([where, options]) =>
      (window as unknown as Record<string, (o: unknown) => Promise<PageResult>>)[where]?.(
        options,
      ) as Promise<PageResult>,
    [where, options] as const,
  );
}

/** The browser's set as bytes, beside the Node reader's for the same folder and options. */
async function bothReaders(folder: string, options: ImageReadOptions, where?: string) {
  const result = await inBrowser(folder, options, where);
  if (!result.set) throw new Error(`the browser reader failed: ${result.error}`);
  const node = await loadImageFolder(folder, { ...options, cache: false });
  const browserImages = new Uint8Array(Buffer.from(result.set.images, 'base64'));
  return { browser: { ...result.set, images: browserImages }, node };
}

function maxDifference(a: Uint8Array, b: Uint8Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++)
    max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}

describe('loadImageFiles in Chromium', () => {
  beforeAll(async () => {
    ({ server } = await servePage().then(async ({ url, server }) => {
      browser = await launchChromium();
      page = await browser.newPage();
      await page.goto(url);
      return { server };
    }));
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('gives the Node reader bytes, labels and paths for real MNIST PNGs, in a Web Worker', async () => {
    const idx = await loadDataset('mnist', 'test');
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 300; i++) {
      files[`${idx.labels[i]}/${i}.png`] = png(
        28,
        28,
        1,
        idx.images.subarray(i * 784, (i + 1) * 784),
      );
    }
    const folder = await writeFiles(await temporaryFolder(), files);
    const { browser, node } = await bothReaders(folder, { imageSize: 28, channels: 1 });
    expect(browser.files).toEqual(node.files);
    expect(browser.classNames).toEqual(node.classNames);
    expect(browser.labels).toEqual(Array.from(node.labels as Uint8Array));
    expect(Buffer.from(browser.images).equals(Buffer.from(node.images))).toBe(true);
  });

  it('gives the same bytes for RGB and grey PNGs at their own size, cropped when not square', async () => {
    const sizes = [
      [20, 20],
      [27, 20],
      [20, 31],
      [20, 21],
      [40, 20],
    ] as const;
    const files: Record<string, Uint8Array> = {};
    for (const [i, [width, height]] of sizes.entries()) {
      files[`rgb-${i}.png`] = png(width, height, 3, noise(width * height * 3, i + 1));
      files[`grey-${i}.png`] = png(width, height, 1, noise(width * height, i + 9));
    }
    const folder = await writeFiles(await temporaryFolder(), files);
    for (const channels of [1, 3] as const) {
      const { browser, node } = await bothReaders(folder, { imageSize: 20, channels }, 'onPage');
      expect(browser.files).toEqual(node.files);
      expect(browser.count).toBe(10);
      expect(Buffer.from(browser.images).equals(Buffer.from(node.images))).toBe(true);
    }
  });

  it('gives close bytes for real emoji (translucent) cropped, resized, and for rotated JPEGs', async () => {
    const folder = await temporaryFolder();
    const source = await emojiFolder();
    for (const [i, name] of (await someEmoji(24)).entries()) {
      await mkdir(join(folder, i < 12 ? 'first' : 'second'), { recursive: true });
      await copyFile(join(source, name), join(folder, i < 12 ? 'first' : 'second', name));
    }
    const cropped = await bothReaders(folder, { imageSize: 128 });
    expect(cropped.browser.labels).toEqual(Array.from(cropped.node.labels as Uint8Array));
    // Compositing rounds premultiplied values in the browser: a step at most, in a few pixels.
    expect(maxDifference(cropped.browser.images, cropped.node.images)).toBeLessThanOrEqual(2);
    expect(meanDifference(cropped.browser.images, cropped.node.images)).toBeLessThan(0.1);
    // Chromium's filters (mipmaps, cubic) are not sharp's Lanczos-3: close, not equal.
    for (const imageSize of [32, 48]) {
      const resized = await bothReaders(folder, { imageSize, background: '#204060' });
      expect(meanDifference(resized.browser.images, resized.node.images)).toBeLessThan(6);
      // Unrelated pictures differ far more: the bound above tells pictures apart.
      const shifted = resized.node.images.subarray(imageSize * imageSize * 3);
      const unrelated = resized.browser.images.subarray(0, shifted.length);
      expect(meanDifference(unrelated, shifted)).toBeGreaterThan(20);
    }

    const picture = sharp(gradient(48, 24), { raw: { width: 48, height: 24, channels: 3 } });
    const jpegs = await writeFiles(await temporaryFolder(), {
      'plain.jpg': await picture.clone().jpeg({ quality: 95 }).toBuffer(),
      'rotated.jpg': await picture
        .clone()
        .withMetadata({ orientation: 6 })
        .jpeg({ quality: 95 })
        .toBuffer(),
    });
    const turned = await bothReaders(jpegs, { imageSize: 16 });
    expect(meanDifference(turned.browser.images, turned.node.images)).toBeLessThan(4);
  });

  it('downscales without aliasing: a one-pixel checkerboard becomes even grey', async () => {
    const board = Uint8Array.from({ length: 256 * 256 }, (_, i) =>
      ((i % 256) + (i >> 8)) % 2 ? 255 : 0,
    );
    const folder = await writeFiles(await temporaryFolder(), {
      'board.png': png(256, 256, 1, board),
    });
    // A cubic filter alone gives 10 to 245 at 200: moire.
    for (const [imageSize, low, high] of [
      [32, 120, 135],
      [100, 112, 143],
      [200, 85, 170],
    ] as const) {
      const { browser } = await bothReaders(folder, { imageSize, channels: 1 }, 'onPage');
      expect(Math.min(...browser.images)).toBeGreaterThanOrEqual(low);
      expect(Math.max(...browser.images)).toBeLessThanOrEqual(high);
    }
  });

  it('names unreadable files, or skips them, and takes dropped files with their paths', async () => {
    const folder = await writeFiles(await temporaryFolder(), {
      'a/good.png': png(4, 4, 3, noise(48)),
      'a/text.png': 'not a picture',
      'b/empty.png': new Uint8Array(0),
      'b/good.png': png(4, 4, 3, noise(48, 2)),
      'b/notes.txt': 'left out',
    });
    const name = folder.slice(folder.lastIndexOf('/') + 1);
    expect((await inBrowser(folder, { imageSize: 4 })).error).toBe(
      `${name}/a/text.png: not a PNG, JPEG or WebP image (13 bytes starting with "not a pictur")`,
    );
    const skipping = await inBrowser(folder, { imageSize: 4, skipUnreadable: true }, 'onPage');
    expect(skipping.set?.files).toEqual(['a/good.png', 'b/good.png']);
    expect(skipping.set?.skipped).toEqual([
      {
        path: 'a/text.png',
        reason: 'not a PNG, JPEG or WebP image (13 bytes starting with "not a pictur")',
      },
      { path: 'b/empty.png', reason: 'empty file (0 bytes)' },
    ]);
    const dropped = await inBrowser(folder, { imageSize: 4, skipUnreadable: true }, 'dropped');
    expect(dropped.set?.classNames).toEqual(['a', 'b']);
    expect(dropped.set?.images).toBe(skipping.set?.images);
  });
});
