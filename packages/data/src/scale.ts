/**
 * Scales bytes [0, 255] to floats [-1, 1] as x / 127.5 - 1: exactly -1 at 0 and 1 at 255.
 * @returns a new Float32Array of the same length
 */
export function scaleToUnit(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = BYTE_TO_UNIT[bytes[i] as number] as number;
  return out;
}

/** `BYTE_TO_UNIT[v]` is `v / 127.5 - 1` in float32, for v in 0..255. */
export const BYTE_TO_UNIT = Float32Array.from({ length: 256 }, (_, v) => v / 127.5 - 1);

/**
 * Maps floats in [-1, 1] back to bytes for display: round((x + 1) * 127.5), clamped.
 * The exact inverse of `scaleToUnit` on its outputs.
 */
export function unscaleToBytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    out[i] = Math.min(255, Math.max(0, Math.round(((values[i] as number) + 1) * 127.5)));
  }
  return out;
}
