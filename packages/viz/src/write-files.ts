import { readFile, rename, writeFile } from 'node:fs/promises';
import { decode } from 'fast-png';
import { encodeGreyGif, encodeGreyPng } from './encode.js';
import type { GreyImage } from './grid.js';

async function writeAtomic(path: string, data: Uint8Array): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

/** Writes a grey picture to a PNG file (atomically). */
export function writeGridPng(path: string, image: GreyImage): Promise<void> {
  return writeAtomic(path, encodeGreyPng(image));
}

/** Writes grey pictures of one size to an animated GIF file (atomically). */
export function writeGif(path: string, frames: GreyImage[], delayMs?: number): Promise<void> {
  return writeAtomic(path, encodeGreyGif(frames, delayMs));
}

/** Reads a greyscale 8-bit PNG file back into a grey picture (for GIFs of a run's grids). */
export async function readGreyPng(path: string): Promise<GreyImage> {
  const png = decode(await readFile(path));
  if (png.channels !== 1 || png.depth !== 8)
    throw new Error(`${path}: expected an 8-bit greyscale PNG`);
  return { width: png.width, height: png.height, pixels: png.data as Uint8Array };
}
