import { fileURLToPath } from 'node:url';
import { build, type PreviewServer, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built demo, served on a free localhost port: `http://127.0.0.1:PORT/`. */
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
let server: PreviewServer | undefined;

/** Builds the demo as users get it (minified), then serves it for the browser tests. */
export async function setup(project: TestProject): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite resolve the packages' development builds.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server gave no URL');
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
