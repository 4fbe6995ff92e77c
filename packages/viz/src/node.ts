/**
 * Node entry point of @dcgan/viz: sample grids as PNG and GIF files, for the trainer.
 *   import { writeGridPng } from '@dcgan/viz/node';
 */

export { encodeGreyGif, encodeGreyPng } from './encode.js';
export type { GreyImage, GridOptions } from './grid.js';
export { gridFromValues } from './grid.js';
export { readGreyPng, writeGif, writeGridPng } from './write-files.js';
