import type { Rgb } from './image-options.js';

/**
 * Composites RGBA bytes on an opaque colour: round((c a + b (255 - a)) / 255), so that the
 * readers of Node and browsers agree to the byte on opaque and fully transparent pixels.
 * @param rgba `pixels * 4` bytes, not premultiplied
 * @returns `pixels * 3` bytes
 */
export function compositeOn(rgba: Uint8Array, background: Rgb): Uint8Array {
  const rgb = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    const alpha = rgba[j + 3] as number;
    for (let c = 0; c < 3; c++) {
      rgb[i + c] = Math.round(
        ((rgba[j + c] as number) * alpha + (background[c] as number) * (255 - alpha)) / 255,
      );
    }
  }
  return rgb;
}

/**
 * Converts RGB bytes to grey with ITU-R 601-2 luma, L = (299 R + 587 G + 114 B) / 1000 in
 * 16-bit fixed point, exactly as PIL's `convert('L')` (and so torchvision's Grayscale) does:
 * a grey pixel (R = G = B) keeps its value.
 * @param rgb `pixels * 3` bytes
 * @returns `pixels` bytes
 */
export function rgbToGrey(rgb: Uint8Array): Uint8Array {
  const grey = new Uint8Array(rgb.length / 3);
  for (let i = 0, j = 0; i < grey.length; i++, j += 3) {
    grey[i] =
      ((rgb[j] as number) * 19595 +
        (rgb[j + 1] as number) * 38470 +
        (rgb[j + 2] as number) * 7471 +
        0x8000) >>
      16;
  }
  return grey;
}
