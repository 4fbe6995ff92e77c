import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  canvasPixels,
  drawnValues,
  greyLevels,
  launchChromium,
  openPage,
  screenshot,
} from './browser.js';
import { stepsAtLeast, stopTraining } from './training-page.js';

/** The training view's losses so far, one pair an iteration. */
function losses(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    (
      document.querySelector('#training-view') as unknown as {
        metrics: { discriminatorLoss: number; generatorLoss: number }[];
      }
    ).metrics.flatMap((m) => [m.discriminatorLoss, m.generatorLoss]),
  );
}

describe('the demo on WebGPU (SwiftShader in CI: --enable-unsafe-webgpu)', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium(['--enable-unsafe-webgpu']);
  });
  afterAll(() => browser?.close());

  it('leaves a software adapter to WebGL by itself, and on ?backend=webgpu generates and trains', async () => {
    const plain = await openPage(browser, baseUrl);
    await plain.page.waitForFunction(
      () => document.querySelector('#backend')?.textContent !== 'starting…',
    );
    const adapter = await plain.page.evaluate(async () => {
      const gpu = (navigator as { gpu?: { requestAdapter(): Promise<{ info?: object } | null> } })
        .gpu;
      const found = await gpu?.requestAdapter();
      return found ? JSON.stringify(found.info ?? {}) : undefined;
    });
    expect(adapter, 'Chromium gives no WebGPU adapter with --enable-unsafe-webgpu').toBeDefined();
    if (/swiftshader/i.test(adapter as string)) {
      expect(await plain.page.textContent('#backend')).toBe('webgl');
    }
    await plain.page.close();

    const { page, errors, outside } = await openPage(browser, `${baseUrl}?backend=webgpu`);
    await page.waitForFunction(
      () => document.querySelector('#backend')?.textContent !== 'starting…',
    );
    expect(await page.textContent('#backend')).toBe('webgpu');
    expect(await drawnValues(page, '#grid')).toHaveLength(16 * 28 * 28);
    expect(greyLevels(await canvasPixels(page, '#grid'))).toBeGreaterThan(10);

    await page.fill('#batch-size', '2');
    await page.fill('#sample-interval', '1');
    await page.click('#train-start');
    await stepsAtLeast(page, 2, 240_000);
    await stopTraining(page, 120_000);
    expect(await page.getAttribute('#train-status', 'data-backend')).toBe('webgpu');
    const values = await losses(page);
    expect(values.length).toBeGreaterThanOrEqual(4);
    expect(values.every((loss) => Number.isFinite(loss) && loss > 0)).toBe(true);
    await screenshot(page, 'demo-webgpu');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 600_000);
});
