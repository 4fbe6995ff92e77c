import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build, createServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { drawnPixels, launchChromium, visit } from './chromium.js';
import { cdnFile, importMapPage } from './import-map-page.js';
import { digitLikeness, type Pixels } from './png-pixels.js';
import { serveStatic } from './static-server.js';

const { lib } = inject('consumers');
const GRID = 'dcgan-sample-grid';

// The tiny app of a Vite user: the page's TensorFlow.js and one element, in the README's words.
const APP_HTML = `<!doctype html>
<html>
<head><meta charset="utf-8"><title>dcgan.js in a Vite app</title>
<script type="module" src="./main.js"></script></head>
<body><${GRID} src="pretrained:mnist" count="16" seed="1"></${GRID}></body>
</html>
`;
const APP_JS = `import '@tensorflow/tfjs';
import '@dcgan/viz/sample-grid';
`;

let browser: Browser;

/** Opens `url`, waits for the grid, and checks that it drew digits with nothing from elsewhere. */
async function expectDigitsAt(url: string): Promise<Pixels> {
  const { page, errors, outside } = await visit(browser, url);
  try {
    const pixels = await drawnPixels(page, GRID);
    expect(pixels.width).toBeGreaterThanOrEqual(4 * 28);
    const looks = digitLikeness(pixels);
    expect(looks.levels).toBeGreaterThan(16);
    expect(looks.dark).toBeGreaterThan(0.5);
    expect(looks.bright).toBeGreaterThan(0.03);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    return pixels;
  } finally {
    await page.close();
  }
}

describe('<dcgan-sample-grid src="pretrained:mnist"> in Chromium', () => {
  beforeAll(async () => {
    await writeFile(join(lib, 'index.html'), APP_HTML);
    await writeFile(join(lib, 'main.js'), APP_JS);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws digits from a Vite production build, which emitted the generator files', async () => {
    const outDir = join(lib, 'dist');
    // Vitest sets NODE_ENV=test, which would make Vite resolve the packages' development builds.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root: lib,
        configFile: false,
        logLevel: 'warn',
        mode: 'production',
        build: { outDir, chunkSizeWarningLimit: 8000 },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    const assets = readdirSync(join(outDir, 'assets'));
    expect(assets.filter((name) => /^weights-.*\.bin$/.test(name))).toHaveLength(2);
    const server = await preview({
      root: lib,
      configFile: false,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0 },
    });
    try {
      await expectDigitsAt(server.resolvedUrls?.local[0] as string);
    } finally {
      await server.close();
    }
  });

  it('draws digits from the Vite dev server (dependencies pre-bundled)', async () => {
    const server = await createServer({
      root: lib,
      configFile: false,
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0 },
    });
    await server.listen();
    try {
      await expectDigitsAt(server.resolvedUrls?.local[0] as string);
    } finally {
      await server.close();
    }
  });

  it('draws digits from a plain page whose import map names the packages served as files', async () => {
    const nodeModules = join(lib, 'node_modules');
    const page = importMapPage(nodeModules);
    const server = await serveStatic((path) => {
      if (path === '/') return { html: page };
      const file = cdnFile(nodeModules, path);
      return file ? { file } : undefined;
    });
    try {
      await expectDigitsAt(server.url);
    } finally {
      await server.close();
    }
  });
});
