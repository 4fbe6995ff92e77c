// Kernels of @dcgan/train that tfjs-wasm lacks, compiled to WebAssembly SIMD128 by
// ../scripts/build-native.sh (clang and wasm-ld of Debian's clang and lld packages). They run in
// tfjs-wasm's own memory, imported: every pointer is a byte offset of a tensor that tfjs-wasm
// allocated. Nothing here may use memory of its own (no static data, no stack: no arrays, no
// address taken), which the build script checks.
#include <wasm_simd128.h>

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
 * ox*strideW + kx - padLeft) when it lies inside. Taps are added in a fixed order.
 */
__attribute__((export_name("col2im_add"))) void col2im_add(
    const float *cols, float *dx, int batch, int inH, int inW, int inC, int outH, int outW,
    int kh, int kw, int strideH, int strideW, int padTop, int padLeft) {
  const int size = batch * inH * inW * inC;
  for (int i = 0; i < size; i++) dx[i] = 0;
  const float *source = cols;
  for (int b = 0; b < batch; b++) {
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
 * One Adam update of n weights, in float32 operations in tfjs's AdamOptimizer's order:
 *   m' = m·β1 + g·(1−β1);  v' = v·β2 + g²·(1−β2);
 *   value' = (m'/(1−β1ᵗ)) / (sqrt(v'/(1−β2ᵗ)) + ε) · (−rate) + value.
 * The constants come rounded to float32 as tfjs's scalars are, so the results are tfjs's, bit for
 * bit.
 */
__attribute__((export_name("adam_update"))) void adam_update(
    const float *value, const float *m, const float *v, const float *g, float *newValue,
    float *newM, float *newV, int n, float beta1, float oneMinusBeta1, float beta2,
    float oneMinusBeta2, float oneMinusAccBeta1, float oneMinusAccBeta2, float negativeRate,
    float epsilon) {
  int i = 0;
  const v128_t b1 = wasm_f32x4_splat(beta1), c1 = wasm_f32x4_splat(oneMinusBeta1);
  const v128_t b2 = wasm_f32x4_splat(beta2), c2 = wasm_f32x4_splat(oneMinusBeta2);
  const v128_t a1 = wasm_f32x4_splat(oneMinusAccBeta1), a2 = wasm_f32x4_splat(oneMinusAccBeta2);
  const v128_t rate = wasm_f32x4_splat(negativeRate), eps = wasm_f32x4_splat(epsilon);
  for (; i + 4 <= n; i += 4) {
    const v128_t gi = wasm_v128_load(g + i);
    const v128_t mi = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(m + i), b1), wasm_f32x4_mul(gi, c1));
    const v128_t vi = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(v + i), b2),
                                     wasm_f32x4_mul(wasm_f32x4_mul(gi, gi), c2));
    const v128_t step = wasm_f32x4_div(wasm_f32x4_div(mi, a1),
                                       wasm_f32x4_add(wasm_f32x4_sqrt(wasm_f32x4_div(vi, a2)), eps));
    wasm_v128_store(newM + i, mi);
    wasm_v128_store(newV + i, vi);
    wasm_v128_store(newValue + i, wasm_f32x4_add(wasm_f32x4_mul(step, rate), wasm_v128_load(value + i)));
  }
  for (; i < n; i++) {
    const float mi = m[i] * beta1 + g[i] * oneMinusBeta1;
    const float vi = v[i] * beta2 + (g[i] * g[i]) * oneMinusBeta2;
    const float step = (mi / oneMinusAccBeta1) / (__builtin_sqrtf(vi / oneMinusAccBeta2) + epsilon);
    newM[i] = mi;
    newV[i] = vi;
    newValue[i] = step * negativeRate + value[i];
  }
}
