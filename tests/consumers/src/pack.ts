import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOrThrow } from './run.js';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A package of the workspace that is published. */
export interface PublishedPackage {
  name: string;
  version: string;
  dir: string;
}

/** Every package of `packages/` and `apps/` that is not private: what `changeset publish` ships. */
export function publishedPackages(): PublishedPackage[] {
  const found: PublishedPackage[] = [];
  for (const group of ['packages', 'apps']) {
    for (const entry of readdirSync(join(ROOT, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(ROOT, group, entry.name);
      let manifest: { name: string; version: string; private?: boolean };
      try {
        manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      } catch {
        continue;
      }
      if (!manifest.private) found.push({ name: manifest.name, version: manifest.version, dir });
    }
  }
  return found;
}

/**
 * Packs the packages with `pnpm pack` (workspace: ranges become versions) into `destination`, in
 * one recursive run, without their prepack builds: turbo built every package before this test.
 * Returns the tarballs' paths by package name.
 */
export async function packAll(
  packages: PublishedPackage[],
  destination: string,
): Promise<Map<string, string>> {
  const filters = packages.flatMap((pkg) => ['--filter', pkg.name]);
  await runOrThrow(
    'pnpm',
    ['-r', ...filters, 'pack', '--config.ignore-scripts=true', '--pack-destination', destination],
    { cwd: ROOT, env: { npm_config_update_notifier: 'false' } },
  );
  const tarballs = new Map<string, string>();
  for (const pkg of packages) {
    const file = join(
      destination,
      `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`,
    );
    if (!existsSync(file)) throw new Error(`pnpm pack made no ${file}`);
    tarballs.set(pkg.name, file);
  }
  return tarballs;
}
