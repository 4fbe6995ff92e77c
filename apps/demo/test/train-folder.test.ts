import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasPixels, launchChromium, openPage, screenshot } from './browser.js';
import { picturesFolder } from './pictures.js';
import {
  colourGridDrawn,
  colours,
  recordTensorCounts,
  stepsAtLeast,
  stopTraining,
  textOf,
  trainedRun,
} from './training-page.js';

describe('training on your pictures', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('trains the Radford DCGAN on a folder of colour pictures, saves it and draws it again', async () => {
    const folder = await picturesFolder(200, {
      'broken.png': 'not a picture',
      'empty.png': new Uint8Array(0),
    });
    // On wasm: WebGL in software (SwiftShader) is slower here.
    const { page, errors, outside } = await openPage(browser, `${baseUrl}?backend=wasm`);
    await page.waitForFunction(() => document.querySelector('#backend')?.textContent === 'wasm');
    await recordTensorCounts(page);
    await page.selectOption('#train-data', 'pictures');
    await page.setInputFiles('#picture-folder', folder);
    expect(await textOf(page, '#picture-status')).toBe('202 files picked.');
    await page.selectOption('#image-size', '32');
    await page.selectOption('#channels', '3');
    expect(await page.isChecked('#augment')).toBe(true);
    await page.fill('#batch-size', '8');
    await page.fill('#sample-interval', '4');
    await page.click('#train-start');
    await stepsAtLeast(page, 12, 100_000);
    await stopTraining(page);
    expect(await textOf(page, '#picture-status')).toBe(
      'Read 200 pictures. Skipped 2 unreadable files: broken.png, empty.png.',
    );
    const run = await trainedRun(page);
    expect(run.steps.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(run.losses.every((loss) => Number.isFinite(loss) && loss > 0)).toBe(true);
    expect(run.samples.slice(0, 4)).toEqual([
      [0, 32, 3],
      [4, 32, 3],
      [8, 32, 3],
      [12, 32, 3],
    ]);
    // The optimizers' moments appear at the first step; no step or sample grid leaks after it.
    expect(new Set(run.tensors.slice(1)).size).toBe(1);
    const samples = await canvasPixels(page, '#training-view');
    expect([samples.width, samples.height]).toEqual([138, 138]);
    // The generator's BatchNorm statistics start at 0 and 1: its first samples are faint, yet coloured.
    const sampleColours = colours(samples);
    expect(sampleColours.colouredShare).toBeGreaterThan(0.25);
    expect(sampleColours.distinct).toBeGreaterThan(100);
    await page.locator('#train-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'demo-train-folder');

    // "Use this generator above": the page's copy of the worker's generator draws 32x32 colour.
    await page.click('#train-use');
    await colourGridDrawn(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#train-download'),
    ]);
    expect(download.suggestedFilename()).toBe('dcgan-generator.json');
    const modelJson = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(modelJson.weightsManifest[0].paths).toEqual(['./dcgan-generator.weights.bin']);
    await page.click('#train-save');
    await page.waitForFunction(() =>
      document.querySelector('#train-save-status')?.textContent?.startsWith('Saved'),
    );
    // Loaded back from IndexedDB by the generate panel: its files say its size and channels.
    await page.click('#train-save-status a');
    await page.waitForURL(/\?model=indexeddb/);
    await colourGridDrawn(page);
    expect(await textOf(page, '#model-url')).toBe('indexeddb://dcgan-demo-generator');
    const grid = await canvasPixels(page, '#grid');
    expect([grid.width, grid.height]).toEqual([138, 138]);
    const gridColours = colours(grid);
    expect(gridColours.colouredShare).toBeGreaterThan(0.25);
    expect(gridColours.distinct).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('says clearly when there are no pictures, or none can be read; on a phone, for every reader', async () => {
    const viewport = { width: 390, height: 844 };
    const { page } = await openPage(browser, `${baseUrl}?backend=wasm`, { viewport });
    await page.selectOption('#train-data', 'pictures');
    // Chosen before the page has set up its panels (they wait for the backend): it must show anyway.
    await page.locator('#picture-folder').waitFor({ state: 'visible', timeout: 10_000 });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.locator('#pictures').scrollIntoViewIfNeeded();
    await screenshot(page, 'demo-train-folder-phone');

    await page.click('#train-start');
    expect(await textOf(page, '#error')).toContain(
      'No pictures to train on: no folder picked and no files dropped',
    );

    const unreadable = await picturesFolder(0, { 'broken.png': 'not a picture', 'notes.txt': 'x' });
    await page.setInputFiles('#picture-folder', unreadable);
    expect(await textOf(page, '#picture-status')).toBe('2 files picked.');
    await page.click('#train-start');
    await page.waitForFunction(() =>
      document.querySelector('#error')?.textContent?.includes('Training failed'),
    );
    const message = await textOf(page, '#error');
    expect(message).toContain('none of its 1 image files could be read');
    expect(message).toContain('broken.png: not a PNG, JPEG or WebP image');
    expect(message).toContain('Pick a folder of PNG, JPEG or WebP pictures');
    expect(await page.isEnabled('#train-start')).toBe(true);
    expect(await page.isEnabled('#train-data')).toBe(true);

    // A drop of files (a folder's would be walked) replaces the folder picked.
    const transfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([], 'empty.png', { type: 'image/png' }));
      return transfer;
    });
    await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
    await page.waitForFunction(
      () => document.querySelector('#picture-status')?.textContent === '1 file dropped.',
    );
    await page.click('#train-start');
    await page.waitForFunction(() =>
      document.querySelector('#error')?.textContent?.includes('empty.png'),
    );
    expect(await textOf(page, '#error')).toContain('empty.png: empty file (0 bytes)');
    await page.context().close();
  });
});
