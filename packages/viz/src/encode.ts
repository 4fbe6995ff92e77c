import { encode as encodePng } from 'fast-png';
import * as gifenc from 'gifenc';
import type { GreyImage } from './grid.js';

// gifenc is CommonJS under Node (named exports sit on `default`) and ESM under bundlers.
const GIFEncoder =
  gifenc.GIFEncoder ?? (gifenc as unknown as { default: typeof gifenc }).default.GIFEncoder;
const GREY_PALETTE = Array.from({ length: 256 }, (_, v) => [v, v, v]);

/** Encodes a grey picture as an 8-bit greyscale PNG file. */
export function encodeGreyPng(image: GreyImage): Uint8Array {
  return encodePng({
    width: image.width,
    height: image.height,
    data: image.pixels,
    channels: 1,
    depth: 8,
  });
}

/**
 * Encodes grey pictures of one size as an animated GIF that loops, `delayMs` a frame
 * (the last frame held three times as long).
 */
export function encodeGreyGif(frames: GreyImage[], delayMs = 400): Uint8Array {
  const first = frames[0];
  if (!first) throw new Error('a GIF needs at least one frame');
  const gif = GIFEncoder();
  frames.forEach((frame, i) => {
    if (frame.width !== first.width || frame.height !== first.height) {
      throw new Error(
        `frame ${i} is ${frame.width}x${frame.height}, the first is ${first.width}x${first.height}`,
      );
    }
    const delay = i === frames.length - 1 ? delayMs * 3 : delayMs;
    gif.writeFrame(frame.pixels, frame.width, frame.height, {
      palette: GREY_PALETTE,
      delay,
      repeat: 0,
    });
  });
  gif.finish();
  return gif.bytes();
}
