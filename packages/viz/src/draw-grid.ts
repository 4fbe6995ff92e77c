import { type GridOptions, gridFromValues, type Picture } from './grid.js';
import type { ImageValues } from './image-values.js';

/**
 * Draws images (values in [-1, 1], -1 black; grey or RGB) as a grid on a canvas, one canvas pixel
 * per image pixel: the canvas is resized to the grid, and CSS (`image-rendering: pixelated`)
 * enlarges it.
 * @returns the picture drawn
 */
export function drawGrid(
  canvas: HTMLCanvasElement,
  images: ImageValues,
  options: Omit<GridOptions, 'scale' | 'channels'> = {},
): Picture {
  const grid = gridFromValues(images.values, images.count, images.size, {
    ...options,
    channels: images.channels,
  });
  canvas.width = grid.width;
  canvas.height = grid.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this canvas has no 2d context');
  const rgba = new ImageData(grid.width, grid.height);
  const c = grid.channels;
  for (let i = 0; i < grid.width * grid.height; i++) {
    rgba.data[4 * i] = grid.pixels[c * i] as number;
    rgba.data[4 * i + 1] = grid.pixels[c * i + (c === 3 ? 1 : 0)] as number;
    rgba.data[4 * i + 2] = grid.pixels[c * i + (c === 3 ? 2 : 0)] as number;
    rgba.data[4 * i + 3] = 255;
  }
  context.putImageData(rgba, 0, 0);
  canvas.dataset.drawn = '';
  return grid;
}
