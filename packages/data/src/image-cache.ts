import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ImageFolderDataset } from './image-folder-dataset.js';
import type { ImageFileEntry } from './list-image-files.js';

/** What a cache file holds: a decoded data set without its cache report. */
export type CachedImages = Omit<ImageFolderDataset, 'cache'>;

/** Cache files start with this, then a CRC-32 of the rest and the header's length. */
const MAGIC = 'DCGANIM1';
const PREAMBLE = 16;

/** `$XDG_CACHE_HOME/dcgan`, or `~/.cache/dcgan` when it is unset or not absolute (as XDG says). */
export function defaultCacheDir(env = process.env, home = homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg?.startsWith('/') ? xdg : join(home, '.cache'), 'dcgan');
}

/**
 * The cache file for a folder read with some settings: named by a hash of the folder and the
 * settings, then a hash of the file list (paths, sizes, mtimes), so that a changed file, added or
 * removed, misses the cache, and the stale file for the same folder and settings is replaced.
 */
export function imageCacheFile(
  cacheDir: string,
  root: string,
  settings: object,
  files: readonly ImageFileEntry[],
): { file: string; key: string } {
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  const folder = hash(JSON.stringify({ root, settings }));
  const list = hash(files.map((f) => `${f.path}\0${f.size}\0${f.mtimeMs}`).join('\n'));
  return {
    file: join(cacheDir, 'images', `${folder.slice(0, 20)}-${list.slice(0, 20)}.bin`),
    key: `${folder}-${list}`,
  };
}

/**
 * Reads a cache file: `missing` when there is none, `damaged` when its length, CRC-32 or header
 * does not check out (it is then never trusted), else the data set, its bytes views of one buffer.
 */
export async function readImageCache(
  file: string,
  key: string,
): Promise<CachedImages | 'missing' | 'damaged'> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return 'missing';
  }
  if (bytes.length < PREAMBLE || bytes.toString('latin1', 0, 8) !== MAGIC) return 'damaged';
  if (crc32(bytes.subarray(12)) !== bytes.readUInt32LE(8)) return 'damaged';
  const headerEnd = PREAMBLE + bytes.readUInt32LE(12);
  try {
    const header = JSON.parse(bytes.toString('utf8', PREAMBLE, headerEnd));
    const { count, height, width, channels, labelsLength } = header;
    const imagesLength = count * height * width * channels;
    if (header.key !== key || bytes.length !== headerEnd + imagesLength + labelsLength)
      return 'damaged';
    const view = (at: number, length: number) =>
      new Uint8Array(bytes.buffer, bytes.byteOffset + at, length);
    return {
      images: view(headerEnd, imagesLength),
      ...(labelsLength > 0 && { labels: view(headerEnd + imagesLength, labelsLength) }),
      count,
      height,
      width,
      channels,
      files: header.files,
      ...(header.classNames && { classNames: header.classNames }),
      skipped: header.skipped,
    };
  } catch {
    return 'damaged';
  }
}

/**
 * Writes a cache file atomically (a temporary file renamed over it), then removes the older
 * files of the same folder and settings. The set's bytes are written as they are, not copied.
 */
export async function writeImageCache(
  file: string,
  key: string,
  data: CachedImages,
): Promise<void> {
  const { images, labels, count, height, width, channels, files, classNames, skipped } = data;
  const labelsLength = labels?.length ?? 0;
  const header = Buffer.from(
    JSON.stringify({
      key,
      count,
      height,
      width,
      channels,
      labelsLength,
      files,
      classNames,
      skipped,
    }),
  );
  const preamble = Buffer.alloc(PREAMBLE);
  preamble.write(MAGIC, 0, 'latin1');
  preamble.writeUInt32LE(header.length, 12);
  const parts = [header, images, ...(labels ? [labels] : [])];
  let checksum = crc32(preamble.subarray(12));
  for (const part of parts) checksum = crc32(part, checksum);
  preamble.writeUInt32LE(checksum, 8);
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    for (const part of [preamble, ...parts]) await handle.write(part);
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, file);
  await removeStale(file);
}

/** Removes the other cache files of one folder and settings: those of older file lists. */
async function removeStale(file: string): Promise<void> {
  const name = basename(file);
  const prefix = name.slice(0, name.indexOf('-') + 1);
  const names = await readdir(dirname(file)).catch(() => []);
  await Promise.all(
    names
      .filter((other) => other.startsWith(prefix) && other !== name && !other.endsWith('.tmp'))
      .map((other) => rm(join(dirname(file), other), { force: true })),
  );
}
