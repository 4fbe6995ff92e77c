import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasPixels, launchChromium, openPage } from './browser.js';
import { picturesFolder } from './pictures.js';
import {
  colours,
  recordTensorCounts,
  stepsAtLeast,
  stopTraining,
  textOf,
  trainedRun,
} from './training-page.js';

/**
 * How far apart the channels of a pixel are in RGB values `[..., 3]`: the mean of each pixel's
 * largest minus smallest channel, over the mean distance of all values from their mean (0 for grey).
 */
function channelSpread(values: number[]): number {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const deviation = values.reduce((sum, v) => sum + Math.abs(v - mean), 0) / values.length;
  let spread = 0;
  for (let i = 0; i < values.length; i += 3) {
    const pixel = values.slice(i, i + 3);
    spread += Math.max(...pixel) - Math.min(...pixel);
  }
  return spread / (values.length / 3) / deviation;
}

describe('training on your pictures on WebGL and WebGPU (SwiftShader in CI)', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let folder: string;

  beforeAll(async () => {
    [browser, folder] = await Promise.all([
      launchChromium(['--enable-unsafe-webgpu']),
      picturesFolder(24),
    ]);
  });
  afterAll(() => browser?.close());

  for (const backend of ['webgl', 'webgpu'] as const) {
    it(`trains the Radford DCGAN on colour pictures on ${backend}, in colour, without leaks`, async () => {
      const { page, errors, outside } = await openPage(browser, `${baseUrl}?backend=${backend}`);
      await page.waitForFunction(
        () => document.querySelector('#backend')?.textContent !== 'starting…',
      );
      expect(await textOf(page, '#backend')).toBe(backend);
      await recordTensorCounts(page);
      await page.selectOption('#train-data', 'pictures');
      await page.setInputFiles('#picture-folder', folder);
      await page.selectOption('#image-size', '32');
      await page.selectOption('#channels', '3');
      await page.fill('#batch-size', '2');
      await page.fill('#sample-interval', '2');
      await page.click('#train-start');
      await stepsAtLeast(page, 4, 150_000);
      await stopTraining(page);
      expect(await textOf(page, '#picture-status')).toBe('Read 24 pictures.');
      const run = await trainedRun(page);
      expect(run.losses.every((loss) => Number.isFinite(loss) && loss > 0)).toBe(true);
      expect(run.samples.slice(0, 3)).toEqual([
        [0, 32, 3],
        [2, 32, 3],
        [4, 32, 3],
      ]);
      // The optimizers' moments appear at the first step; no step or sample grid leaks after it.
      expect(new Set(run.tensors.slice(1)).size).toBe(1);
      // Faint after so few steps, yet in colour: the channels of a pixel differ as much as pixels do.
      expect(channelSpread(run.last)).toBeGreaterThan(0.3);
      expect(colours(await canvasPixels(page, '#training-view')).distinct).toBeGreaterThan(100);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await page.context().close();
    });
  }
});
