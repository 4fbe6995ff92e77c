import { mkdir, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { generate, loadPretrainedGenerator } from '@dcgan/models/node';
import { gridFromValues, writeGridPng, writeReport } from '@dcgan/viz/node';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium, openPage, screenshot } from './browser.js';

/** A run folder as the trainer writes it (made-up losses; grids from the served generator). */
async function writeRun(runDir: string): Promise<void> {
  await rm(runDir, { recursive: true, force: true });
  await mkdir(`${runDir}/samples`, { recursive: true });
  const lines = Array.from({ length: 300 }, (_, i) => {
    const step = (i + 1) * 10;
    return JSON.stringify({
      step,
      discriminatorLoss: 0.5 + 0.2 * Math.exp(-step / 500),
      discriminatorAccuracy: 0.7 + 0.2 * Math.exp(-step / 400),
      generatorLoss: 1.5 - 0.8 * Math.exp(-step / 500),
      time: new Date(Date.UTC(2025, 0, 1, 0, 0, step)).toISOString(),
      iterationsPerSecond: 12,
      ...(step % 1000 === 0
        ? {
            classifierScore: step / 400,
            frechetDistance: 3000 / step,
            classShares: new Array(10).fill(0.1),
          }
        : {}),
    });
  });
  await writeFile(`${runDir}/metrics.jsonl`, `${lines.join('\n')}\n`);
  await writeFile(
    `${runDir}/config.json`,
    JSON.stringify({ train: { batchSize: 128, seed: 0 } }, null, 2),
  );
  await tf.setBackend('cpu');
  const generator = await loadPretrainedGenerator('mnist');
  for (const step of [1000, 2000, 3000]) {
    const images = generate(generator, 9, { seed: step });
    const grid = gridFromValues(images.dataSync(), 9, 28);
    images.dispose();
    await writeGridPng(`${runDir}/samples/step-${String(step).padStart(7, '0')}.png`, grid);
  }
  generator.dispose();
}

describe("a run's report.html, opened from disk", () => {
  const runDir = `${ARTIFACTS}report-run`;
  let browser: Browser;

  beforeAll(async () => {
    await writeRun(runDir);
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('shows the curves and the grids over the run, offline', async () => {
    const report = await writeReport(runDir);
    const { page, errors, outside } = await openPage(browser, pathToFileURL(report).href, {
      origin: 'file://',
    });
    await page.waitForFunction(() => {
      const view = document.querySelector('#view') as unknown as { samples?: unknown[] };
      return view.samples?.length === 3;
    });
    const shown = await page.evaluate(() => {
      const view = document.querySelector('#view') as unknown as {
        shadowRoot: ShadowRoot;
        metrics: unknown[];
      };
      const chart = view.shadowRoot.querySelector('dcgan-loss-chart')?.shadowRoot as ShadowRoot;
      const canvas = chart.querySelector('canvas') as HTMLCanvasElement;
      const image = view.shadowRoot.querySelector('img') as HTMLImageElement;
      return {
        metrics: view.metrics.length,
        summary: view.shadowRoot
          .querySelector('.summary')
          ?.textContent?.replace(/\s+/g, ' ')
          .trim(),
        caption: view.shadowRoot.querySelector('figcaption')?.textContent?.trim(),
        image: image.complete && image.naturalWidth,
        chartSize: [canvas.width, canvas.height],
        gallery: Array.from(
          document.querySelectorAll<HTMLImageElement>('#gallery img'),
          (img) => img.naturalWidth,
        ),
        evaluationShown: !(chart.querySelectorAll('.chart')[1] as HTMLElement).hidden,
      };
    });
    expect(shown.metrics).toBe(300);
    expect(shown.summary).toMatch(/^iteration 3000 · discriminator loss 0\.5\d\d/);
    expect(shown.caption).toBe('Samples at iteration 3000');
    expect(shown.image).toBeGreaterThan(50);
    expect(shown.chartSize[0]).toBeGreaterThan(300);
    expect(shown.gallery).toHaveLength(3);
    expect(shown.gallery.every((width) => width > 50)).toBe(true);
    expect(shown.evaluationShown).toBe(true);

    await page.locator('#view input[type=range]').evaluate((slider: HTMLInputElement) => {
      slider.value = '0';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.locator('#view figcaption').textContent()).toContain(
      'Samples at iteration 1000',
    );
    await screenshot(page, 'report');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
