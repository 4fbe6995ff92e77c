import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Where screenshots go (gitignored); CI keeps them as artefacts. */
export const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

/**
 * Debian's Chromium, headless, on a fresh temporary profile; WebGL through SwiftShader.
 * @param extraArgs more flags, e.g. `--enable-unsafe-webgpu` (WebGPU on SwiftShader, on pages
 * served from http://127.0.0.1, a secure context)
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  });
}

/**
 * A new page at `url` that records what the page logs as errors and every request that leaves
 * `origin` (none should: the demo serves everything itself).
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: { origin?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  // A context of its own: axe-core opens pages beside it.
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1200, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const origin = options.origin ?? new URL(url).origin;
  page.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith(origin) && !target.startsWith('data:') && !target.startsWith('blob:')) {
      outside.push(target);
    }
  });
  await page.goto(url);
  return { page, errors, outside };
}

/** Saves a full-page screenshot as test-artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The pixels of the canvas inside a component's shadow root: width, height and RGBA bytes. */
export function canvasPixels(
  page: Page,
  selector: string,
): Promise<{ width: number; height: number; data: number[] }> {
  return page.evaluate((selector) => {
    const canvas = document.querySelector(selector)?.shadowRoot?.querySelector('canvas');
    if (!canvas) throw new Error(`no canvas in ${selector}`);
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: canvas.width, height: canvas.height, data: Array.from(image.data) };
  }, selector);
}

/** How many different grey levels a canvas shows (1 when blank). */
export function greyLevels(pixels: { data: number[] }): number {
  const levels = new Set<number>();
  for (let i = 0; i < pixels.data.length; i += 4) levels.add(pixels.data[i] as number);
  return levels.size;
}

/** The share of pixels that are near black (red channel below 32), as a digit's background is. */
export function darkShare(pixels: { data: number[] }): number {
  let dark = 0;
  for (let i = 0; i < pixels.data.length; i += 4) if ((pixels.data[i] as number) < 32) dark++;
  return dark / (pixels.data.length / 4);
}

/**
 * Runs `action`, then waits until the component at `selector` has drawn new images (its `values`
 * changed), and returns them.
 */
export async function drawnAfter(
  page: Page,
  selector: string,
  action: () => Promise<unknown>,
): Promise<number[]> {
  await page.evaluate((selector) => {
    const element = document.querySelector(selector) as unknown as { values?: unknown };
    (window as unknown as { lastValues: unknown }).lastValues = element.values;
  }, selector);
  await action();
  return drawnValues(page, selector, true);
}

/** The images a component drew last (waiting for a first drawing), as plain numbers. */
export async function drawnValues(
  page: Page,
  selector: string,
  changed = false,
): Promise<number[]> {
  await page.waitForFunction(
    ({ selector, changed }) => {
      const values = (document.querySelector(selector) as unknown as { values?: unknown })?.values;
      return (
        values && (!changed || values !== (window as unknown as { lastValues: unknown }).lastValues)
      );
    },
    { selector, changed },
  );
  return page.evaluate(
    (selector) =>
      Array.from(
        (document.querySelector(selector) as unknown as { values: { values: Float32Array } }).values
          .values,
      ),
    selector,
  );
}

/** The largest absolute difference between two arrays of one length. */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} and ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++)
    max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}
