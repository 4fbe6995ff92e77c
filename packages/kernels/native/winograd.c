// Winograd F(2x2, 3x3): the transforms of the stride-1 3x3 convolution and of its gradients.
#include "simd.h"

/*
 * Winograd F(2x2, 3x3) for the stride-1 3x3 convolution (Lavin and Gray 2016): each 2x2 block of
 * the output is A^T [(G g G^T) ⊙ (B^T d B)] A of the 4x4 input tile d under it, so the products
 * become 16 matrix products `[tiles, inC] x [inC, outC]`, 2.25 times fewer multiplies than direct,
 * which plane-products.c (or tfjs-wasm's matrix product) runs. The three transforms are below.
 * Their 16 planes are separate tensors, found through a table of 16 offsets, in (row, column) order
 * of the 4x4 tile. Channels go 4 at a time; the last 1 to 3 are read and written lane by lane.
 */

/* Taps a, b, c along one axis to G's 4 rows: a, (a+b+c)/2, (a-b+c)/2, c. */
#define FILTER_AXIS(a, b, c, u0, u1, u2, u3)                                                    \
  do {                                                                                          \
    const f32x4 ac_ = ((a) + (c)) * half, b_ = (b) * half;                                      \
    u0 = (a);                                                                                   \
    u1 = ac_ + b_;                                                                              \
    u2 = ac_ - b_;                                                                              \
    u3 = (c);                                                                                   \
  } while (0)

/* Four values d0..d3 along one axis to B^T's 4 rows: d0-d2, d1+d2, d2-d1, d1-d3. */
#define INPUT_AXIS(d0, d1, d2, d3, v0, v1, v2, v3)                                              \
  do {                                                                                          \
    const f32x4 e0_ = (d0), e1_ = (d1), e2_ = (d2), e3_ = (d3);                                 \
    v0 = e0_ - e2_;                                                                             \
    v1 = e1_ + e2_;                                                                             \
    v2 = e2_ - e1_;                                                                             \
    v3 = e1_ - e3_;                                                                             \
  } while (0)

/* Four values m0..m3 along one axis to A^T's 2 rows: m0+m1+m2, m1-m2-m3. */
#define OUTPUT_AXIS(m0, m1, m2, m3, y0, y1)                                                     \
  do {                                                                                          \
    const f32x4 n1_ = (m1), n2_ = (m2);                                                         \
    y0 = (m0) + n1_ + n2_;                                                                      \
    y1 = n1_ - n2_ - (m3);                                                                      \
  } while (0)

/*
 * The 16 planes `[inC, outC]` of G g G^T of the filter g `[3, 3, inC, outC]` (a correlation's
 * filter, as Conv2D takes it).
 */
__attribute__((export_name("winograd_filter"))) void winograd_filter(const float *g,
                                                                      float *const *planes,
                                                                      int inC, int outC) {
  const f32x4 half = {0.5f, 0.5f, 0.5f, 0.5f};
  const int tap = inC * outC;
  for (int at = 0; at < tap; at += 4) {
    const int n = tap - at < 4 ? tap - at : 4;
    /* Along the filter's rows first: column kx of taps (0..2, kx) to t0..t3 of column kx. */
    f32x4 t00, t10, t20, t30, t01, t11, t21, t31, t02, t12, t22, t32;
    FILTER_AXIS(load_lanes(g + at, n), load_lanes(g + 3 * tap + at, n),
                load_lanes(g + 6 * tap + at, n), t00, t10, t20, t30);
    FILTER_AXIS(load_lanes(g + tap + at, n), load_lanes(g + 4 * tap + at, n),
                load_lanes(g + 7 * tap + at, n), t01, t11, t21, t31);
    FILTER_AXIS(load_lanes(g + 2 * tap + at, n), load_lanes(g + 5 * tap + at, n),
                load_lanes(g + 8 * tap + at, n), t02, t12, t22, t32);
    /* Then along the columns of each row r. */
    f32x4 u0, u1, u2, u3;
#define FILTER_ROW(r, t0, t1, t2)                                                               \
  FILTER_AXIS(t0, t1, t2, u0, u1, u2, u3);                                                      \
  store_lanes(planes[4 * (r)] + at, u0, n);                                                     \
  store_lanes(planes[4 * (r) + 1] + at, u1, n);                                                 \
  store_lanes(planes[4 * (r) + 2] + at, u2, n);                                                 \
  store_lanes(planes[4 * (r) + 3] + at, u3, n)
    FILTER_ROW(0, t00, t01, t02);
    FILTER_ROW(1, t10, t11, t12);
    FILTER_ROW(2, t20, t21, t22);
    FILTER_ROW(3, t30, t31, t32);
#undef FILTER_ROW
  }
}

