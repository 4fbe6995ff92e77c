import { join } from 'node:path';

/**
 * A path inside the docs app. Pages run bundled at build time, where `import.meta.url` names the
 * bundle, not the source: `astro build` and `astro dev` run in the app's folder.
 */
export function docsPath(...parts: string[]): string {
  return join(process.cwd(), ...parts);
}
