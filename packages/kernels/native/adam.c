// Adam: one update of a variable in a single pass, in the float32 order of tfjs's AdamOptimizer.
#include "simd.h"

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