/* Where input (y, x) of image b starts, or the zeros when it lies in the padding. */
#define INPUT_AT(y, x)                                                                          \
  ((y) >= 0 && (y) < inH && (x) >= 0 && (x) < inW ? image + ((y) * inW + (x)) * inC : zeros)

/* Stores v's n lanes at p, p + stride, p + 2 stride, ... */
static inline void store_strided(float *p, f32x4 v, int n, int stride) {
  p[0] = v[0];
  if (n > 1) p[stride] = v[1];
  if (n > 2) p[2 * stride] = v[2];
  if (n > 3) p[3 * stride] = v[3];
}

/*
 * The 16 planes `[tiles, inC]` of B^T d B of x `[batch, inH, inW, inC]` (`[inC, tiles]` when
 * `transposed`): tile (b, ty, tx), in that order, is the 4x4 input under outputs
 * (2ty..2ty+1, 2tx..2tx+1) of a convolution padded by padTop and padLeft, read as zeros (from
 * `zeros`, inC of them) where it falls outside x.
 */
__attribute__((export_name("winograd_input"))) void winograd_input(
    const float *x, float *const *planes, const float *zeros, int batch, int inH, int inW,
    int inC, int tilesH, int tilesW, int padTop, int padLeft, int transposed) {
  const int tiles = batch * tilesH * tilesW;
  int tile = 0;
  for (int b = 0; b < batch; b++) {
    const float *image = x + b * inH * inW * inC;
    for (int ty = 0; ty < tilesH; ty++) {
      const int y = 2 * ty - padTop;
      for (int tx = 0; tx < tilesW; tx++, tile++) {
        const int xx = 2 * tx - padLeft;
        const float *p00 = INPUT_AT(y, xx), *p01 = INPUT_AT(y, xx + 1);
        const float *p02 = INPUT_AT(y, xx + 2), *p03 = INPUT_AT(y, xx + 3);
        const float *p10 = INPUT_AT(y + 1, xx), *p11 = INPUT_AT(y + 1, xx + 1);
        const float *p12 = INPUT_AT(y + 1, xx + 2), *p13 = INPUT_AT(y + 1, xx + 3);
        const float *p20 = INPUT_AT(y + 2, xx), *p21 = INPUT_AT(y + 2, xx + 1);
        const float *p22 = INPUT_AT(y + 2, xx + 2), *p23 = INPUT_AT(y + 2, xx + 3);
        const float *p30 = INPUT_AT(y + 3, xx), *p31 = INPUT_AT(y + 3, xx + 1);
        const float *p32 = INPUT_AT(y + 3, xx + 2), *p33 = INPUT_AT(y + 3, xx + 3);
        for (int c = 0; c < inC; c += 4) {
          const int out = transposed ? c * tiles + tile : tile * inC + c;
          const int n = inC - c < 4 ? inC - c : 4;
          /* Along the tile's columns first: column s of rows 0..3 to w0s..w3s. */
          f32x4 w00, w10, w20, w30, w01, w11, w21, w31, w02, w12, w22, w32, w03, w13, w23, w33;
          INPUT_AXIS(load_lanes(p00 + c, n), load_lanes(p10 + c, n), load_lanes(p20 + c, n),
                     load_lanes(p30 + c, n), w00, w10, w20, w30);
          INPUT_AXIS(load_lanes(p01 + c, n), load_lanes(p11 + c, n), load_lanes(p21 + c, n),
                     load_lanes(p31 + c, n), w01, w11, w21, w31);
          INPUT_AXIS(load_lanes(p02 + c, n), load_lanes(p12 + c, n), load_lanes(p22 + c, n),
                     load_lanes(p32 + c, n), w02, w12, w22, w32);
          INPUT_AXIS(load_lanes(p03 + c, n), load_lanes(p13 + c, n), load_lanes(p23 + c, n),
                     load_lanes(p33 + c, n), w03, w13, w23, w33);
          /* Then along each row r. */
          f32x4 v0, v1, v2, v3;
#define INPUT_STORE(k, v)                                                                       \
  if (transposed)                                                                               \
    store_strided(planes[k] + out, v, n, tiles);                                                \
  else                                                                                          \
    store_lanes(planes[k] + out, v, n)
#define INPUT_ROW(r, w0, w1, w2, w3)                                                            \
  INPUT_AXIS(w0, w1, w2, w3, v0, v1, v2, v3);                                                   \
  INPUT_STORE(4 * (r), v0);                                                                     \
  INPUT_STORE(4 * (r) + 1, v1);                                                                 \
  INPUT_STORE(4 * (r) + 2, v2);                                                                 \
  INPUT_STORE(4 * (r) + 3, v3)
          INPUT_ROW(0, w00, w01, w02, w03);
          INPUT_ROW(1, w10, w11, w12, w13);
          INPUT_ROW(2, w20, w21, w22, w23);
          INPUT_ROW(3, w30, w31, w32, w33);
#undef INPUT_ROW
#undef INPUT_STORE
        }
      }
    }
  }
}

