import { type GreyImage, type GridOptions, gridFromValues } from './grid.js';
import type { ImageValues } from './image-values.js';

/**
 * Draws images (values in [-1, 1], -1 black) as a grid on a canvas, one canvas pixel per image
 * pixel: the canvas is resized to the grid, and CSS (`image-rendering: pixelated`) enlarges it.
 * @returns the grey picture drawn
 */
export function drawGrid(
  canvas: HTMLCanvasElement,
  images: ImageValues,
  options: Omit<GridOptions, 'scale'> = {},
): GreyImage {
  const grid = gridFromValues(images.values, images.count, images.size, options);
  canvas.width = grid.width;
  canvas.height = grid.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this canvas has no 2d context');
  const rgba = new ImageData(grid.width, grid.height);
  grid.pixels.forEach((grey, i) => {
    rgba.data[4 * i] = grey;
    rgba.data[4 * i + 1] = grey;
    rgba.data[4 * i + 2] = grey;
    rgba.data[4 * i + 3] = 255;
  });
  context.putImageData(rgba, 0, 0);
  canvas.dataset.drawn = '';
  return grid;
}
