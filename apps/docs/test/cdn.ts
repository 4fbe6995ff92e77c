import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/**
 * Plays esm.sh for a page, offline: `https://esm.sh/<package>@<version>?external=a,b` answers with
 * the installed package bundled as one ES module, its dependencies inside and the `external` ones
 * left as bare imports for the page's import map, as esm.sh answers. The version must be the
 * installed one.
 */
export async function emulateEsmSh(page: Page): Promise<string[]> {
  const served: string[] = [];
  await page.route('https://esm.sh/**', async (route) => {
    const url = new URL(route.request().url());
    const [, name = '', version = ''] =
      url.pathname.match(/^\/((?:@[^/]+\/)?[^@/]+)@([^/]+)$/) ?? [];
    const installed = require(`${name}/package.json`).version;
    if (version !== installed) {
      return route.fulfill({ status: 404, body: `${name}@${version}: installed is ${installed}` });
    }
    const external = url.searchParams.get('external')?.split(',') ?? [];
    const result = await build({
      stdin: { contents: `export * from '${name}';`, resolveDir: process.cwd() },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      external,
      write: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    served.push(`${name}@${version}`);
    await route.fulfill({
      contentType: 'text/javascript',
      body: result.outputFiles[0]?.text ?? '',
      headers: { 'Access-Control-Allow-Origin': '*' },
    });
  });
  return served;
}

/**
 * Plays jsDelivr for a page, offline: `https://cdn.jsdelivr.net/npm/<package>@<version>/<file>` is
 * that file of the installed package, which must be of that version.
 */
export async function emulateJsdelivr(page: Page): Promise<string[]> {
  const served: string[] = [];
  await page.route('https://cdn.jsdelivr.net/npm/**', async (route) => {
    const url = new URL(route.request().url());
    const [, name = '', version = '', file = ''] =
      url.pathname.match(/^\/npm\/((?:@[^/]+\/)?[^@/]+)@([^/]+)\/(.+)$/) ?? [];
    const manifest = require.resolve(`${name}/package.json`);
    const installed = require(manifest).version;
    if (version !== installed) {
      return route.fulfill({ status: 404, body: `${name}@${version}: installed is ${installed}` });
    }
    served.push(`${name}@${version}/${file}`);
    await route.fulfill({
      path: join(dirname(manifest), file),
      contentType: 'text/javascript',
      headers: { 'Access-Control-Allow-Origin': '*' },
    });
  });
  return served;
}

/** One ES module of `entry` (a file of the docs app), every import inside, for a test page. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]?.text ?? '';
}
