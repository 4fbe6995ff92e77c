import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connect, Plugin } from 'vite';

const FILES = ['model.json', 'weights.bin'];

/**
 * Serves the pretrained generators of @dcgan/models (`dir`: its `pretrained/` folder) under
 * `<base>models/<name>/model.json` and `weights.bin`, side by side with their own names, and copies
 * them into the build: a plain URL that `<dcgan-sample-grid src>` and `tf.loadLayersModel` take.
 */
export function pretrainedFiles(dir: string): Plugin {
  let base = '/';
  let outDir = 'dist';
  const names = readdirSync(dir).filter((name) =>
    FILES.every((file) => existsSync(join(dir, name, file))),
  );
  const serve: Connect.NextHandleFunction = (request, response, next) => {
    const [name, file] = (request.url ?? '').split('?')[0]?.replace(/^\//, '').split('/') ?? [];
    if (!names.includes(name ?? '') || !FILES.includes(file ?? '')) return next();
    response.setHeader(
      'Content-Type',
      file === 'model.json' ? 'application/json' : 'application/octet-stream',
    );
    createReadStream(join(dir, name as string, file as string)).pipe(response);
  };
  return {
    name: 'dcgan-pretrained-files',
    configResolved(config) {
      base = config.base;
      outDir = join(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(`${base}models`, serve);
    },
    configurePreviewServer(server) {
      server.middlewares.use(`${base}models`, serve);
    },
    async writeBundle() {
      for (const name of names) {
        await mkdir(join(outDir, 'models', name), { recursive: true });
        await Promise.all(
          FILES.map((file) => copyFile(join(dir, name, file), join(outDir, 'models', name, file))),
        );
      }
    },
  };
}
