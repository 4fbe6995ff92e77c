import { UsageError } from '../usage-error.js';

/** Parses an integer flag value at least `min`, or throws a UsageError naming the flag. */
export const integerOf =
  (flag: string, min = 0) =>
  (text: string): number => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isInteger(value) || value < min)
      throw new UsageError(`${flag}: expected an integer >= ${min}, got "${text}"`);
    return value;
  };

/** Parses a number flag value inside `[min, max]` (`max` excluded with `below`). */
export const numberOf =
  (flag: string, min: number, max = Number.POSITIVE_INFINITY, below = false) =>
  (text: string): number => {
    const value = Number(text);
    const inside = value >= min && (below ? value < max : value <= max);
    if (text.trim() === '' || !Number.isFinite(value) || !inside) {
      const range =
        max === Number.POSITIVE_INFINITY ? `>= ${min}` : `in [${min}, ${max}${below ? ')' : ']'}`;
      throw new UsageError(`${flag}: expected a number ${range}, got "${text}"`);
    }
    return value;
  };

/** Parses a positive number (a learning rate, an epsilon). */
export const positiveOf =
  (flag: string) =>
  (text: string): number => {
    const value = Number(text);
    if (text.trim() === '' || !(value > 0) || !Number.isFinite(value))
      throw new UsageError(`${flag}: expected a number above 0, got "${text}"`);
    return value;
  };

/** Parses `a,b,...`: `count` positive integers separated by commas. */
export const integerListOf =
  (flag: string, count: number) =>
  (text: string): number[] => {
    const values = text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
    if (values.length !== count || values.some((v) => !Number.isInteger(v) || v < 1))
      throw new UsageError(
        `${flag}: expected ${count} positive integers separated by commas, got "${text}"`,
      );
    return values;
  };

/** Parses one of `choices`. */
export const oneOf =
  <T extends string>(flag: string, choices: readonly T[]) =>
  (text: string): T => {
    if (!(choices as readonly string[]).includes(text))
      throw new UsageError(`${flag}: expected one of ${choices.join(', ')}, got "${text}"`);
    return text as T;
  };
