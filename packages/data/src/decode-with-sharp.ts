import { compositeOn, rgbToGrey } from './grey.js';
import { checkImageHeader } from './image-header.js';
import type { ResolvedImageOptions } from './image-options.js';
import type { Sharp } from './load-sharp.js';
import { UnreadableImageError } from './unreadable-image.js';

/**
 * Decodes one PNG, JPEG or WebP file with sharp (libvips) into a square image: EXIF orientation
 * applied, centre-cropped and resized with Lanczos-3 (whose support widens when shrinking, so
 * downscaling does not alias), any depth or colour space (16-bit, palette, grey-alpha, CMYK)
 * brought to 8-bit sRGB, composited on `background`, then grey if asked.
 * @returns `imageSize * imageSize * channels` bytes, row-major, channels last
 * @throws UnreadableImageError saying what is wrong with the file
 */
export async function decodeWithSharp(
  sharp: Sharp,
  bytes: Uint8Array,
  options: Pick<ResolvedImageOptions, 'imageSize' | 'channels' | 'background' | 'maxPixels'>,
): Promise<Uint8Array> {
  const header = checkImageHeader(bytes, options.maxPixels);
  const { imageSize: size, background } = options;
  let rgba: Buffer;
  try {
    // failOn 'error' refuses truncated and corrupt data, yet takes the harmless warnings of
    // real-world files ("extraneous bytes before marker").
    const { data, info } = await sharp(bytes, {
      failOn: 'error',
      limitInputPixels: options.maxPixels,
      autoOrient: true,
    })
      .resize(size, size, { fit: 'cover', position: 'centre', kernel: 'lanczos3' })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.width !== size || info.height !== size || info.channels !== 4) {
      throw new Error(`decoded to ${info.width}x${info.height}x${info.channels}`);
    }
    rgba = data;
  } catch (error) {
    throw new UnreadableImageError(
      `not a readable ${header.format} image (${oneLine((error as Error).message)})`,
    );
  }
  const rgb = compositeOn(rgba, background);
  return options.channels === 1 ? rgbToGrey(rgb) : rgb;
}

/** libvips repeats its warnings over several lines: each once, on one line. */
function oneLine(message: string): string {
  const lines = message.split('\n').map((line) => line.trim());
  return [...new Set(lines.filter((line) => line !== ''))].join('; ');
}
