// tanh in one SIMD pass (tfjs-wasm's calls the C library's, one value at a time).
#include "simd.h"

/* Cephes' tanhf for |x| < 0.625: x + x³ P(x²). */
static inline v128_t tanh_small(v128_t x) {
  const v128_t x2 = wasm_f32x4_mul(x, x);
  v128_t p = wasm_f32x4_splat(-5.70498872745e-3f);
  p = wasm_f32x4_add(wasm_f32x4_mul(p, x2), wasm_f32x4_splat(2.06390887954e-2f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, x2), wasm_f32x4_splat(-5.37397155531e-2f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, x2), wasm_f32x4_splat(1.33314422036e-1f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, x2), wasm_f32x4_splat(-3.33332819422e-1f));
  return wasm_f32x4_add(x, wasm_f32x4_mul(wasm_f32x4_mul(x, x2), p));
}

/* exp(y) for y in [0, 20] (Cephes' expf): 2^n e^r with r in [-ln 2 / 2, ln 2 / 2]. */
static inline v128_t exp_positive(v128_t y) {
  const v128_t n = wasm_f32x4_floor(
      wasm_f32x4_add(wasm_f32x4_mul(y, wasm_f32x4_splat(1.44269504088896341f)),
                     wasm_f32x4_splat(0.5f)));
  v128_t r = wasm_f32x4_sub(y, wasm_f32x4_mul(n, wasm_f32x4_splat(0.693359375f)));
  r = wasm_f32x4_sub(r, wasm_f32x4_mul(n, wasm_f32x4_splat(-2.12194440e-4f)));
  v128_t p = wasm_f32x4_splat(1.9875691500e-4f);
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.3981999507e-3f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(8.3334519073e-3f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(4.1665795894e-2f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.6666665459e-1f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(5.0000001201e-1f));
  p = wasm_f32x4_add(wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_mul(p, r), r), r),
                     wasm_f32x4_splat(1.0f));
  const v128_t scale =
      wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(n), wasm_i32x4_splat(127)), 23);
  return wasm_f32x4_mul(p, scale);
}

/* tanh of 4 values: of |x|, tanh_small near 0, else 1 - 2 / (exp(2|x|) + 1); then x's sign. */
static inline v128_t tanh4(v128_t x) {
  const v128_t sign = wasm_i32x4_splat((int)0x80000000);
  const v128_t magnitude = wasm_f32x4_abs(x);
  const v128_t a = wasm_f32x4_min(magnitude, wasm_f32x4_splat(10.0f));
  const v128_t e = exp_positive(wasm_f32x4_add(a, a));
  const v128_t one = wasm_f32x4_splat(1.0f);
  const v128_t big = wasm_f32x4_sub(
      one, wasm_f32x4_div(wasm_f32x4_splat(2.0f), wasm_f32x4_add(e, one)));
  const v128_t t = wasm_v128_bitselect(tanh_small(magnitude), big,
                                       wasm_f32x4_lt(magnitude, wasm_f32x4_splat(0.625f)));
  return wasm_v128_or(t, wasm_v128_and(x, sign));
}

/*
 * out = tanh(x) for elements [first, end) of n, to about 2 float32 ulps (NaN stays NaN), so that
 * threads can share a pass.
 */
__attribute__((export_name("tanh_values"))) void tanh_values(const float *x, float *out, int n,
                                                             int first, int end) {
  (void)n;
  int i = first;
  for (; i + 4 <= end; i += 4) wasm_v128_store(out + i, tanh4(wasm_v128_load(x + i)));
  if (i < end) {
    const int rest = end - i;
    store_lanes(out + i, (f32x4)tanh4((v128_t)load_lanes(x + i, rest)), rest);
  }
}
