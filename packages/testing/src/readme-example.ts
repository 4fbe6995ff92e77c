import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The ```js block under a README's `## Example` heading. */
export async function readmeExample(packageDir: URL): Promise<string> {
  const readme = await readFile(new URL('README.md', packageDir), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Example'));
  const code = section?.match(/```js\n([\s\S]*?)```/)?.[1];
  if (!code)
    throw new Error(`${fileURLToPath(packageDir)}README.md has no \`\`\`js block under ## Example`);
  return code;
}

/**
 * Runs a package's README example with Node, as a user's file beside the package would (its own
 * name resolves to its built `dist`), and returns what it printed.
 */
export async function runReadmeExample(packageDir: URL): Promise<string> {
  const dir = fileURLToPath(packageDir);
  const file = join(dir, `.readme-example-${process.pid}.mjs`);
  await writeFile(file, await readmeExample(packageDir));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [file], {
      cwd: dir,
      timeout: 120_000,
    });
    return stdout;
  } finally {
    await rm(file, { force: true });
  }
}
