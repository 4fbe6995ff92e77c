import { describe, expect, it } from 'vitest';
import { relativeUrl, relativizeHtml, relativizeModule } from './relative-urls.js';

describe('relative URLs', () => {
  it('climb from the page to the target, keeping the trailing slash, the query and the hash', () => {
    expect(relativeUrl('/b/_astro/x.css', '/b/guides/a/')).toBe('../../_astro/x.css');
    expect(relativeUrl('/b/guides/b/#top', '/b/guides/a/')).toBe('../b/#top');
    expect(relativeUrl('/b/', '/b/guides/a/')).toBe('../../');
    expect(relativeUrl('/b/', '/b/')).toBe('./');
    expect(relativeUrl('/b/models/mnist/model.json?v=1', '/b/')).toBe(
      'models/mnist/model.json?v=1',
    );
    expect(relativeUrl('/b/guides/a/', '/b/guides/a/')).toBe('./');
  });

  it('rewrite attributes that start with the base, and nothing else', () => {
    const html =
      '<a href="/b/x/">x</a><img src="/b/y.png"><link href="https://e.org/b/"><a href="/other/">o</a><p>href="/b/"</p>';
    expect(relativizeHtml(html, '/b/', '/b/p/')).toBe(
      '<a href="../x/">x</a><img src="../y.png"><link href="https://e.org/b/"><a href="/other/">o</a><p>href="/b/"</p>',
    );
  });

  it("replace the base's literal in a module by the root its chunk finds, even right after return", () => {
    const code = 'function f(l){return"/b/"+l}const u={base:"/b/"};';
    const rewritten = relativizeModule(code, '/b/');
    expect(rewritten).not.toContain('"/b/"');
    expect(rewritten).toContain('return(new URL("../",import.meta.url).pathname)+l');
    expect(
      () => new Function(rewritten.replaceAll('import.meta.url', '"http://h/root/_astro/x.js"')),
    ).not.toThrow();
  });

  it('make the assets a chunk finds beside itself relative to the chunk', () => {
    const code = 'const m={model:new URL("/b/_astro/model.1.json",import.meta.url)};';
    expect(relativizeModule(code, '/b/')).toBe(
      'const m={model:new URL("./model.1.json",import.meta.url)};',
    );
  });
});
