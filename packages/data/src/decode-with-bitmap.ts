import { rgbToGrey } from './grey.js';
import { checkImageHeader } from './image-header.js';
import type { ResolvedImageOptions } from './image-options.js';
import { UnreadableImageError } from './unreadable-image.js';

/** A 2D context on an `imageSize` square canvas, reused for every image of one load. */
export type SquareContext = OffscreenCanvasRenderingContext2D;

/** An `OffscreenCanvas` context to draw `size` square images on; works in Web Workers. */
export function squareContext(size: number): SquareContext {
  const context = new OffscreenCanvas(size, size).getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('OffscreenCanvas 2D context unavailable');
  return context;
}

/**
 * Decodes one PNG, JPEG or WebP file with the browser's decoders, as the Node reader does with
 * sharp: EXIF orientation applied (`imageOrientation: 'from-image'`), centre-cropped to a square,
 * resized with `resizeQuality: 'high'`, composited on `background`, then grey if asked.
 * @returns `imageSize * imageSize * channels` bytes, row-major, channels last
 * @throws UnreadableImageError saying what is wrong with the file
 */
export async function decodeWithBitmap(
  file: Blob,
  context: SquareContext,
  options: Pick<ResolvedImageOptions, 'imageSize' | 'channels' | 'background' | 'maxPixels'>,
): Promise<Uint8Array> {
  // A JPEG's frame header can follow large EXIF and ICC segments.
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const header = checkImageHeader(head, options.maxPixels);
  const size = options.imageSize;
  let whole: ImageBitmap | undefined;
  let square: ImageBitmap | undefined;
  try {
    whole = await createImageBitmap(file, { imageOrientation: 'from-image' });
    if (whole.width * whole.height > options.maxPixels) {
      throw new Error(`${whole.width}x${whole.height} pixels, more than maxPixels`);
    }
    const side = Math.min(whole.width, whole.height);
    // Half a pixel down and right when uneven, as sharp's centre crop.
    const left = Math.ceil((whole.width - side) / 2);
    const top = Math.ceil((whole.height - side) / 2);
    square = await cropAndResize(whole, left, top, side, size);
  } catch (error) {
    throw new UnreadableImageError(
      `not a readable ${header.format} image (${(error as Error).message || String(error)})`,
    );
  } finally {
    whole?.close();
  }
  const [r, g, b] = options.background;
  context.globalCompositeOperation = 'copy';
  context.fillStyle = `rgb(${r}, ${g}, ${b})`;
  context.fillRect(0, 0, size, size);
  context.globalCompositeOperation = 'source-over';
  context.drawImage(square, 0, 0);
  square.close();
  const rgba = context.getImageData(0, 0, size, size).data;
  const rgb = new Uint8Array(size * size * 3);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgb[i] = rgba[j] as number;
    rgb[i + 1] = rgba[j + 1] as number;
    rgb[i + 2] = rgba[j + 2] as number;
  }
  return options.channels === 1 ? rgbToGrey(rgb) : rgb;
}

/**
 * Crops a square and resizes it with `resizeQuality: 'high'`. Chromium's high quality filters
 * downscales by powers of two through mipmaps, which do not alias, but samples other downscales
 * with a cubic filter, which does (a fine pattern shrunk by a fifth turns to moire): those are
 * made in two steps, up to the next power of two times `size`, then down by that power.
 */
async function cropAndResize(
  image: ImageBitmap,
  left: number,
  top: number,
  side: number,
  size: number,
): Promise<ImageBitmap> {
  const power = 2 ** Math.ceil(Math.log2(side / size));
  const crop = (width: number) =>
    createImageBitmap(image, left, top, side, side, {
      resizeWidth: width,
      resizeHeight: width,
      resizeQuality: 'high',
    });
  if (power <= 1 || power * size === side) return crop(size);
  const larger = await crop(power * size);
  try {
    return await createImageBitmap(larger, {
      resizeWidth: size,
      resizeHeight: size,
      resizeQuality: 'high',
    });
  } finally {
    larger.close();
  }
}
