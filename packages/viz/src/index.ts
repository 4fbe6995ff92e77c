export { encodeGreyGif, encodeGreyPng } from './encode.js';
export type { GreyImage, GridOptions } from './grid.js';
export { gridFromValues } from './grid.js';
