import { readFile } from 'node:fs/promises';

const NAME = 'report-components.global.js';

/**
 * The prebuilt script of the report's components (dist/report-components.global.js): beside this
 * module once built, or in ../dist when this module runs from src (the package's own tests).
 */
export async function readComponentsScript(): Promise<string> {
  for (const candidate of [`./${NAME}`, `../dist/${NAME}`]) {
    try {
      return await readFile(new URL(candidate, import.meta.url), 'utf8');
    } catch {}
  }
  throw new Error(
    `@dcgan/viz: ${NAME} is missing; build the package (pnpm --filter @dcgan/viz build)`,
  );
}
