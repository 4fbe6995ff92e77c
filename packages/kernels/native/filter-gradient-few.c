// The filter gradient of a convolution on few input channels, its sums held in registers.
#include "simd.h"

/*
 * Adds into t `[inC, tStep]` (16 columns of each of inC rows) the sums over n output pixels of the
 * pixel's inC input values (xp, then every xStep floats) times its 16 dy values (dp, then every
 * dStep floats). inC is 1, 2 or 3 and known where this is inlined, so the 4 inC sums stay in
 * registers.
 */
static inline void accumulate16(const int inC, const float *xp, int xStep, const float *dp,
                                int dStep, int n, float *t, int tStep) {
  f32x4 a0 = (f32x4)wasm_v128_load(t), a1 = (f32x4)wasm_v128_load(t + 4);
  f32x4 a2 = (f32x4)wasm_v128_load(t + 8), a3 = (f32x4)wasm_v128_load(t + 12);
  f32x4 b0 = a0, b1 = a0, b2 = a0, b3 = a0, c0 = a0, c1 = a0, c2 = a0, c3 = a0;
  if (inC > 1) {
    b0 = (f32x4)wasm_v128_load(t + tStep), b1 = (f32x4)wasm_v128_load(t + tStep + 4);
    b2 = (f32x4)wasm_v128_load(t + tStep + 8), b3 = (f32x4)wasm_v128_load(t + tStep + 12);
  }
  if (inC > 2) {
    c0 = (f32x4)wasm_v128_load(t + 2 * tStep), c1 = (f32x4)wasm_v128_load(t + 2 * tStep + 4);
    c2 = (f32x4)wasm_v128_load(t + 2 * tStep + 8), c3 = (f32x4)wasm_v128_load(t + 2 * tStep + 12);
  }
  for (int i = 0; i < n; i++, xp += xStep, dp += dStep) {
    const f32x4 d0 = (f32x4)wasm_v128_load(dp), d1 = (f32x4)wasm_v128_load(dp + 4);
    const f32x4 d2 = (f32x4)wasm_v128_load(dp + 8), d3 = (f32x4)wasm_v128_load(dp + 12);
    const f32x4 u = (f32x4)wasm_v128_load32_splat(xp);
    a0 += u * d0, a1 += u * d1, a2 += u * d2, a3 += u * d3;
    if (inC > 1) {
      const f32x4 v = (f32x4)wasm_v128_load32_splat(xp + 1);
      b0 += v * d0, b1 += v * d1, b2 += v * d2, b3 += v * d3;
    }
    if (inC > 2) {
      const f32x4 w = (f32x4)wasm_v128_load32_splat(xp + 2);
      c0 += w * d0, c1 += w * d1, c2 += w * d2, c3 += w * d3;
    }
  }
  wasm_v128_store(t, (v128_t)a0), wasm_v128_store(t + 4, (v128_t)a1);
  wasm_v128_store(t + 8, (v128_t)a2), wasm_v128_store(t + 12, (v128_t)a3);
  if (inC > 1) {
    wasm_v128_store(t + tStep, (v128_t)b0), wasm_v128_store(t + tStep + 4, (v128_t)b1);
    wasm_v128_store(t + tStep + 8, (v128_t)b2), wasm_v128_store(t + tStep + 12, (v128_t)b3);
  }
  if (inC > 2) {
    wasm_v128_store(t + 2 * tStep, (v128_t)c0), wasm_v128_store(t + 2 * tStep + 4, (v128_t)c1);
    wasm_v128_store(t + 2 * tStep + 8, (v128_t)c2);
    wasm_v128_store(t + 2 * tStep + 12, (v128_t)c3);
  }
}

/* accumulate16 for 4 columns. */
static inline void accumulate4(const int inC, const float *xp, int xStep, const float *dp,
                               int dStep, int n, float *t, int tStep) {
  f32x4 a = (f32x4)wasm_v128_load(t), b = a, c = a;
  if (inC > 1) b = (f32x4)wasm_v128_load(t + tStep);
  if (inC > 2) c = (f32x4)wasm_v128_load(t + 2 * tStep);
  for (int i = 0; i < n; i++, xp += xStep, dp += dStep) {
    const f32x4 d = (f32x4)wasm_v128_load(dp);
    a += (f32x4)wasm_v128_load32_splat(xp) * d;
    if (inC > 1) b += (f32x4)wasm_v128_load32_splat(xp + 1) * d;
    if (inC > 2) c += (f32x4)wasm_v128_load32_splat(xp + 2) * d;
  }
  wasm_v128_store(t, (v128_t)a);
  if (inC > 1) wasm_v128_store(t + tStep, (v128_t)b);
  if (inC > 2) wasm_v128_store(t + 2 * tStep, (v128_t)c);
}

/* One tap's sums over a row of output pixels, all columns (outC a multiple of 4). */
static inline void accumulate_row(const int inC, const float *xp, int xStep, const float *dp,
                                  int n, float *t, int outC) {
  int o = 0;
  for (; o + 16 <= outC; o += 16) accumulate16(inC, xp, xStep, dp + o, outC, n, t + o, outC);
  for (; o < outC; o += 4) accumulate4(inC, xp, xStep, dp + o, outC, n, t + o, outC);
}

/*
 * The filter gradient dW `[kh, kw, inC, outC]` (zeroed here) of x `[batch, inH, inW, inC]` and dy
 * `[batch, outH, outW, outC]`, for 1 to 3 input channels and outC a multiple of 4 (a
 * discriminator's first layer on the pixels, a generator's last): for each output row, tap and
 * block of 16 columns, the inC x 16 sums stay in registers over the row's pixels. A matrix
 * product would have kh*kw*inC rows, or 25 such ones by Winograd. Only the filter rows
 * [firstRow, endRow) are made, so that threads can share the rows.
 */
__attribute__((export_name("filter_gradient_few_channels"))) void filter_gradient_few_channels(
    const float *x, const float *dy, float *dw, int outC, int batch, int inH, int inW, int inC,
    int outH, int outW, int kh, int kw, int strideH, int strideW, int padTop, int padLeft,
    int firstRow, int endRow) {
  const int row = kw * inC * outC;
  for (int i = firstRow * row; i < endRow * row; i++) dw[i] = 0;
  for (int b = 0; b < batch; b++) {
    for (int oy = 0; oy < outH; oy++) {
      const float *dyRow = dy + (b * outH + oy) * outW * outC;
      for (int ky = firstRow; ky < endRow; ky++) {
        const int y = oy * strideH + ky - padTop;
        if (y < 0 || y >= inH) continue;
        const float *xRow = x + (b * inH + y) * inW * inC;
        for (int kx = 0; kx < kw; kx++) {
          // The output columns whose input column lies inside x.
          int first = 0, last = outW - 1;
          while (first <= last && first * strideW + kx - padLeft < 0) first++;
          while (last >= first && last * strideW + kx - padLeft >= inW) last--;
          if (first > last) continue;
          const float *xp = xRow + (first * strideW + kx - padLeft) * inC;
          const float *dp = dyRow + first * outC;
          float *t = dw + (ky * kw + kx) * inC * outC;
          const int n = last - first + 1;
          if (inC == 1) accumulate_row(1, xp, strideW, dp, n, t, outC);
          else if (inC == 2) accumulate_row(2, xp, 2 * strideW, dp, n, t, outC);
          else accumulate_row(3, xp, 3 * strideW, dp, n, t, outC);
        }
      }
    }
  }
}
