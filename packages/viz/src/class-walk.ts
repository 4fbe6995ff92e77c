import { oneHot } from './generate-values.js';

/**
 * The class vector `[classes]` at `position` on a closed walk whose keyframe k draws class
 * `keyframeClasses[k % keyframeClasses.length]`: one-hot at a keyframe, and between two keyframes
 * the straight mix of theirs (at k + 0.25, three quarters of keyframe k's class and one of the
 * next's), so that a walk goes smoothly from one digit to the next.
 * @param keyframes how many keyframes the walk has (it wraps from the last to the first)
 */
export function walkClass(
  keyframeClasses: readonly number[],
  keyframes: number,
  position: number,
  classes: number,
): Float32Array {
  if (keyframeClasses.length === 0) throw new Error('walkClass: no classes');
  const wrapped = ((position % keyframes) + keyframes) % keyframes;
  const index = Math.floor(wrapped);
  const t = wrapped - index;
  const from = oneHot(keyframeClasses[index % keyframeClasses.length] as number, classes);
  const to = oneHot(
    keyframeClasses[((index + 1) % keyframes) % keyframeClasses.length] as number,
    classes,
  );
  return from.map((value, c) => (1 - t) * value + t * (to[c] as number));
}

/**
 * Parses a component's class attribute: `7`, or `0,1,2`; undefined when absent or empty.
 * Throws, naming the attribute, on anything but integers from 0.
 */
export function parseClasses(text: string | null | undefined, name: string): number[] | undefined {
  if (text === null || text === undefined || text.trim() === '') return undefined;
  const values = text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if (values.some((value) => !Number.isInteger(value) || value < 0)) {
    throw new Error(`${name}="${text}": expected classes from 0 separated by commas`);
  }
  return values;
}
