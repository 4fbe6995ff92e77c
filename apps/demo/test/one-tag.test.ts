import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildGenerator,
  generate,
  loadPretrainedGenerator,
  saveModelToDir,
} from '@dcgan/models/node';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  drawnAfter,
  drawnValues,
  launchChromium,
  maxDifference,
  openPage,
  screenshot,
} from './browser.js';

/** Where the pages find the test's conditional generator: served by the browser's router. */
const CONDITIONAL = '/test-models/conditional/model.json';

describe('components that load their generator from one tag, and the digit picker', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let files: Record<string, Buffer>;
  let sevens: number[];
  let pretrainedSevens: number[];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    // An untrained conditional generator: what matters is that the page draws what Node draws.
    const generator = buildGenerator({}, { conditional: { classes: 10 }, seed: 5 });
    const dir = await mkdtemp(join(tmpdir(), 'dcgan-demo-conditional-'));
    await saveModelToDir(generator, dir);
    files = Object.fromEntries(
      await Promise.all(
        ['model.json', 'weights.bin'].map(async (f) => [f, await readFile(join(dir, f))]),
      ),
    );
    const images = generate(generator, 16, { seed: 1, classes: 7 });
    sevens = Array.from(images.dataSync());
    images.dispose();
    const pretrained = await loadPretrainedGenerator('mnist-conditional');
    const drawn = generate(pretrained, 16, { seed: 1, classes: 7 });
    pretrainedSevens = Array.from(drawn.dataSync());
    drawn.dispose();
    pretrained.dispose();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  /** Opens `path` with the test's conditional generator served under /test-models/conditional/. */
  const open = async (path: string) => {
    const opened = await openPage(browser, 'about:blank', { origin: new URL(baseUrl).origin });
    // A URL test, not a glob: the demo's own address holds the model's path in its query.
    await opened.page.route(
      (url) => url.pathname.startsWith('/test-models/conditional/'),
      (route) =>
        route.fulfill({
          body: files[new URL(route.request().url()).pathname.split('/').at(-1) ?? ''],
        }),
    );
    await opened.page.goto(`${baseUrl}${path}`);
    return opened;
  };
  const addElement = (page: Page, markup: string) =>
    page.evaluate((markup) => document.body.insertAdjacentHTML('beforeend', markup), markup);

  it('draws the pretrained generator from src alone, as the grid given the same generator', async () => {
    const { page, errors } = await open('components.html');
    await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
    const fromSrc = await drawnValues(page, '#grid-src');
    expect(maxDifference(fromSrc, await drawnValues(page, '#grid-generator'))).toBeLessThan(1e-5);
    expect(await drawnValues(page, '#walk-src')).toHaveLength(3 * 28 * 28);
    await screenshot(page, 'components-one-tag');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the digit asked of a conditional generator, and says when a model cannot load', async () => {
    const { page, errors } = await open('components.html');
    await addElement(
      page,
      `<dcgan-sample-grid id="sevens" src="${CONDITIONAL}" count="16" seed="1" digit="7"></dcgan-sample-grid>
       <dcgan-latent-walk id="between" src="${CONDITIONAL}" count="2" classes="3,8"></dcgan-latent-walk>
       <dcgan-sample-grid id="missing" src="/no/such/model.json"></dcgan-sample-grid>
       <dcgan-latent-walk id="missing-walk" src="/no/such/model.json"></dcgan-latent-walk>`,
    );
    // WebGL (SwiftShader) and Node's cpu backend round float32 sums in different orders.
    expect(maxDifference(await drawnValues(page, '#sevens'), sevens)).toBeLessThan(1e-4);
    expect(await drawnValues(page, '#between')).toHaveLength(2 * 28 * 28);
    const message = (selector: string) =>
      page.waitForFunction(
        (selector) =>
          document.querySelector(selector)?.shadowRoot?.querySelector('[role=alert]')?.textContent,
        selector,
      );
    for (const selector of ['#missing', '#missing-walk']) {
      expect(String(await (await message(selector)).jsonValue())).toContain(
        'cannot load the generator /no/such/model.json',
      );
    }
    await screenshot(page, 'components-one-tag-conditional');
    // The only errors: the browser's own log of the missing model's 404s.
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });

  it('offers a digit picker and a walk between two digits for a conditional generator only', async () => {
    const { page, errors } = await open(`?model=${CONDITIONAL}`);
    await drawnValues(page, '#grid');
    expect(await page.textContent('#model-status')).toBe('(loaded, conditional: 10 digits)');
    expect(await page.isDisabled('#digit')).toBe(false);
    const drawn = await drawnAfter(page, '#grid', () => page.selectOption('#digit', '7'));
    expect(maxDifference(drawn, sevens)).toBeLessThan(1e-4);
    const walk = await drawnAfter(page, '#walk', () => page.selectOption('#walk-to', '8'));
    expect(walk).toHaveLength(4 * 28 * 28);
    expect(
      await page.evaluate(
        () => (document.querySelector('#walk') as unknown as { classes: string }).classes,
      ),
    ).toBe('0,8');
    await screenshot(page, 'demo-digit-picker');
    expect(errors).toEqual([]);
    await page.close();

    const plain = await openPage(browser, baseUrl);
    await drawnValues(plain.page, '#grid');
    expect(await plain.page.isDisabled('#digit')).toBe(true);
    expect(await plain.page.isDisabled('#walk-from')).toBe(true);
    await plain.page.close();
  });

  it('loads the pretrained conditional generator with ?pretrained=, and names an unknown one', async () => {
    const { page, errors } = await openPage(browser, `${baseUrl}?pretrained=mnist-conditional`);
    await drawnValues(page, '#grid');
    expect(await page.textContent('#model-url')).toBe(
      'pretrained conditional MNIST generator of @dcgan/models',
    );
    expect(await page.textContent('#model-status')).toBe('(loaded, conditional: 10 digits)');
    const drawn = await drawnAfter(page, '#grid', () => page.selectOption('#digit', '7'));
    expect(maxDifference(drawn, pretrainedSevens)).toBeLessThan(1e-4);
    await screenshot(page, 'demo-pretrained-conditional');
    expect(errors).toEqual([]);
    await page.close();

    const unknown = await openPage(browser, `${baseUrl}?pretrained=cifar`);
    await unknown.page.waitForSelector('#error:not([hidden])');
    expect(await unknown.page.textContent('#error')).toContain(
      '?pretrained=cifar: no such pretrained generator (expected mnist, mnist-conditional)',
    );
    expect(await unknown.page.textContent('#model-status')).toBe('(not loaded)');
    await unknown.page.close();
  });
});
