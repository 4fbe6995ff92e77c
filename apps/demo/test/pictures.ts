import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Writes the colour emoji of Debian's fonts-noto-color-emoji as PNG files (136x128 RGBA). */
const EMOJI_SCRIPT = fileURLToPath(
  new URL('../../../packages/data/scripts/noto-emoji-pngs.mjs', import.meta.url),
);

/** Every emoji as a PNG file, written once into the temporary folder and kept for later runs. */
async function emojiFolder(): Promise<string> {
  const folder = join(tmpdir(), 'dcgan-demo-test-emoji');
  if (existsSync(folder)) return folder;
  const partial = await mkdtemp(`${folder}-`);
  await promisify(execFile)(process.execPath, [EMOJI_SCRIPT, partial]);
  await rename(partial, folder).catch(() => rm(partial, { recursive: true }));
  return folder;
}

/**
 * A new temporary folder holding the first `count` emoji (real colour pictures) and `extra` files,
 * given by name and content (unreadable pictures, text).
 */
export async function picturesFolder(
  count: number,
  extra: Record<string, string | Uint8Array> = {},
): Promise<string> {
  const [folder, emoji] = await Promise.all([
    mkdtemp(join(tmpdir(), 'dcgan-demo-pictures-')),
    emojiFolder(),
  ]);
  const names = (await readdir(emoji)).sort().slice(0, count);
  await Promise.all(names.map((name) => copyFile(join(emoji, name), join(folder, name))));
  for (const [name, content] of Object.entries(extra)) await writeFile(join(folder, name), content);
  return folder;
}
