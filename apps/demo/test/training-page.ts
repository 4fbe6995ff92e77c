import type { Page } from 'playwright-core';

// What the tests that train on pictures in the page read of it: colours, tensor counts, text.

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
