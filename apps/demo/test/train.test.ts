import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasPixels, greyLevels, launchChromium, openPage, screenshot } from './browser.js';
import { stepsAtLeast, stopTraining } from './training-page.js';

interface ViewState {
  steps: number[];
  samples: number[];
  chartPoints: number;
  losses: number[];
}

function viewState(page: Page): Promise<ViewState> {
  return page.evaluate(() => {
    const view = document.querySelector('#training-view') as unknown as {
      metrics: { step: number; discriminatorLoss: number; generatorLoss: number }[];
      samples: { step: number }[];
      shadowRoot: ShadowRoot;
    };
    const chart = view.shadowRoot.querySelector('dcgan-loss-chart') as unknown as {
      metrics: unknown[];
    };
    return {
      steps: view.metrics.map((m) => m.step),
      samples: view.samples.map((s) => s.step),
      chartPoints: chart.metrics.length,
      losses: view.metrics.flatMap((m) => [m.discriminatorLoss, m.generatorLoss]),
    };
  });
}

describe('training in the page', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('trains on MNIST, updates the chart and the samples, stops and resumes', async () => {
    // On wasm: WebGL in software (SwiftShader) takes 5 to 40 s an iteration here, wasm about 2 s.
    const { page, errors, outside } = await openPage(browser, `${baseUrl}?backend=wasm`);
    await page.waitForFunction(() => document.querySelector('#backend')?.textContent === 'wasm');
    await page.fill('#batch-size', '8');
    await page.fill('#sample-interval', '2');
    await page.click('#train-start');
    await stepsAtLeast(page, 3);
    await stopTraining(page);
    const stopped = await viewState(page);
    const stoppedAt = stopped.steps.length;
    expect(stopped.steps).toEqual(Array.from({ length: stoppedAt }, (_, i) => i + 1));
    expect(stopped.chartPoints).toBe(stoppedAt);
    expect(stopped.samples.slice(0, 2)).toEqual([0, 2]);
    expect(stopped.losses.every((loss) => Number.isFinite(loss) && loss > 0)).toBe(true);
    expect(await page.textContent('#train-status')).toBe(
      `Stopped at iteration ${stoppedAt}. Train resumes from there.`,
    );
    expect(await page.isDisabled('#batch-size')).toBe(true);

    await page.click('#train-start');
    await stepsAtLeast(page, stoppedAt + 2);
    await stopTraining(page);
    const resumed = await viewState(page);
    expect(resumed.steps).toEqual(Array.from({ length: resumed.steps.length }, (_, i) => i + 1));

    const chart = await page.evaluate(() => {
      const view = document.querySelector('#training-view') as unknown as {
        shadowRoot: ShadowRoot;
      };
      const chart = view.shadowRoot.querySelector('dcgan-loss-chart')?.shadowRoot;
      const canvas = chart?.querySelector('canvas') as HTMLCanvasElement;
      const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(
        0,
        0,
        canvas.width,
        canvas.height,
      ).data;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) {
        // the curves' orange and blue, not the greys of the axes
        if (Math.abs((data[i] as number) - (data[i + 2] as number)) > 100) coloured++;
      }
      return coloured;
    });
    expect(chart).toBeGreaterThan(100);
    expect(greyLevels(await canvasPixels(page, '#grid'))).toBeGreaterThan(1);
    expect(await page.getAttribute('#train-status', 'data-backend')).toBe('wasm');
    // The generator above becomes a copy of the worker's, its weights sent with each sample.
    await page.click('#train-use');
    await page.waitForFunction(() =>
      document.querySelector('#model-status')?.textContent?.includes('trained in this page'),
    );
    await page.locator('#train-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'demo-training');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('answers within a second while it trains (the training runs in a worker)', async () => {
    // Batch 64 on wasm: seconds an iteration, which would block the page were it on its thread.
    const { page, errors } = await openPage(browser, `${baseUrl}?backend=wasm`);
    await page.waitForFunction(() => document.querySelector('#backend')?.textContent === 'wasm');
    await page.fill('#batch-size', '64');
    await page.click('#train-start');
    await stepsAtLeast(page, 1);
    for (let i = 0; i < 5; i++) {
      const start = Date.now();
      await page.evaluate(() => document.querySelector('#train-status')?.textContent);
      expect(Date.now() - start).toBeLessThan(1000);
      await page.waitForTimeout(200);
    }
    const start = Date.now();
    await page.click('#train-stop');
    expect(await page.textContent('#train-status')).toMatch(/^(Stopping|Stopped)/);
    expect(Date.now() - start).toBeLessThan(1000);
    await page.waitForFunction(
      () => document.querySelector('#train-status')?.textContent?.startsWith('Stopped'),
      undefined,
      { timeout: 90_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
