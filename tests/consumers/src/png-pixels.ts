/** Pixels as RGBA bytes, from a canvas or a decoded PNG. */
export interface Pixels {
  width: number;
  height: number;
  /** Bytes a pixel: 4 (RGBA), 3 (RGB), 2 (grey and alpha) or 1 (grey). */
  channels: number;
  data: ArrayLike<number>;
}

/**
 * What makes a picture of digits: several grey levels (not blank, not two-tone), a background
 * mostly dark (the first channel below 32) and some bright strokes (above 200).
 */
export function digitLikeness(pixels: Pixels): { levels: number; dark: number; bright: number } {
  const levels = new Set<number>();
  let dark = 0;
  let bright = 0;
  const count = pixels.width * pixels.height;
  for (let i = 0; i < count; i++) {
    const value = pixels.data[i * pixels.channels] as number;
    levels.add(value);
    if (value < 32) dark++;
    if (value > 200) bright++;
  }
  return { levels: levels.size, dark: dark / count, bright: bright / count };
}
