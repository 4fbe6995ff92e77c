// Convolution patches: im2col (transposed), the col2im scatter-add, and the direct filter gradient.
#include "simd.h"

#define BLOCK 16

/*
 * Gathers convolution patches already transposed: out `[kh*kw*inC, rows]` of x
 * `[batch, inH, inW, inC]`, rows = batch*outH*outW, zeros where a patch falls in the padding.
 * `zeros` holds inC zeros; `table` has room for BLOCK pointers. A block of 16 rows is gathered a
 * tap at a time: 4x4 tiles read as 4 rows' 4 channels, transposed in registers, written as 4
 * channels' 4 rows, so each output row gets one whole cache line a block.
 */
__attribute__((export_name("im2col_transposed"))) void im2col_transposed(
    const float *x, float *out, const float *zeros, const float **table, int batch, int inH,
    int inW, int inC, int outH, int outW, int kh, int kw, int strideH, int strideW, int padTop,
    int padLeft) {
  const int rows = batch * outH * outW;
  for (int first = 0; first < rows; first += BLOCK) {
    const int count = rows - first < BLOCK ? rows - first : BLOCK;
    for (int ky = 0; ky < kh; ky++) {
      for (int kx = 0; kx < kw; kx++) {
        for (int i = 0; i < count; i++) {
          const int r = first + i;
          const int ox = r % outW;
          const int oy = (r / outW) % outH;
          const int b = r / (outW * outH);
          const int y = oy * strideH + ky - padTop;
          const int xx = ox * strideW + kx - padLeft;
          const int inside = y >= 0 && y < inH && xx >= 0 && xx < inW;
          table[i] = inside ? x + ((b * inH + y) * inW + xx) * inC : zeros;
        }
        float *target = out + (ky * kw + kx) * inC * rows + first;
        int c = 0;
        if (count == BLOCK) {
          for (; c + 4 <= inC; c += 4) {
            float *row0 = target + c * rows;
            for (int i = 0; i < BLOCK; i += 4) {
              const v128_t a = wasm_v128_load(table[i] + c);
              const v128_t b = wasm_v128_load(table[i + 1] + c);
              const v128_t d = wasm_v128_load(table[i + 2] + c);
              const v128_t e = wasm_v128_load(table[i + 3] + c);
              const v128_t ab01 = wasm_i32x4_shuffle(a, b, 0, 4, 1, 5);
              const v128_t ab23 = wasm_i32x4_shuffle(a, b, 2, 6, 3, 7);
              const v128_t de01 = wasm_i32x4_shuffle(d, e, 0, 4, 1, 5);
              const v128_t de23 = wasm_i32x4_shuffle(d, e, 2, 6, 3, 7);
              wasm_v128_store(row0 + i, wasm_i32x4_shuffle(ab01, de01, 0, 1, 4, 5));
              wasm_v128_store(row0 + rows + i, wasm_i32x4_shuffle(ab01, de01, 2, 3, 6, 7));
              wasm_v128_store(row0 + 2 * rows + i, wasm_i32x4_shuffle(ab23, de23, 0, 1, 4, 5));
              wasm_v128_store(row0 + 3 * rows + i, wasm_i32x4_shuffle(ab23, de23, 2, 3, 6, 7));
            }
          }
        }
        for (; c < inC; c++) {
          float *row = target + c * rows;
          for (int i = 0; i < count; i++) row[i] = table[i][c];
        }
      }
    }
  }
}

/*
 * The transposed convolution's scatter: dx `[batch, inH, inW, inC]` (zeroed here) receives, for
 * each dy position (b, oy, ox) and filter tap (ky, kx), the inC values of cols
 * `[batch*outH*outW, kh*kw*inC]` at input position (oy*strideH + ky - padTop,
 * ox*strideW + kx - padLeft) when it lies inside. Taps are added in a fixed order. Only images
 * [first, end) are made, so that threads can share the batch.
 */
__attribute__((export_name("col2im_add"))) void col2im_add(
    const float *cols, float *dx, int batch, int inH, int inW, int inC, int outH, int outW,
    int kh, int kw, int strideH, int strideW, int padTop, int padLeft, int first, int end) {
  (void)batch;
  const int image = inH * inW * inC;
  for (int i = first * image; i < end * image; i++) dx[i] = 0;
  const float *source = cols + first * outH * outW * kh * kw * inC;
  for (int b = first; b < end; b++) {
    for (int oy = 0; oy < outH; oy++) {
      for (int ox = 0; ox < outW; ox++) {
        for (int ky = 0; ky < kh; ky++) {
          const int y = oy * strideH + ky - padTop;
          for (int kx = 0; kx < kw; kx++, source += inC) {
            const int x = ox * strideW + kx - padLeft;
            if (y < 0 || y >= inH || x < 0 || x >= inW) continue;
            float *target = dx + ((b * inH + y) * inW + x) * inC;
            int c = 0;
            for (; c + 4 <= inC; c += 4)
              wasm_v128_store(target + c, wasm_f32x4_add(wasm_v128_load(target + c),
                                                         wasm_v128_load(source + c)));
            for (; c < inC; c++) target[c] += source[c];
          }
        }
      }
    }
  }
}

/*
 * The filter gradient of a convolution with few input taps (kh*kw*inC small: a first layer on one
 * channel, or the generator's last, whose input gradient has one), straight from x
 * `[batch, inH, inW, inC]` and dy `[batch, outH, outW, outC]`: dW `[kh, kw, inC, outC]` (zeroed
 * here, small enough to stay in the first-level cache) gains x's value times dy's row for each
 * output position and tap inside x. A matrix product would pack all of dy for a few rows.
 */
__attribute__((export_name("filter_gradient_direct"))) void filter_gradient_direct(
    const float *x, const float *dy, float *dw, int outC, int batch, int inH, int inW, int inC,
    int outH, int outW, int kh, int kw, int strideH, int strideW, int padTop, int padLeft) {
  const int size = kh * kw * inC * outC;
  for (int i = 0; i < size; i++) dw[i] = 0;
  const float *row = dy;
  for (int b = 0; b < batch; b++) {
    for (int oy = 0; oy < outH; oy++) {
      for (int ox = 0; ox < outW; ox++, row += outC) {
        for (int ky = 0; ky < kh; ky++) {
          const int y = oy * strideH + ky - padTop;
          if (y < 0 || y >= inH) continue;
          for (int kx = 0; kx < kw; kx++) {
            const int xx = ox * strideW + kx - padLeft;
            if (xx < 0 || xx >= inW) continue;
            const float *patch = x + ((b * inH + y) * inW + xx) * inC;
            float *target = dw + (ky * kw + kx) * inC * outC;
            for (int c = 0; c < inC; c++, target += outC) {
              const float value = patch[c];
              const f32x4 v = {value, value, value, value};
              int o = 0;
              for (; o + 4 <= outC; o += 4)
                wasm_v128_store(target + o, (v128_t)((f32x4)wasm_v128_load(target + o) +
                                                     v * (f32x4)wasm_v128_load(row + o)));
              for (; o < outC; o++) target[o] += value * row[o];
            }
          }
        }
      }
    }
  }
}
