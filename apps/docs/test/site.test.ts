import { mkdir, readdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LinkChecker, LinkState } from 'linkinator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  drawnElements,
  hasDrawn,
  launchChromium,
  recordedPage,
  seriousViolations,
} from './browser.js';
import { DIST } from './global-setup.js';
import { serveFolder } from './static-server.js';

/** The site's pages: every index.html of dist/, as paths under the site's root (`guides/gpu/`). */
async function pages(): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const assets =
        dir === DIST && ['_astro', 'pagefind', 'models', 'examples'].includes(entry.name);
      if (entry.isDirectory() && !assets) await walk(join(dir, entry.name));
      else if (entry.name === 'index.html') found.push(relative(DIST, dir).split(sep).join('/'));
    }
  };
  await walk(DIST);
  return found.map((page) => (page ? `${page}/` : '')).sort();
}

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

// Served under a base the site was not built for: every URL in it must be relative.
const BASE = '/some/other/base/';
let server: Server;
let site: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url: site } = await serveFolder(DIST, BASE));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the built site', () => {
  it('has every page the sidebar promises, the API reference included', async () => {
    const all = await pages();
    for (const page of [
      '',
      'getting-started/',
      'guides/embed/',
      'components/sample-grid/',
      'reference/results-history/',
      'api/',
      'api/models/',
      'api/viz/node/',
    ])
      expect(all).toContain(page);
  });

  it('has no broken internal link (linkinator over dist/, served at its root)', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: DIST,
      recurse: true,
      concurrency: 4,
      linksToSkip: ['^(?!http://(localhost|127\\.0\\.0\\.1))'],
    });
    const broken = result.links
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => `${link.status} ${link.url} (on ${link.parent})`);
    expect(broken).toEqual([]);
    // It crawled every page (each page a parent of the links found on it).
    const crawled = new Set(result.links.map((link) => link.parent).filter(Boolean));
    expect(crawled.size).toBeGreaterThanOrEqual((await pages()).length);
  });

  it('names the base it was built for nowhere but 404.html and absolute https:// URLs', async () => {
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (/\.(html|js|css)$/.test(entry.name) && entry.name !== '404.html') {
          // A root-absolute URL of the base: "/dcgan.js/…", not https://…/dcgan.js/ nor the repository's.
          const text = await readFile(path, 'utf8');
          if (/["'(=\s]\/dcgan\.js\//.test(text)) offenders.push(relative(DIST, path));
        }
      }
    };
    await walk(DIST);
    expect(offenders).toEqual([]);
  });
});

// Listed when the file is collected: one test a page.
const PAGES = await pages();

describe('every page in Chromium, served under another base', () => {
  it.each(PAGES)(
    '%s: no console error or failed request, axe-core passes, every live component draws',
    async (path) => {
      const { page, errors } = await recordedPage(browser);
      await page.goto(`${site}${path}`, { waitUntil: 'load' });
      const report: string[] = [];
      if ((await drawnElements(page)).length > 0) {
        // The generators load and draw in the reader's browser: wait until each has drawn.
        const deadline = Date.now() + 60_000;
        let elements = await drawnElements(page);
        while (!elements.every(hasDrawn) && Date.now() < deadline) {
          await page.waitForTimeout(250);
          elements = await drawnElements(page);
        }
        for (const element of elements.filter((e) => !hasDrawn(e)))
          report.push(
            `<${element.tag} id="${element.id}"> drew nothing: ${JSON.stringify(element)}`,
          );
      }
      report.push(
        ...(await seriousViolations(page)).map((violation) => `axe ${violation}`),
        ...errors,
      );
      await page.context().close();
      expect(report).toEqual([]);
    },
  );

  it('searches (Pagefind), its results linking to pages under this base', async () => {
    const { page, errors } = await recordedPage(browser);
    await page.goto(`${site}getting-started/`);
    await page.getByRole('button', { name: 'Search' }).first().click();
    await page.locator('.pagefind-ui__search-input').fill('Wasserstein');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 30_000 });
    const href = await result.getAttribute('href');
    expect(href?.startsWith(new URL(BASE, site).pathname)).toBe(true);
    await result.click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(new URL(href as string, page.url()).pathname);
    expect(await page.locator('h1').first().textContent()).toBeTruthy();
    expect(errors).toEqual([]);
  });

  it('the landing page fits a phone and a desktop (screenshots in test-artifacts/)', async () => {
    for (const [name, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['desktop', { width: 1280, height: 900 }],
    ] as const) {
      const { page, errors } = await recordedPage(browser, viewport);
      await page.goto(site);
      await page.waitForFunction(
        () => (document.querySelector('#home-grid') as unknown as { values?: unknown })?.values,
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}docs-home-${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it("the digit picker sets the conditional grid's digit, by keyboard too", async () => {
    const { page, errors } = await recordedPage(browser);
    await page.goto(site);
    const grid = page.locator('#home-grid');
    await page.waitForFunction(
      () => (document.querySelector('#home-grid') as unknown as { values?: unknown })?.values,
    );
    await page.getByRole('radio', { name: '7' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => grid.getAttribute('digit')).toBe('8');
    await page.getByText('2', { exact: true }).click();
    await expect.poll(() => grid.getAttribute('digit')).toBe('2');
    expect(errors).toEqual([]);
  });
});
