// Fixtures of the image reader tests, made at test time: PNG files through fast-png (an encoder
// independent of libvips, which decodes them), JPEG and WebP through sharp, real emoji pictures
// from Debian's fonts-noto-color-emoji through scripts/noto-emoji-pngs.mjs.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { encode, type IndexedColors } from 'fast-png';

/** A new empty folder under the system's temporary folder. */
export function temporaryFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'dcgan-images-'));
}

/** Writes `files` (relative path -> bytes) under `root`, making subfolders. */
export async function writeFiles(root: string, files: Record<string, Uint8Array | string>) {
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), bytes);
  }
  return root;
}

/** A PNG of `width x height` pixels of `channels` 8-bit (or `depth`-bit) samples. */
export function png(
  width: number,
  height: number,
  channels: 1 | 2 | 3 | 4,
  data: ArrayLike<number>,
  options: { depth?: 8 | 16; palette?: IndexedColors } = {},
): Uint8Array {
  const depth = options.depth ?? 8;
  const samples = depth === 16 ? Uint16Array.from(data) : Uint8Array.from(data);
  return encode({ width, height, channels, depth, data: samples, palette: options.palette });
}

/** Deterministic pseudo-random bytes (a linear congruential sequence). */
export function noise(length: number, seed = 1): Uint8Array {
  let state = seed >>> 0;
  return Uint8Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state >>> 24;
  });
}

/** A smooth RGB picture (gradients), which survives JPEG compression closely. */
export function gradient(width: number, height: number): Uint8Array {
  return Uint8Array.from({ length: width * height * 3 }, (_, i) => {
    const [x, y, c] = [Math.floor(i / 3) % width, Math.floor(i / 3 / width), i % 3];
    return [(255 * x) / (width - 1), (255 * y) / (height - 1), 128][c] as number;
  });
}

/** The mean absolute difference of two byte arrays of one length. */
export function meanDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} and ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return sum / a.length;
}

const EMOJI_SCRIPT = fileURLToPath(new URL('../scripts/noto-emoji-pngs.mjs', import.meta.url));
/** Debian's colour emoji font, from which the emoji pictures come. */
export const EMOJI_FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';

/**
 * A folder of the font's emoji as PNG files (136x128 RGBA, palette-coded), written once by the
 * script and shared by the test files.
 */
export async function emojiFolder(): Promise<string> {
  const folder = join(tmpdir(), 'dcgan-data-test-emoji');
  if (existsSync(folder)) return folder;
  const partial = await mkdtemp(`${folder}-`);
  await promisify(execFile)(process.execPath, [EMOJI_SCRIPT, partial]);
  await rename(partial, folder).catch(() => rm(partial, { recursive: true }));
  return folder;
}

/** The names of the first `count` emoji files of `emojiFolder()`, in name order. */
export async function someEmoji(count: number): Promise<string[]> {
  return (await readdir(await emojiFolder())).sort().slice(0, count);
}

/** A new folder of `perClass` emoji in each class folder, the first emoji in name order. */
export async function emojiClasses(classes: string[], perClass: number): Promise<string> {
  const [root, source] = await Promise.all([temporaryFolder(), emojiFolder()]);
  const names = await someEmoji(classes.length * perClass);
  for (const [i, name] of names.entries()) {
    const folder = join(root, classes[Math.floor(i / perClass)] as string);
    await mkdir(folder, { recursive: true });
    await copyFile(join(source, name), join(folder, name));
  }
  return root;
}
