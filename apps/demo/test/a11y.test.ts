import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { drawnValues, launchChromium, openPage, screenshot } from './browser.js';

/** axe-core's serious and critical violations on the page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

describe('the demo for every reader', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  for (const [name, viewport, scheme] of [
    ['phone', { width: 390, height: 844 }, 'light'],
    ['desktop', { width: 1280, height: 900 }, 'light'],
    ['desktop-dark', { width: 1280, height: 900 }, 'dark'],
  ] as const) {
    it(`${name} (${viewport.width}x${viewport.height}, ${scheme}): axe-core finds nothing serious, nothing overflows`, async () => {
      const { page, errors } = await openPage(browser, baseUrl, { viewport });
      await page.emulateMedia({ colorScheme: scheme });
      await drawnValues(page, '#grid');
      await drawnValues(page, '#walk');
      expect(await seriousViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `demo-${name}`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('is usable by keyboard: Tab reaches the controls in order, Enter presses a button', async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    await drawnValues(page, '#grid');
    const focused: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate(
          () => document.activeElement?.id || document.activeElement?.tagName || '',
        ),
      );
    }
    expect(focused).toEqual(expect.arrayContaining(['count', 'seed', 'next-seed']));
    expect(focused.indexOf('count')).toBeLessThan(focused.indexOf('seed'));
    await page.focus('#next-seed');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.inputValue('#seed')).toBe('2');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
