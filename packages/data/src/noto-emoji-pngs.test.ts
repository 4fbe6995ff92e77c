import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { EMOJI_FONT, temporaryFolder } from './test-fixtures.js';

const SCRIPT = fileURLToPath(new URL('../scripts/noto-emoji-pngs.mjs', import.meta.url));

describe.runIf(existsSync(EMOJI_FONT) || process.env.CI)('scripts/noto-emoji-pngs.mjs', () => {
  it('writes the font colour emoji as over a thousand 136x128 PNG files', async () => {
    const out = await temporaryFolder();
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, out]);
    const names = await readdir(out);
    expect(stdout).toBe(`wrote ${names.length} emoji PNG files to ${out}\n`);
    expect(names.length).toBeGreaterThan(1000);
    expect(names).toContain('emoji_u1f600.png');
    for (const name of [names[0], names[names.length - 1], 'emoji_u1f600.png'] as string[]) {
      const image = decode(await readFile(join(out, name)));
      expect([image.width, image.height]).toEqual([136, 128]);
    }
  });

  it('names a missing font and how to install it', async () => {
    const run = promisify(execFile)(process.execPath, [
      SCRIPT,
      await temporaryFolder(),
      '/nope.ttf',
    ]);
    await expect(run).rejects.toThrow(
      /\/nope\.ttf: missing; install it with `apt-get install fonts-noto-color-emoji`/,
    );
  });
});
