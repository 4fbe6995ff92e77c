// The browser test's page: loadImageFiles bundled by esbuild, served on 127.0.0.1 with a folder
// picker, run on the page or in a Web Worker, in Debian's Chromium driven by playwright-core.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';

const PAGE = `<!doctype html><meta charset="utf-8"><input id="pick" type="file" webkitdirectory multiple>
<script src="/bundle.js"></script><script>
const worker = new Worker('/worker.js');
const encode = (set) => ({ ...set, images: btoaBytes(set.images), labels: set.labels && Array.from(set.labels) });
function btoaBytes(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(text);
}
window.inWorker = (options) => new Promise((resolve) => {
  worker.onmessage = (event) => resolve(event.data);
  worker.postMessage({ files: [...document.getElementById('pick').files], options });
});
window.onPage = (options) => dcganData.loadImageFiles(document.getElementById('pick').files, options)
  .then((set) => ({ set: encode(set) }), (error) => ({ error: error.message }));
window.dropped = (options) => dcganData.loadImageFiles([...document.getElementById('pick').files]
  .map((file) => ({ file, path: file.webkitRelativePath.split('/').slice(1).join('/') })), options)
  .then((set) => ({ set: encode(set) }), (error) => ({ error: error.message }));
window.encode = encode;
</script>`;
const WORKER = `importScripts('/bundle.js');
onmessage = async (event) => {
  try {
    const set = await dcganData.loadImageFiles(event.data.files, event.data.options);
    let text = '';
    for (let i = 0; i < set.images.length; i += 8192) text += String.fromCharCode(...set.images.subarray(i, i + 8192));
    postMessage({ set: { ...set, images: btoa(text), labels: set.labels && Array.from(set.labels) } });
  } catch (error) {
    postMessage({ error: error.message });
  }
};`;

/** Serves the page, the worker and the bundle; resolves to its URL and a way to stop it. */
export async function servePage(): Promise<{ url: string; server: Server }> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./load-image-files.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'dcganData',
    platform: 'browser',
    write: false,
  });
  const files: Record<string, [string, string]> = {
    '/': ['text/html', PAGE],
    '/worker.js': ['text/javascript', WORKER],
    '/bundle.js': ['text/javascript', bundle.outputFiles[0]?.text ?? ''],
  };
  const server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    response.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
    response.end(file?.[1] ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Debian's Chromium, headless, on a fresh profile, with the project's flags. */
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
