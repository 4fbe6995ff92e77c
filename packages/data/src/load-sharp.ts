import type sharp from 'sharp';

/** The sharp module's default export, the image pipeline factory. */
export type Sharp = typeof sharp;

let loaded: Promise<Sharp> | undefined;

/**
 * Loads sharp, the optional peer dependency that decodes image folders in Node, on first use:
 * browser users and IDX users never need it.
 * @param importSharp how to import it; tests pass a failing one
 * @throws an Error that names the install command when sharp is missing or cannot load
 */
export function loadSharp(importSharp?: () => Promise<{ default: Sharp }>): Promise<Sharp> {
  if (importSharp) return importOrExplain(importSharp);
  loaded ??= importOrExplain(() => import('sharp'));
  // A failed import is not kept: installing sharp then works without a restart.
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

async function importOrExplain(importSharp: () => Promise<{ default: Sharp }>): Promise<Sharp> {
  try {
    return (await importSharp()).default;
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
    throw new Error(
      `reading image folders needs sharp, an optional peer dependency of @dcgan/data, which ${
        missing ? 'is not installed' : 'failed to load'
      }: install it with \`npm install sharp\` (or \`pnpm add sharp\`). ${(error as Error).message}`,
      { cause: error },
    );
  }
}
