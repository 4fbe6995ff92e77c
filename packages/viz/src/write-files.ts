import { readFile, rename, writeFile } from 'node:fs/promises';
import { decode } from 'fast-png';
import { encodeGif, encodePng } from './encode.js';
import type { Picture } from './grid.js';

async function writeAtomic(path: string, data: Uint8Array): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

/** Writes a picture to a PNG file (atomically). */
export function writeGridPng(path: string, picture: Picture): Promise<void> {
  return writeAtomic(path, encodePng(picture));
}

/** Writes pictures of one size to an animated GIF file (atomically). */
export function writeGif(path: string, frames: Picture[], delayMs?: number): Promise<void> {
  return writeAtomic(path, encodeGif(frames, delayMs));
}

/** Reads an 8-bit greyscale or RGB PNG file back into a picture (for GIFs of a run's grids). */
export async function readPng(path: string): Promise<Picture> {
  const png = decode(await readFile(path));
  if ((png.channels !== 1 && png.channels !== 3) || png.depth !== 8)
    throw new Error(`${path}: expected an 8-bit greyscale or RGB PNG`);
  return {
    width: png.width,
    height: png.height,
    channels: png.channels,
    pixels: png.data as Uint8Array,
  };
}
