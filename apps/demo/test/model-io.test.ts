import { generate, loadPretrainedGenerator } from '@dcgan/models/node';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { drawnValues, launchChromium, maxDifference, openPage, screenshot } from './browser.js';

describe('a generator loaded and saved in the browser', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let inNode: number[];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const generator = await loadPretrainedGenerator('mnist');
    const images = generate(generator, 16, { seed: 1 });
    inNode = Array.from(images.dataSync());
    images.dispose();
    generator.dispose();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it("gives from the app's http URL the images it gives in Node, and the same from IndexedDB", async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    const overHttp = await drawnValues(page, '#grid');
    // WebGL (SwiftShader) and Node's cpu backend round float32 sums in different orders.
    expect(maxDifference(overHttp, inNode)).toBeLessThan(1e-4);

    await page.click('#save-model');
    await page.waitForFunction(() =>
      document.querySelector('#save-status')?.textContent?.startsWith('Saved'),
    );
    await page.click('#save-status a');
    await page.waitForURL(/\?model=indexeddb/);
    const fromIndexedDb = await drawnValues(page, '#grid');
    expect(await page.textContent('#model-url')).toBe('indexeddb://dcgan-demo-generator');
    expect(maxDifference(fromIndexedDb, overHttp)).toBe(0);
    await screenshot(page, 'demo-model-from-indexeddb');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives the same images on wasm (?backend=wasm), its files served by the app', async () => {
    const { page, errors, outside } = await openPage(browser, `${baseUrl}?backend=wasm`);
    const onWasm = await drawnValues(page, '#grid');
    expect(await page.textContent('#backend')).toBe('wasm');
    expect(maxDifference(onWasm, inNode)).toBeLessThan(1e-4);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
