import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

/** A started server: its URL, and how to stop it. */
export interface Served {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves files as a static host or a CDN does: `route` maps a URL path to a file (or a page's
 * text); anything else is a 404. Listens on a free port of 127.0.0.1.
 */
export async function serveStatic(
  route: (path: string) => { file: string } | { html: string } | undefined,
): Promise<Served> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const target = route(path);
    if (target && 'html' in target) {
      response.writeHead(200, { 'Content-Type': TYPES['.html'] });
      response.end(target.html);
      return;
    }
    const found = target && (await stat(target.file).catch(() => undefined));
    if (!target || !found?.isFile()) {
      response.writeHead(404).end(`not found: ${path}`);
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(target.file)] ?? 'application/octet-stream',
      'Content-Length': found.size,
    });
    createReadStream(target.file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
