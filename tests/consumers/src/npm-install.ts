import { mkdir, writeFile } from 'node:fs/promises';
import { runOrThrow } from './run.js';

/**
 * Installs `specs` (tarball paths, `name@version`) with npm into the empty folder `dir`, as a user's
 * project: a package.json of its own, npm's default layout, peer dependencies installed by npm.
 * `cache` is npm's cache folder, kept between runs so that the registry is asked once.
 */
export async function npmInstall(dir: string, specs: string[], cache: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    `${dir}/package.json`,
    `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  await runOrThrow(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      '--cache',
      cache,
      ...specs,
    ],
    { cwd: dir, env: { npm_config_update_notifier: 'false' }, timeoutMs: 600_000 },
  );
}
