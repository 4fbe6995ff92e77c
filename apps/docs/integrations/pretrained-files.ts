import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const FILES = ['model.json', 'weights.bin'];

/** The `pretrained/` folder of the installed @dcgan/models and the generators in it. */
export function pretrainedGenerators(): { dir: string; names: string[] } {
  const models = createRequire(import.meta.url).resolve('@dcgan/models/package.json');
  const dir = join(dirname(models), 'pretrained');
  const names = readdirSync(dir).filter((name) =>
    FILES.every((file) => existsSync(join(dir, name, file))),
  );
  return { dir, names };
}

/**
 * Serves the pretrained generators of @dcgan/models as plain files, `<base>models/<name>/model.json`
 * and `weights.bin`, in `astro dev` and in the build: the URL a component's `src` takes
 * (`src/pretrained.ts` names it). Once `<dcgan-sample-grid src="pretrained:mnist">` resolves the
 * package's own files, this integration and that module go, and nothing else changes.
 */
export function pretrainedFiles(): AstroIntegration {
  const { dir, names } = pretrainedGenerators();
  return {
    name: 'dcgan-pretrained-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response: ServerResponse, next) => {
          const path = (request.url ?? '').split('?')[0] ?? '';
          const [, name, file] = path.match(/\/models\/([^/]+)\/([^/]+)$/) ?? [];
          if (!name || !file || !names.includes(name) || !FILES.includes(file)) return next();
          response.setHeader(
            'Content-Type',
            file === 'model.json' ? 'application/json' : 'application/octet-stream',
          );
          createReadStream(join(dir, name, file)).pipe(response);
        });
      },
      'astro:build:done': async ({ dir: out }) => {
        for (const name of names) {
          const target = join(fileURLToPath(out), 'models', name);
          await mkdir(target, { recursive: true });
          await Promise.all(
            FILES.map((file) => copyFile(join(dir, name, file), join(target, file))),
          );
        }
      },
    },
  };
}
