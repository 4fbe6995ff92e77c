import type { Page } from 'playwright-core';

// What the tests that train in the page do to it and read of it: steps, stops, runs, colours, text.

/** 16 images of 32x32 colour, as the sample grids of this run hold. */
const GRID_VALUES = 16 * 32 * 32 * 3;

/**
 * How a canvas is coloured: the share of its pixels whose channels are more than 4 levels apart
 * (a grey drawing has none), and how many colours it shows (1 when blank).
 */
export function colours(pixels: { data: number[] }): { colouredShare: number; distinct: number } {
  let coloured = 0;
  const distinct = new Set<number>();
  for (let i = 0; i < pixels.data.length; i += 4) {
    const [r, g, b] = pixels.data.slice(i, i + 3) as [number, number, number];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 4) coloured++;
    distinct.add((r << 16) | (g << 8) | b);
  }
  return { colouredShare: coloured / (pixels.data.length / 4), distinct: distinct.size };
}

/** Records the worker's `tf.memory().numTensors` after each step, from its messages. */
export function recordTensorCounts(page: Page): Promise<void> {
  return page.evaluate(() => {
    const Base = window.Worker;
    const counts: number[] = [];
    Object.assign(window, { tensorCounts: counts });
    window.Worker = class extends Base {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent) => {
          if (event.data?.type === 'step') counts.push(event.data.tensors);
        });
      }
    };
  });
}

/** Waits until the generate panel's grid holds a 32x32 colour grid's values. */
export const colourGridDrawn = (page: Page) =>
  page.waitForFunction(
    (length) =>
      (document.querySelector('#grid') as unknown as { values?: { values: Float32Array } }).values
        ?.values.length === length,
    GRID_VALUES,
  );

export const textOf = (page: Page, selector: string) =>
  page.evaluate((selector) => document.querySelector(selector)?.textContent ?? '', selector);

/** Waits until the training view holds `count` iterations' metrics. */
export const stepsAtLeast = (page: Page, count: number, timeout = 90_000) =>
  page.waitForFunction(
    (count) =>
      (document.querySelector('#training-view') as unknown as { metrics: unknown[] }).metrics
        .length >= count,
    count,
    { timeout },
  );

/** Presses Stop and waits until the status says the run stopped (within `timeout` ms when given). */
export async function stopTraining(page: Page, timeout?: number): Promise<void> {
  await page.click('#train-stop');
  await page.waitForFunction(
    () => document.querySelector('#train-status')?.textContent?.startsWith('Stopped'),
    undefined,
    timeout === undefined ? undefined : { timeout },
  );
}

/**
 * The run the training view shows: each iteration's step and losses, each sample grid's
 * `[step, size, channels]`, the last grid's values, and the worker's tensor counts when recorded
 * (`recordTensorCounts`).
 */
export function trainedRun(page: Page) {
  return page.evaluate(() => {
    const view = document.querySelector('#training-view') as unknown as {
      metrics: { step: number; discriminatorLoss: number; generatorLoss: number }[];
      samples: {
        step: number;
        images: { size: number; channels: number; values: Float32Array };
      }[];
    };
    return {
      steps: view.metrics.map((m) => m.step),
      losses: view.metrics.flatMap((m) => [m.discriminatorLoss, m.generatorLoss]),
      samples: view.samples.map((s) => [s.step, s.images.size, s.images.channels]),
      last: Array.from(view.samples.at(-1)?.images.values ?? []),
      tensors: (window as unknown as { tensorCounts?: number[] }).tensorCounts ?? [],
    };
  });
}