/*
 * y `[batch, outH, outW, outC]` from the 16 planes `[tiles, outC]` of the products: A^T m A of
 * tile (b, ty, tx) gives outputs (2ty..2ty+1, 2tx..2tx+1), those inside y written.
 */
__attribute__((export_name("winograd_output"))) void winograd_output(
    float *const *planes, float *y, int batch, int outH, int outW, int outC, int tilesH,
    int tilesW) {
  int tile = 0;
  for (int b = 0; b < batch; b++) {
    for (int ty = 0; ty < tilesH; ty++) {
      const int oy = 2 * ty;
      const int lastRow = oy + 1 < outH;
      for (int tx = 0; tx < tilesW; tx++, tile++) {
        const int ox = 2 * tx;
        const int lastColumn = ox + 1 < outW;
        float *y00 = y + ((b * outH + oy) * outW + ox) * outC;
        float *y10 = y00 + outW * outC;
        const int in = tile * outC;
        for (int c = 0; c < outC; c += 4) {
          const int n = outC - c < 4 ? outC - c : 4;
#define M(k) load_lanes(planes[k] + in + c, n)
          /* Along the columns: column s of rows 0..3 to z0s, z1s. */
          f32x4 z00, z10, z01, z11, z02, z12, z03, z13;
          OUTPUT_AXIS(M(0), M(4), M(8), M(12), z00, z10);
          OUTPUT_AXIS(M(1), M(5), M(9), M(13), z01, z11);
          OUTPUT_AXIS(M(2), M(6), M(10), M(14), z02, z12);
          OUTPUT_AXIS(M(3), M(7), M(11), M(15), z03, z13);
#undef M
          f32x4 a, d;
          OUTPUT_AXIS(z00, z01, z02, z03, a, d);
          store_lanes(y00 + c, a, n);
          if (lastColumn) store_lanes(y00 + outC + c, d, n);
          if (lastRow) {
            OUTPUT_AXIS(z10, z11, z12, z13, a, d);
            store_lanes(y10 + c, a, n);
            if (lastColumn) store_lanes(y10 + outC + c, d, n);
          }
        }
      }
    }
  }
}

/*
 * The filter gradient by the same transform, transposed: for the output gradient dy
 * `[batch, outH, outW, outC]`, the 16 planes `[tiles, outC]` of A e A^T of each tile's 2x2 block e
 * of dy (zeros beyond dy's edges). With the input's planes V, the 16 products V^T (A e A^T) are
 * G^T-transformed by winograd_filter_gradient into dW.
 */
