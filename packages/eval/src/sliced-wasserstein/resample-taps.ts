/**
 * A 1-D linear resampling held as sparse rows: output `i` is the sum over `k` in
 * `starts[i] .. starts[i + 1]` of `weights[k] * input[indices[k]]`.
 */
export interface Taps {
  inputSize: number;
  outputSize: number;
  starts: Int32Array;
  indices: Int32Array;
  weights: Float64Array;
}

// The 5-tap binomial filter [1, 4, 6, 4, 1] / 16: one dimension of Karras et al.'s 5x5 / 256.
const BINOMIAL = [1 / 16, 4 / 16, 6 / 16, 4 / 16, 1 / 16];

/** scipy.ndimage's 'mirror' boundary (d c b | a b c d | c b a): reflects about the edge samples. */
export function mirrorIndex(index: number, size: number): number {
  if (size === 1) return 0;
  const period = 2 * (size - 1);
  const folded = ((index % period) + period) % period;
  return folded < size ? folded : period - folded;
}

/** The binomial filter then every second sample (cv2.pyrDown): `size` to `ceil(size / 2)`. */
export function downTaps(size: number): Taps {
  const outputSize = Math.ceil(size / 2);
  return buildTaps(size, outputSize, (out, add) => {
    for (let k = 0; k < 5; k++) add(mirrorIndex(2 * out + k - 2, size), BINOMIAL[k] as number);
  });
}

/**
 * Zeros between the samples, then the binomial filter times 2 (cv2.pyrUp), both with the mirror
 * boundary of the doubled signal: `coarseSize` to `2 * coarseSize`, cropped to `fineSize`
 * (`2 * coarseSize - 1` when the finer level had an odd size).
 */
export function upTaps(coarseSize: number, fineSize: number): Taps {
  const stuffedSize = 2 * coarseSize;
  if (fineSize > stuffedSize || fineSize < stuffedSize - 1) {
    throw new Error(`cannot upsample ${coarseSize} samples to ${fineSize}`);
  }
  return buildTaps(coarseSize, fineSize, (out, add) => {
    for (let k = 0; k < 5; k++) {
      const stuffed = mirrorIndex(out + k - 2, stuffedSize);
      if (stuffed % 2 === 0) add(stuffed / 2, 2 * (BINOMIAL[k] as number));
    }
  });
}

function buildTaps(
  inputSize: number,
  outputSize: number,
  each: (out: number, add: (index: number, weight: number) => void) => void,
): Taps {
  const starts = new Int32Array(outputSize + 1);
  const indices: number[] = [];
  const weights: number[] = [];
  for (let out = 0; out < outputSize; out++) {
    each(out, (index, weight) => {
      indices.push(index);
      weights.push(weight);
    });
    starts[out + 1] = indices.length;
  }
  return {
    inputSize,
    outputSize,
    starts,
    indices: Int32Array.from(indices),
    weights: Float64Array.from(weights),
  };
}
