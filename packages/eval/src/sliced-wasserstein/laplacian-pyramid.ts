import { type ImageArray, resampleImages } from './resample-images.js';
import { downTaps, upTaps } from './resample-taps.js';

/**
 * The height and width of each level of a Laplacian pyramid, finest first. By default the
 * images are halved (rounding up) while the smaller side of the next level stays above 8 px:
 * 64 -> 64, 32, 16 and 128 -> 128, 64, 32, 16 as in Karras et al. (who stop at 16 px), and
 * 28 -> 28, 14 (their `res >= 16` rule would keep the 28-px level alone, no pyramid at all).
 */
export function pyramidSizes(height: number, width: number, levels?: number): [number, number][] {
  const sizes: [number, number][] = [[height, width]];
  const more = (h: number, w: number) =>
    levels === undefined ? Math.min(Math.ceil(h / 2), Math.ceil(w / 2)) > 8 : sizes.length < levels;
  for (let [h, w] = [height, width]; more(h, w); ) {
    [h, w] = [Math.ceil(h / 2), Math.ceil(w / 2)];
    sizes.push([h, w]);
  }
  return sizes;
}

/**
 * The Laplacian pyramid of each image (Burt and Adelson; Karras et al.'s
 * `generate_laplacian_pyramid`): every level but the last holds the detail lost by blurring with
 * the 5x5 binomial filter and halving; the last holds the blurred, halved image itself.
 * @param images `[count, height, width, channels]`, any range
 * @returns `levels` image arrays, finest first, sized as `pyramidSizes`
 */
export function laplacianPyramid(images: ImageArray, levels: number): ImageArray[] {
  const pyramid: ImageArray[] = [];
  let current = images;
  for (let level = 1; level < levels; level++) {
    const { height, width } = current;
    const coarse = resampleImages(current, downTaps(height), downTaps(width));
    const up = resampleImages(coarse, upTaps(coarse.height, height), upTaps(coarse.width, width));
    const detail = new Float32Array(current.pixels.length);
    for (let i = 0; i < detail.length; i++) {
      detail[i] = (current.pixels[i] as number) - (up.pixels[i] as number);
    }
    pyramid.push({ ...current, pixels: detail });
    current = coarse;
  }
  pyramid.push(current);
  return pyramid;
}