__attribute__((export_name("winograd_output_gradient"))) void winograd_output_gradient(
    const float *dy, float *const *planes, const float *zeros, int batch, int outH, int outW,
    int outC, int tilesH, int tilesW) {
  int tile = 0;
  for (int b = 0; b < batch; b++) {
    for (int ty = 0; ty < tilesH; ty++) {
      const int oy = 2 * ty;
      for (int tx = 0; tx < tilesW; tx++, tile++) {
        const int ox = 2 * tx;
        const float *e00 = dy + ((b * outH + oy) * outW + ox) * outC;
        const float *e01 = ox + 1 < outW ? e00 + outC : zeros;
        const float *e10 = oy + 1 < outH ? e00 + outW * outC : zeros;
        const float *e11 = ox + 1 < outW && oy + 1 < outH ? e00 + (outW + 1) * outC : zeros;
        const int out = tile * outC;
        for (int c = 0; c < outC; c += 4) {
          const int n = outC - c < 4 ? outC - c : 4;
          const f32x4 a = load_lanes(e00 + c, n), b_ = load_lanes(e01 + c, n);
          const f32x4 d = load_lanes(e10 + c, n), f = load_lanes(e11 + c, n);
          /* A's rows along the columns: (e0, e0+e1, e0-e1, -e1) of each column. */
          const f32x4 r0c0 = a, r1c0 = a + d, r2c0 = a - d, r3c0 = -d;
          const f32x4 r0c1 = b_, r1c1 = b_ + f, r2c1 = b_ - f, r3c1 = -f;
#define GRADIENT_ROW(r, c0, c1)                                                                 \
  store_lanes(planes[4 * (r)] + out + c, c0, n);                                                \
  store_lanes(planes[4 * (r) + 1] + out + c, (c0) + (c1), n);                                   \
  store_lanes(planes[4 * (r) + 2] + out + c, (c0) - (c1), n);                                   \
  store_lanes(planes[4 * (r) + 3] + out + c, -(c1), n)
          GRADIENT_ROW(0, r0c0, r0c1);
          GRADIENT_ROW(1, r1c0, r1c1);
          GRADIENT_ROW(2, r2c0, r2c1);
          GRADIENT_ROW(3, r3c0, r3c1);
#undef GRADIENT_ROW
        }
      }
    }
  }
}

/* Four values p0..p3 along one axis to G^T's 3 rows: p0+(p1+p2)/2, (p1-p2)/2, (p1+p2)/2+p3. */
#define GRADIENT_AXIS(p0, p1, p2, p3, g0, g1, g2)                                               \
  do {                                                                                          \
    const f32x4 s_ = ((p1) + (p2)) * half, d_ = ((p1) - (p2)) * half;                           \
    g0 = (p0) + s_;                                                                             \
    g1 = d_;                                                                                    \
    g2 = s_ + (p3);                                                                             \
  } while (0)

/* dW `[3, 3, inC, outC]` = G^T P G of the 16 product planes P `[inC, outC]`. */
__attribute__((export_name("winograd_filter_gradient"))) void winograd_filter_gradient(
    float *const *planes, float *dw, int inC, int outC) {
  const f32x4 half = {0.5f, 0.5f, 0.5f, 0.5f};
  const int tap = inC * outC;
  for (int at = 0; at < tap; at += 4) {
    const int n = tap - at < 4 ? tap - at : 4;
#define P(k) load_lanes(planes[k] + at, n)
    /* Along the columns: column s of rows 0..3 to q0s..q2s. */
    f32x4 q00, q10, q20, q01, q11, q21, q02, q12, q22, q03, q13, q23;
    GRADIENT_AXIS(P(0), P(4), P(8), P(12), q00, q10, q20);
    GRADIENT_AXIS(P(1), P(5), P(9), P(13), q01, q11, q21);
    GRADIENT_AXIS(P(2), P(6), P(10), P(14), q02, q12, q22);
    GRADIENT_AXIS(P(3), P(7), P(11), P(15), q03, q13, q23);
#undef P
    f32x4 g0, g1, g2;
#define GRADIENT_ROW(ky, q0, q1, q2, q3)                                                        \
  GRADIENT_AXIS(q0, q1, q2, q3, g0, g1, g2);                                                    \
  store_lanes(dw + (3 * (ky)) * tap + at, g0, n);                                               \
  store_lanes(dw + (3 * (ky) + 1) * tap + at, g1, n);                                           \
  store_lanes(dw + (3 * (ky) + 2) * tap + at, g2, n)
    GRADIENT_ROW(0, q00, q01, q02, q03);
    GRADIENT_ROW(1, q10, q11, q12, q13);
    GRADIENT_ROW(2, q20, q21, q22, q23);
#undef GRADIENT_ROW
  }
}
