import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const packageDir = new URL('..', import.meta.url).pathname;

/** The first ```js block of the package's README: the quick start users copy. */
async function quickStart(): Promise<string> {
  const readme = await readFile(join(packageDir, 'README.md'), 'utf8');
  const block = /## Quick start\s+```js\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no quick start block');
  return block;
}

describe('@dcgan/models as published', () => {
  it('packs, installs beside TensorFlow.js and runs the README quick start', {
    timeout: 300_000,
  }, async () => {
    const work = await mkdtemp(join(tmpdir(), 'dcgan-pack-'));
    execFileSync('pnpm', ['pack', '--pack-destination', work], { cwd: packageDir, stdio: 'pipe' });
    const tarball = (await readdir(work)).find((f) => f.endsWith('.tgz')) as string;
    const project = join(work, 'project');
    execFileSync('mkdir', ['-p', project]);
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user', private: true, type: 'module' }),
    );
    execFileSync(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        join(work, tarball),
        '@tensorflow/tfjs@4.22.0',
      ],
      {
        cwd: project,
        stdio: 'pipe',
      },
    );
    const lines = (await quickStart()).trim().split('\n');
    expect(lines.length).toBe(3);
    await writeFile(
      join(project, 'example.mjs'),
      `${lines.join('\n')}\nconsole.log(JSON.stringify(images.shape), Math.max(...images.dataSync().map(Math.abs)) <= 1);\n`,
    );
    const output = execFileSync('node', ['example.mjs'], { cwd: project, encoding: 'utf8' });
    expect(output.trim().split('\n').at(-1)).toBe('[16,28,28,1] true');
  });
});
