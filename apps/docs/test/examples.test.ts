import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build as buildVitepress } from 'vitepress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pretrainedGenerators } from '../integrations/pretrained-files.js';
import { drawnElements, hasDrawn, launchChromium, recordedPage } from './browser.js';
import { bundle, emulateEsmSh, emulateJsdelivr } from './cdn.js';
import { serveFolder } from './static-server.js';

// The recipes of guides/embed.mdx: the page shows these files, and here each runs in Chromium.
const examples = fileURLToPath(new URL('../examples/', import.meta.url));
let browser: Browser;
const servers: Server[] = [];
const temporary: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** A folder holding `models/mnist/` (the pretrained generator's files) beside what `fill` puts. */
async function siteFolder(fill: (dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dcgan-example-'));
  temporary.push(dir);
  const { dir: pretrained } = pretrainedGenerators();
  await mkdir(join(dir, 'models'), { recursive: true });
  await cp(join(pretrained, 'mnist'), join(dir, 'models', 'mnist'), { recursive: true });
  await fill(dir);
  return dir;
}

async function serve(dir: string): Promise<string> {
  const { server, url } = await serveFolder(dir);
  servers.push(server);
  return url;
}

/** Waits until every dcgan-* element of the page has drawn; returns what they drew. */
async function drawn(page: Page) {
  const deadline = Date.now() + 60_000;
  let elements = await drawnElements(page);
  while ((elements.length === 0 || !elements.every(hasDrawn)) && Date.now() < deadline) {
    await page.waitForTimeout(250);
    elements = await drawnElements(page);
  }
  return elements;
}

describe('embed recipes', () => {
  it('plain HTML with an import map: the page as written, jsDelivr and esm.sh played offline', async () => {
    const dir = await siteFolder((d) =>
      cp(join(examples, 'plain-html', 'index.html'), join(d, 'index.html')),
    );
    const { page, errors } = await recordedPage(browser);
    const fromEsmSh = await emulateEsmSh(page);
    const fromJsdelivr = await emulateJsdelivr(page);
    await page.goto(await serve(dir));
    const elements = await drawn(page);
    expect(errors).toEqual([]);
    expect(elements.map((e) => e.tag)).toEqual(['dcgan-sample-grid', 'dcgan-latent-walk']);
    expect(elements.every(hasDrawn)).toBe(true);
    expect(fromEsmSh).toEqual(['@dcgan/viz@0.1.0']);
    expect(fromJsdelivr).toContain('@tensorflow/tfjs-layers@4.22.0/dist/tf-layers.fesm.min.js');
    expect(errors).toEqual([]);
  });

  it('VitePress: the example site built with vitepress, its page drawn', async () => {
    const out = await siteFolder(async () => {});
    const site = join(examples, 'vitepress');
    const publicModels = join(site, 'public', 'models');
    await rm(publicModels, { recursive: true, force: true });
    await mkdir(join(site, 'public'), { recursive: true });
    await cp(join(out, 'models'), publicModels, { recursive: true });
    try {
      await buildVitepress(site, { outDir: join(out, 'site'), logLevel: 'warn' } as never);
    } finally {
      await rm(join(site, 'public'), { recursive: true, force: true });
      await rm(join(site, '.vitepress', 'cache'), { recursive: true, force: true });
    }
    // The browser asks for /favicon.ico, which the example site does not have.
    await writeFile(join(out, 'site', 'favicon.ico'), '');
    const { page, errors } = await recordedPage(browser);
    await page.goto(await serve(join(out, 'site')));
    const elements = await drawn(page);
    expect(elements.map((e) => e.tag)).toEqual(['dcgan-sample-grid']);
    expect(elements.every(hasDrawn)).toBe(true);
    expect(errors).toEqual([]);
  });

  it("Docusaurus: the MDX page's React component, rendered by React 19", async () => {
    const dir = await siteFolder(async (d) => {
      const entry = join(examples, 'docusaurus', 'test-entry.jsx');
      await writeFile(
        entry,
        `import { createRoot } from 'react-dom/client';
import SampleGrid from './src/components/SampleGrid.jsx';
createRoot(document.querySelector('#root')).render(<SampleGrid src="models/mnist/model.json" count={16} seed={1} />);`,
      );
      try {
        await writeFile(join(d, 'app.js'), await bundle(entry));
      } finally {
        await rm(entry);
      }
      await writeFile(
        join(d, 'index.html'),
        '<!doctype html><html lang="en"><title>Digits</title><link rel="icon" href="data:,"><main id="root"></main><script type="module" src="app.js"></script></html>',
      );
    });
    const { page, errors } = await recordedPage(browser);
    await page.goto(await serve(dir));
    const elements = await drawn(page);
    expect(elements.map((e) => e.tag)).toEqual(['dcgan-sample-grid']);
    expect(elements.every(hasDrawn)).toBe(true);
    expect(errors).toEqual([]);
  });

  it("Storybook: each story rendered by the stories' own render with its args", async () => {
    const dir = await siteFolder(async (d) => {
      const entry = join(examples, 'storybook', 'test-entry.js');
      await writeFile(
        entry,
        `import meta, * as stories from './sample-grid.stories.js';
for (const [name, story] of Object.entries(stories)) {
  if (name === 'default') continue;
  const element = meta.render({ ...meta.args, ...story.args });
  element.id = name;
  document.querySelector('main').append(element);
}`,
      );
      try {
        await writeFile(join(d, 'app.js'), await bundle(entry));
      } finally {
        await rm(entry);
      }
      await writeFile(
        join(d, 'index.html'),
        '<!doctype html><html lang="en"><title>Stories</title><link rel="icon" href="data:,"><main></main><script type="module" src="app.js"></script></html>',
      );
    });
    const { page, errors } = await recordedPage(browser);
    await page.goto(await serve(dir));
    const elements = await drawn(page);
    expect(elements.map((e) => e.id)).toEqual(['Digits', 'MoreDigits']);
    expect(elements.every(hasDrawn)).toBe(true);
    const counts = await page.evaluate(() =>
      [...document.querySelectorAll('dcgan-sample-grid')].map(
        (g) => (g as unknown as { values: { count: number } }).values.count,
      ),
    );
    expect(counts).toEqual([16, 36]);
    expect(errors).toEqual([]);
  });
});
