// Element-wise passes: LeakyRelu, BatchNorm and its gradient, per-channel Add, Sub, Multiply, Tile.
/*
 * Each is one pass over memory where tfjs-wasm runs three or four (and its broadcasting passes
 * several times slower than its plain ones). Tensors are float32, channels last: `rows` rows of
 * `channels` values.
 */
#include "simd.h"

/* LeakyRelu: x where x > 0, alpha · x elsewhere (tfjs's values exactly). */
__attribute__((export_name("leaky_relu"))) void leaky_relu(const float *x, float *out, int n,
                                                           float alpha) {
  const v128_t a = wasm_f32x4_splat(alpha), zero = wasm_f32x4_splat(0);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t v = wasm_v128_load(x + i);
    wasm_v128_store(out + i,
                    wasm_v128_bitselect(v, wasm_f32x4_mul(v, a), wasm_f32x4_gt(v, zero)));
  }
  for (; i < n; i++) out[i] = x[i] > 0 ? x[i] : x[i] * alpha;
}

/*
 * BatchNorm with per-channel statistics folded into `factor` = scale / sqrt(variance + ε):
 * out = (x − mean) · factor + offset (no offset when `hasOffset` is 0).
 */
__attribute__((export_name("batch_norm"))) void batch_norm(const float *x, const float *mean,
                                                           const float *factor,
                                                           const float *offset, int hasOffset,
                                                           float *out, int rows, int channels) {
  for (int r = 0; r < rows; r++) {
    const float *xr = x + (long)r * channels;
    float *outr = out + (long)r * channels;
    int c = 0;
    for (; c + 4 <= channels; c += 4) {
      v128_t y = wasm_f32x4_mul(wasm_f32x4_sub(wasm_v128_load(xr + c), wasm_v128_load(mean + c)),
                                wasm_v128_load(factor + c));
      if (hasOffset) y = wasm_f32x4_add(y, wasm_v128_load(offset + c));
      wasm_v128_store(outr + c, y);
    }
    for (; c < channels; c++) {
      const float y = (xr[c] - mean[c]) * factor[c];
      outr[c] = hasOffset ? y + offset[c] : y;
    }
  }
}

/*
 * What the gradient of BatchNorm needs from the full-size tensors, in one pass: dx = dy · factor,
 * and per channel the sums over rows of dy and of dy · (x − mean). The rest of the gradient is
 * per-channel arithmetic on these sums.
 */
__attribute__((export_name("batch_norm_gradient"))) void batch_norm_gradient(
    const float *dy, const float *x, const float *mean, const float *factor, float *dx,
    float *sumDy, float *sumDyCentred, int rows, int channels) {
  for (int c = 0; c < channels; c++) sumDy[c] = sumDyCentred[c] = 0;
  for (int r = 0; r < rows; r++) {
    const long at = (long)r * channels;
    int c = 0;
    for (; c + 4 <= channels; c += 4) {
      const v128_t d = wasm_v128_load(dy + at + c);
      const v128_t centred = wasm_f32x4_sub(wasm_v128_load(x + at + c), wasm_v128_load(mean + c));
      wasm_v128_store(sumDy + c, wasm_f32x4_add(wasm_v128_load(sumDy + c), d));
      wasm_v128_store(sumDyCentred + c, wasm_f32x4_add(wasm_v128_load(sumDyCentred + c),
                                                       wasm_f32x4_mul(d, centred)));
      wasm_v128_store(dx + at + c, wasm_f32x4_mul(d, wasm_v128_load(factor + c)));
    }
    for (; c < channels; c++) {
      const float d = dy[at + c];
      sumDy[c] += d;
      sumDyCentred[c] += d * (x[at + c] - mean[c]);
      dx[at + c] = d * factor[c];
    }
  }
}

/*
 * A binary operation between a full tensor `[rows, channels]` and a per-channel one `[channels]`,
 * broadcast along the rows: `op` 0 adds, 1 multiplies, 2 subtracts the channel's value, 3 subtracts
 * from it, 4 copies it (a broadcast alone; `full` is not read). tfjs-wasm's own broadcasting loop
 * is several times slower than a plain pass.
 */
__attribute__((export_name("channel_binary"))) void channel_binary(const float *full,
                                                                   const float *channel,
                                                                   float *out, int rows,
                                                                   int channels, int op) {
  for (int r = 0; r < rows; r++) {
    const float *a = full + (long)r * channels;
    float *o = out + (long)r * channels;
    int c = 0;
    for (; c + 4 <= channels; c += 4) {
      if (op == 4) {
        wasm_v128_store(o + c, wasm_v128_load(channel + c));
        continue;
      }
      const v128_t x = wasm_v128_load(a + c), y = wasm_v128_load(channel + c);
      wasm_v128_store(o + c, op == 0   ? wasm_f32x4_add(x, y)
                             : op == 1 ? wasm_f32x4_mul(x, y)
                             : op == 2 ? wasm_f32x4_sub(x, y)
                                       : wasm_f32x4_sub(y, x));
    }
    for (; c < channels; c++)
      o[c] = op == 4   ? channel[c]
             : op == 0 ? a[c] + channel[c]
             : op == 1 ? a[c] * channel[c]
             : op == 2 ? a[c] - channel[c]
                       : channel[c] - a[c];
  }
}
