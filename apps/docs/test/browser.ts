import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, headless, on a fresh profile; WebGL through SwiftShader. */
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

/** A page that records what it logs as errors, uncaught exceptions and failed requests. */
export async function recordedPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  // A context of its own: axe-core opens pages beside it.
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()}: ${response.url()}`);
  });
  return { page, errors };
}

/** axe-core's serious and critical violations on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

/** What each `dcgan-*` element on the page has drawn: its canvases' distinct grey levels, its images. */
export interface DrawnElement {
  tag: string;
  id: string;
  canvases: number[];
  images: number[];
}

/** Every `dcgan-*` element of the page (shadow roots searched), with what it drew. */
export function drawnElements(page: Page): Promise<DrawnElement[]> {
  return page.evaluate(() => {
    const inside = (root: ParentNode, found: Element[] = []): Element[] => {
      for (const element of root.querySelectorAll('*')) {
        found.push(element);
        if (element.shadowRoot) inside(element.shadowRoot, found);
      }
      return found;
    };
    const levels = (canvas: HTMLCanvasElement) => {
      if (canvas.width === 0 || canvas.height === 0) return 0;
      const context = canvas.getContext('2d');
      if (!context) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length && seen.size < 16; i += 4) {
        seen.add(
          ((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number),
        );
      }
      return seen.size;
    };
    return [...document.querySelectorAll('*')]
      .filter((element) => element.tagName.toLowerCase().startsWith('dcgan-'))
      .filter((element) => !element.parentElement?.closest('[id^="__never"]'))
      .map((element) => {
        const all = inside(element.shadowRoot ?? element);
        return {
          tag: element.tagName.toLowerCase(),
          id: element.id,
          canvases: all
            .filter((e) => e instanceof HTMLCanvasElement)
            .map((c) => levels(c as HTMLCanvasElement)),
          images: all
            .filter((e) => e instanceof HTMLImageElement && !e.hidden)
            .map((img) => (img as HTMLImageElement).naturalWidth),
        };
      });
  });
}

/** Whether an element drew something: a canvas of more than one colour, or a loaded image. */
export const hasDrawn = (element: DrawnElement) =>
  element.canvases.some((levels) => levels > 1) || element.images.some((width) => width > 0);
