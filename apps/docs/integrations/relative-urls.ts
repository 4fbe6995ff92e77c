import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

// Attribute values that start with the base: href="/dcgan.js/guides/", src="/dcgan.js/_astro/…".
const attributePattern = (base: string) =>
  new RegExp(`(\\s[\\w:-]+=")(${escapeRegExp(base)}[^"]*)"`, 'g');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `target` (a path under `base`) as a URL relative to the page served from `pageDir` (a path
 * under `base` ending in `/`), query and hash kept: `/b/_astro/x.css` from `/b/guides/a/` is
 * `../../_astro/x.css`.
 */
export function relativeUrl(target: string, pageDir: string): string {
  const [, path = '', rest = ''] = target.match(/^([^?#]*)(.*)$/) ?? [];
  const relativePath = posix.relative(pageDir, path) || '.';
  const slash = path.endsWith('/') && relativePath !== '.' ? '/' : '';
  return `${relativePath === '.' ? './' : relativePath}${slash}${rest}`;
}

/** A page's HTML with every attribute value that starts with `base` made relative to `pageDir`. */
export function relativizeHtml(html: string, base: string, pageDir: string): string {
  return html.replace(
    attributePattern(base),
    (_, start: string, url: string) => `${start}${relativeUrl(url, pageDir)}"`,
  );
}

/**
 * A bundled module with the string literal of the base replaced by the site's root as the module
 * finds it at run time: chunks live in `<root>/_astro/`, so the root is `new URL('../',
 * import.meta.url)`. Starlight's search takes the base this way (its `bundlePath` and `baseUrl`).
 */
export function relativizeModule(code: string, base: string): string {
  // Assets a chunk finds beside itself (Vite writes `new URL("<base>_astro/x", import.meta.url)`).
  const beside = new RegExp(`new URL\\("${escapeRegExp(base)}_astro/`, 'g');
  // Parenthesized: minified code puts the literal right after `return`.
  return code
    .replace(beside, 'new URL("./')
    .replaceAll(`"${base}"`, '(new URL("../",import.meta.url).pathname)');
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Rewrites a built site in `dir` (served at `base`) so that it works from any base path. */
export async function relativizeSite(dir: string, base: string): Promise<void> {
  for await (const file of files(dir)) {
    const path = relative(dir, file).split(sep).join('/');
    if (path.endsWith('.html') && path !== '404.html') {
      const pageDir = posix.join(base, posix.dirname(path), '/');
      const html = await readFile(file, 'utf8');
      const inline = html
        .match(/<script\b[^>]*>[^<]*<\/script>/g)
        ?.find((s) => s.includes(`"${base}"`));
      if (inline)
        throw new Error(
          `${path}: an inline script holds the base ${base}: ${inline.slice(0, 200)}`,
        );
      await writeFile(file, relativizeHtml(html, base, pageDir));
    } else if (path.startsWith('_astro/') && path.endsWith('.js')) {
      const code = await readFile(file, 'utf8');
      if (code.includes(`"${base}`)) await writeFile(file, relativizeModule(code, base));
    }
  }
}

/**
 * Makes `astro build`'s output work from any base path: page URLs, styles, scripts and images
 * become relative to each page, so the folder can be served at `/`, at `/dcgan.js/` or anywhere.
 * `404.html` keeps the configured base: hosts serve it at any depth, where relative URLs fail.
 */
export function relativeUrls(): AstroIntegration {
  let base = '/';
  return {
    name: 'dcgan-relative-urls',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir }) => {
        await relativizeSite(fileURLToPath(dir), base);
      },
    },
  };
}
