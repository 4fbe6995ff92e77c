/** One output phase of a strided transposed convolution: which filter taps, which input offsets. */
export interface Phase {
  /** First filter tap (in the filter reversed along that axis) and how many taps. */
  firstTap: number;
  taps: number;
  /** Offset of the first input row read for output row 0 of the phase: `Y + firstOffset + t`. */
  firstOffset: number;
}

/**
 * For output positions `y = stride * Y + phase`, the taps `k ≡ phase + pad (mod stride)` of a filter
 * of size `size` read input `Y + (phase + pad - k) / stride`: as `k` falls by `stride`, the offset
 * rises by 1, so each phase is a stride-1 correlation with the reversed filter's every stride-th tap.
 */
export function phaseOf(phase: number, pad: number, stride: number, size: number): Phase {
  const lowTap = (((phase + pad) % stride) + stride) % stride;
  if (lowTap >= size) return { firstTap: 0, taps: 0, firstOffset: 0 };
  const highTap = lowTap + Math.floor((size - 1 - lowTap) / stride) * stride;
  return {
    firstTap: size - 1 - highTap,
    taps: (highTap - lowTap) / stride + 1,
    firstOffset: (phase + pad - highTap) / stride,
  };
}
