#!/usr/bin/env node
// pnpm release:dry-run [--out DIR]: what `pnpm release` would publish, without publishing. Applies
// the pending changesets (`changeset version`), packs every published package with its prepack
// build into DIR (default release-dry-run/), copies the changelogs written beside the tarballs,
// then puts every file that versioning changed back as it was.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex > 0 ? process.argv[outIndex + 1] : join(root, 'release-dry-run'));

const run = (command, args) =>
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env } });
const gitStatus = () => {
  try {
    return execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
  } catch {
    return undefined;
  }
};

/** The workspace's package folders (pnpm-workspace.yaml: packages/*, apps/*, tests/*). */
function packageDirs() {
  const dirs = [root];
  for (const group of ['packages', 'apps', 'tests']) {
    if (!existsSync(join(root, group))) continue;
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      const dir = join(root, group, entry.name);
      if (entry.isDirectory() && existsSync(join(dir, 'package.json'))) dirs.push(dir);
    }
  }
  return dirs;
}

/** Every file `changeset version` may write or delete, with its content now (undefined: absent). */
function snapshot() {
  const files = new Map();
  for (const dir of packageDirs()) {
    for (const name of ['package.json', 'CHANGELOG.md']) {
      const file = join(dir, name);
      files.set(file, existsSync(file) ? readFileSync(file) : undefined);
    }
  }
  const changesets = join(root, '.changeset');
  for (const name of readdirSync(changesets)) files.set(join(changesets, name), readFileSync(join(changesets, name)));
  return files;
}

function restore(files) {
  for (const [file, content] of files) {
    if (content === undefined) rmSync(file, { force: true });
    else writeFileSync(file, content);
  }
}

const published = packageDirs()
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => !manifest.private);

const before = gitStatus();
const saved = snapshot();
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'changelogs'), { recursive: true });
try {
  run('pnpm', ['changeset', 'version']);
  const filters = published.flatMap(({ manifest }) => ['--filter', manifest.name]);
  // Recursive, so in dependency order; each package's prepack builds it.
  run('pnpm', ['-r', ...filters, 'pack', '--pack-destination', out]);
  console.log(`\nrelease dry run: nothing was published; the tarballs are in ${relative(root, out) || out}`);
  for (const { dir } of published) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const tarball = `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`;
    if (!existsSync(join(out, tarball))) throw new Error(`pnpm pack made no ${tarball}`);
    const changelog = join(dir, 'CHANGELOG.md');
    if (existsSync(changelog)) {
      writeFileSync(join(out, 'changelogs', `${tarball.replace(/\.tgz$/, '')}.md`), readFileSync(changelog));
    }
    console.log(`  ${manifest.name}@${manifest.version}  ${tarball}`);
  }
} finally {
  restore(saved);
}
const after = gitStatus();
if (before !== undefined && after !== before) {
  console.error(`the working tree differs from before the dry run:\n${after}`);
  process.exit(1);
}
console.log('the working tree is as it was');
