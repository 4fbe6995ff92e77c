import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(
  dirname(createRequire(import.meta.url).resolve('@dcgan/cli/package.json')),
  'dist',
  'cli.js',
);

/**
 * Flags of the CLI's design (notes: the `dcgan` CLI after this round of work) that the docs
 * describe ahead of the CLI that implements them. Each must be missing from `--help` still: once
 * the CLI has it, this test fails until it is taken off this list.
 */
const PENDING: Record<string, string[]> = {};

/** What the docs ask of the CLI: each command written out, `dcgan train …` or `pnpm bench …`. */
async function documentedCommands(): Promise<
  { where: string; command: string; flags: string[] }[]
> {
  const files = [
    'README.md',
    'packages/models/pretrained/mnist/README.md',
    'packages/models/pretrained/mnist-conditional/README.md',
  ];
  const content = join(repo, 'apps/docs/src/content/docs');
  for (const dir of ['', 'guides', 'components', 'reference']) {
    for (const name of await readdir(join(content, dir))) {
      // The results history quotes the commands of their day.
      if (/\.mdx?$/.test(name) && name !== 'results-history.md')
        files.push(join('apps/docs/src/content/docs', dir, name));
    }
  }
  const found = [];
  for (const file of files) {
    const text = (await readFile(join(repo, file), 'utf8')).replace(/\\\n\s*/g, ' ');
    for (const match of text.matchAll(
      /(?:pnpm |^|`)(?:dcgan |(bench))\s*(train|sample|eval|verify|bench)?([^`\n]*)/gm,
    )) {
      const command = match[1] ?? match[2];
      if (!command) continue;
      const flags = [...(match[3] ?? '').matchAll(/(?:^|\s)(--[a-z][a-z0-9-]*)/g)].map(
        (m) => m[1] as string,
      );
      found.push({ where: file, command, flags });
    }
  }
  return found;
}

async function help(command?: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    cli,
    ...(command ? [command] : []),
    '--help',
  ]);
  return stdout;
}

describe('the docs and the CLI', () => {
  it('every flag the docs give a command is in its --help (or pending in the CLI design)', async () => {
    const commands = await documentedCommands();
    expect(commands.length).toBeGreaterThan(20);
    const global = await help();
    const missing: string[] = [];
    const helps = new Map<string, string>();
    for (const { where, command, flags } of commands) {
      if (!helps.has(command)) helps.set(command, await help(command));
      for (const flag of flags) {
        const known =
          helps.get(command)?.includes(`${flag} `) ||
          helps.get(command)?.includes(`${flag},`) ||
          global.includes(`${flag} `);
        const negated = flag.startsWith('--no-') && helps.get(command)?.includes(flag);
        if (!known && !negated && !PENDING[command]?.includes(flag))
          missing.push(`${where}: dcgan ${command} ${flag}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('lists as pending only flags the CLI does not have yet', async () => {
    for (const [command, flags] of Object.entries(PENDING)) {
      const text = await help(command);
      expect(flags.filter((flag) => text.includes(`${flag} `))).toEqual([]);
    }
  });
});
