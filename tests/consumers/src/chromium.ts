import { type Browser, chromium, type Page } from 'playwright-core';
import type { Pixels } from './png-pixels.js';

/** Debian's Chromium, headless, on a fresh temporary profile; WebGL through SwiftShader. */
export function launchChromium(): Promise<Browser> {
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
    ],
  });
}

/** What a page did: the errors it logged, its failed requests and those that left its origin. */
export interface Visit {
  page: Page;
  errors: string[];
  outside: string[];
}

/** Opens `url` in a new page, recording errors, failed requests and requests outside its origin. */
export async function visit(browser: Browser, url: string): Promise<Visit> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  const origin = new URL(url).origin;
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Failed requests are recorded with their URL below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    // Chromium asks every page for a favicon, which these pages have not.
    if (response.status() >= 400 && pathname !== '/favicon.ico') {
      errors.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  page.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith(origin) && !/^(data|blob):/.test(target)) outside.push(target);
  });
  await page.goto(url);
  return { page, errors, outside };
}

/**
 * Waits until the element at `selector` has drawn on the canvas of its shadow root (its
 * `data-drawn` attribute, or the error it shows), then returns the canvas's pixels.
 */
export async function drawnPixels(page: Page, selector: string): Promise<Pixels> {
  await page.waitForFunction(
    (selector) => {
      const root = document.querySelector(selector)?.shadowRoot;
      return root?.querySelector('canvas[data-drawn], .error');
    },
    selector,
    { timeout: 150_000 },
  );
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    const error = root?.querySelector('.error')?.textContent;
    if (error) throw new Error(`${selector} shows: ${error}`);
    const canvas = root?.querySelector('canvas') as HTMLCanvasElement;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return {
      width: canvas.width,
      height: canvas.height,
      channels: 4,
      data: Array.from(image.data),
    };
  }, selector);
}
