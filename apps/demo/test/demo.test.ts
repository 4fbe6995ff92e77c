import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  canvasPixels,
  darkShare,
  drawnAfter,
  drawnValues,
  greyLevels,
  launchChromium,
  maxDifference,
  openPage,
  screenshot,
} from './browser.js';

describe('the demo page', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('starts WebGL, loads the generator and draws a grid that changes with the seed', async () => {
    const { page, errors, outside } = await openPage(browser, baseUrl);
    await page.waitForFunction(
      () => document.querySelector('#backend')?.textContent !== 'starting…',
    );
    expect(await page.textContent('#backend')).toBe('webgl');
    const seed1 = await drawnValues(page, '#grid');
    expect(seed1).toHaveLength(16 * 28 * 28);
    const pixels = await canvasPixels(page, '#grid');
    // The pretrained generator draws digits: strokes of many grey levels on a black ground.
    expect(greyLevels(pixels)).toBeGreaterThan(10);
    expect(darkShare(pixels)).toBeGreaterThan(0.5);
    await screenshot(page, 'demo-webgl');

    const seed2 = await drawnAfter(page, '#grid', () => page.click('#next-seed'));
    expect(await page.inputValue('#seed')).toBe('2');
    expect(maxDifference(seed1, seed2)).toBeGreaterThan(0.1);
    expect((await canvasPixels(page, '#grid')).data).not.toEqual(pixels.data);
    expect(await page.isHidden('#error')).toBe(true);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('walks the latent space, by the play button and by the slider', async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    const start = await drawnValues(page, '#walk');
    const shownPosition = () =>
      page.evaluate(
        () =>
          (document.querySelector('#walk') as unknown as { shownPosition?: number }).shownPosition,
      );
    expect(await shownPosition()).toBe(0);
    await page.locator('#walk button').click();
    await page.waitForFunction(
      () =>
        ((document.querySelector('#walk') as unknown as { shownPosition?: number }).shownPosition ??
          0) > 0,
    );
    await page.locator('#walk button').click();
    expect(await page.locator('#walk button').textContent()).toContain('Play');

    await page.locator('#walk input[type=range]').evaluate((slider: HTMLInputElement) => {
      slider.value = '36';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(
      () =>
        (document.querySelector('#walk') as unknown as { shownPosition?: number }).shownPosition ===
        1.5,
    );
    const slid = await drawnValues(page, '#walk');
    // Untrained, the served generator draws faint noise: frames differ, but by little.
    expect(maxDifference(start, slid)).toBeGreaterThan(0.01);
    await page.locator('#walk').scrollIntoViewIfNeeded();
    await screenshot(page, 'demo-latent-walk');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so clearly when the model cannot load, and still runs', async () => {
    const { page } = await openPage(browser, `${baseUrl}?model=/no/such/model.json`);
    await page.waitForSelector('#error:not([hidden])');
    const message = await page.textContent('#error');
    expect(message).toContain('Cannot load the generator');
    expect(message).toContain('/no/such/model.json');
    expect(message).toContain('Check the ?model= URL');
    expect(await page.textContent('#model-status')).toBe('(not loaded)');
    expect(await page.textContent('#backend')).toBe('webgl');
    await screenshot(page, 'demo-broken-model-url');
    await page.close();
  });
});
