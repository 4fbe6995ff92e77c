import { encode as encodePngFile } from 'fast-png';
import * as gifenc from 'gifenc';
import type { Picture } from './grid.js';

// gifenc is CommonJS under Node (named exports sit on `default`) and ESM under bundlers.
const gif: typeof gifenc =
  typeof gifenc.GIFEncoder === 'function'
    ? gifenc
    : (gifenc as unknown as { default: typeof gifenc }).default;
const GREY_PALETTE = Array.from({ length: 256 }, (_, v) => [v, v, v]);

/** Encodes a picture as an 8-bit PNG file, greyscale or RGB. */
export function encodePng(picture: Picture): Uint8Array {
  return encodePngFile({
    width: picture.width,
    height: picture.height,
    data: picture.pixels,
    channels: picture.channels,
    depth: 8,
  });
}

/**
 * Encodes pictures of one size as an animated GIF that loops, `delayMs` a frame (the last frame
 * held three times as long). Grey frames keep every level; RGB frames get a palette of 256 colours
 * each.
 */
export function encodeGif(frames: Picture[], delayMs = 400): Uint8Array {
  const first = frames[0];
  if (!first) throw new Error('a GIF needs at least one frame');
  const encoder = gif.GIFEncoder();
  frames.forEach((frame, i) => {
    if (frame.width !== first.width || frame.height !== first.height) {
      throw new Error(
        `frame ${i} is ${frame.width}x${frame.height}, the first is ${first.width}x${first.height}`,
      );
    }
    const delay = i === frames.length - 1 ? delayMs * 3 : delayMs;
    const { indices, palette } = indexed(frame);
    encoder.writeFrame(indices, frame.width, frame.height, { palette, delay, repeat: 0 });
  });
  encoder.finish();
  return encoder.bytes();
}

/** A frame as palette indices: grey levels as they are, RGB quantized to 256 colours. */
function indexed(frame: Picture): { indices: Uint8Array; palette: number[][] } {
  if (frame.channels === 1) return { indices: frame.pixels, palette: GREY_PALETTE };
  const rgba = new Uint8Array(frame.width * frame.height * 4);
  for (let i = 0, j = 0; i < frame.pixels.length; i += 3, j += 4) {
    rgba[j] = frame.pixels[i] as number;
    rgba[j + 1] = frame.pixels[i + 1] as number;
    rgba[j + 2] = frame.pixels[i + 2] as number;
    rgba[j + 3] = 255;
  }
  const palette = gif.quantize(rgba, 256);
  return { indices: gif.applyPalette(rgba, palette), palette };
}
