import type { SeededRandom } from '@dcgan/data';
import type { AugmentPolicy } from './augment-policy.js';

/** The random values of one augmentation of a batch, one entry per image. */
export interface AugmentParameters {
  /** Added to every value: U(-0.5, 0.5). */
  brightness?: Float32Array;
  /** Scales each pixel's channels about their mean: U(0, 2). */
  saturation?: Float32Array;
  /** Scales every value about the image's mean: U(0.5, 1.5). */
  contrast?: Float32Array;
  /** How far the content moves down (`rows`) and right (`columns`), in pixels. */
  shift?: { rows: Int32Array; columns: Int32Array };
  /** The zeroed square: its top-left corner (possibly outside the image, which clips it) and size. */
  cutout?: { top: Int32Array; left: Int32Array; height: number; width: number };
}

/**
 * Draws one augmentation per image of a batch from `random`, as the reference does: colour
 * factors, then shifts of up to round(size x translation) pixels, then a square of
 * round(size x cutout) pixels centred anywhere in the image.
 */
export function drawAugmentParameters(
  random: SeededRandom,
  [batch, height, width]: readonly [number, number, number, ...number[]],
  policy: AugmentPolicy,
): AugmentParameters {
  const uniform = (low: number, high: number) =>
    Float32Array.from({ length: batch }, () => low + (high - low) * random.next());
  const integers = (low: number, count: number) =>
    Int32Array.from({ length: batch }, () => low + Math.floor(random.next() * count));
  const parameters: AugmentParameters = {};
  if (policy.color) {
    parameters.brightness = uniform(-0.5, 0.5);
    parameters.saturation = uniform(0, 2);
    parameters.contrast = uniform(0.5, 1.5);
  }
  if (policy.translation) {
    const [rows, columns] = [height, width].map((size) =>
      Math.floor(size * (policy.translation as number) + 0.5),
    );
    parameters.shift = {
      rows: integers(-(rows as number), 2 * (rows as number) + 1),
      columns: integers(-(columns as number), 2 * (columns as number) + 1),
    };
  }
  if (policy.cutout) {
    const [cutHeight, cutWidth] = [height, width].map((size) =>
      Math.floor(size * (policy.cutout as number) + 0.5),
    ) as [number, number];
    // The reference's centre: 0 .. size - 1, or 0 .. size for an even square.
    parameters.cutout = {
      top: integers(-Math.floor(cutHeight / 2), height + 1 - (cutHeight % 2)),
      left: integers(-Math.floor(cutWidth / 2), width + 1 - (cutWidth % 2)),
      height: cutHeight,
      width: cutWidth,
    };
  }
  return parameters;
}
