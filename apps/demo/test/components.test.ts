import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  canvasPixels,
  drawnValues,
  greyLevels,
  launchChromium,
  openPage,
  screenshot,
} from './browser.js';

describe('the components on a plain page, as docs embed them', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('draws each of them', async () => {
    const { page, errors, outside } = await openPage(browser, `${baseUrl}components.html`);
    await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });

    expect(await drawnValues(page, '#grid-generator')).toHaveLength(9 * 28 * 28);
    expect(greyLevels(await canvasPixels(page, '#grid-generator'))).toBeGreaterThan(10);
    const gradient = await canvasPixels(page, '#grid-values');
    expect(greyLevels(gradient)).toBeGreaterThan(200);

    expect(await drawnValues(page, '#walk')).toHaveLength(3 * 28 * 28);

    const figures = await page.evaluate(() => {
      const chart = document.querySelector('#chart') as unknown as {
        metrics: { classifierScore?: number }[];
        shadowRoot: ShadowRoot;
      };
      const view = document.querySelector('#view') as unknown as {
        metrics: unknown[];
        samples: unknown[];
        shadowRoot: ShadowRoot;
      };
      const hidden = (root: ShadowRoot) =>
        Array.from(root.querySelectorAll('.chart'), (div) => (div as HTMLElement).hidden);
      return {
        chartLines: chart.metrics.length,
        evaluations: chart.metrics.filter((m) => m.classifierScore !== undefined).length,
        chartPanels: hidden(chart.shadowRoot),
        viewSteps: view.metrics.length,
        viewSamples: view.samples.length,
        summary: view.shadowRoot
          .querySelector('.summary')
          ?.textContent?.replace(/\s+/g, ' ')
          .trim(),
      };
    });
    expect(figures).toMatchObject({
      chartLines: 200,
      evaluations: 4,
      chartPanels: [false, false, false],
      viewSteps: 50,
      viewSamples: 2,
    });
    expect(figures.summary).toMatch(/^iteration 50 · discriminator loss 0\.\d{3}/);
    await screenshot(page, 'components-page');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
