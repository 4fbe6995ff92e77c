// Winograd F(4x4, 2x2): the output's transform, and the filter gradient's (see winograd42.h).
#include "winograd42.h"

/*
 * y `[batch, outH, outW, outC]` from the 25 planes `[tiles, outC]` of the products (`[outC,
 * tiles]` when `transposed`): A^T m A of tile (b, ty, tx) gives its 4x4 block, whose (i, j) goes
 * to y[b, step * (4ty + i) + rowOffset, step * (4tx + j) + columnOffset] where that lies inside y
 * (step 2 for a transposed convolution's phase).
 */
__attribute__((export_name("winograd42_output"))) void winograd42_output(
    float *const *planes, float *y, int batch, int outH, int outW, int outC, int tilesH,
    int tilesW, int step, int rowOffset, int columnOffset, int transposed, int first, int end) {
  CONSTANTS;
  const int tiles = batch * tilesH * tilesW;
  int tile = first * tilesH * tilesW;
  for (int b = first; b < end; b++) {
    for (int ty = 0; ty < tilesH; ty++) {
      const int top = step * 4 * ty + rowOffset;
      int rows = 0;
      while (rows < 4 && top + step * rows < outH) rows++;
      for (int tx = 0; tx < tilesW; tx++, tile++) {
        const int left = step * 4 * tx + columnOffset;
        int columns = 0;
        while (columns < 4 && left + step * columns < outW) columns++;
        float *corner = y + ((b * outH + top) * outW + left) * outC;
        const int rowStride = step * outW * outC, columnStride = step * outC;
        for (int c = 0; c < outC; c += 4) {
          const int n = outC - c < 4 ? outC - c : 4;
#define M(k)                                                                                    \
  (transposed ? load_spread(planes[k] + c * tiles + tile, n, tiles)                             \
              : load_lanes(planes[k] + tile * outC + c, n))
#define COLUMN(s)                                                                               \
  f32x4 z0##s, z1##s, z2##s, z3##s;                                                             \
  OUTPUT_AXIS(M(s), M(5 + s), M(10 + s), M(15 + s), M(20 + s), z0##s, z1##s, z2##s, z3##s)
          COLUMN(0);
          COLUMN(1);
          COLUMN(2);
          COLUMN(3);
          COLUMN(4);
#undef COLUMN
#undef M
          f32x4 o0, o1, o2, o3;
#define ROW(r)                                                                                  \
  if (r < rows) {                                                                               \
    OUTPUT_AXIS(z##r##0, z##r##1, z##r##2, z##r##3, z##r##4, o0, o1, o2, o3);                   \
    float *at = corner + r * rowStride + c;                                                     \
    store_lanes(at, o0, n);                                                                     \
    if (columns > 1) store_lanes(at + columnStride, o1, n);                                     \
    if (columns > 2) store_lanes(at + 2 * columnStride, o2, n);                                 \
    if (columns > 3) store_lanes(at + 3 * columnStride, o3, n);                                 \
  }
          ROW(0)
          ROW(1)
          ROW(2)
          ROW(3)
#undef ROW
        }
      }
    }
  }
}

/*
 * The filter gradient by the same transform, transposed: for the 2x2 convolution's output
 * gradient dy `[batch, outH, outW, outC]`, the 25 planes `[tiles, outC]` of A e A^T of each
 * tile's 4x4 block e of dy (zeros beyond dy's edges, from `zeros`). With the input's planes V
 * (transposed), the 25 products V^T (A e A^T) are G^T-transformed by winograd42_filter_gradient.
 */
__attribute__((export_name("winograd42_output_gradient"))) void winograd42_output_gradient(
    const float *dy, float *const *planes, const float *zeros, int batch, int outH, int outW,
    int outC, int tilesH, int tilesW, int first, int end) {
  CONSTANTS;
  int tile = first * tilesH * tilesW;
  for (int b = first; b < end; b++) {
    for (int ty = 0; ty < tilesH; ty++) {
      for (int tx = 0; tx < tilesW; tx++, tile++) {
        const int oy = 4 * ty, ox = 4 * tx;
        const int out = tile * outC;
#define E_AT(i, j)                                                                              \
  (oy + (i) < outH && ox + (j) < outW ? dy + ((b * outH + oy + (i)) * outW + ox + (j)) * outC   \
                                      : zeros)
        for (int c = 0; c < outC; c += 4) {
          const int n = outC - c < 4 ? outC - c : 4;
#define E(i, j) load_lanes(E_AT(i, j) + c, n)
#define COLUMN(s)                                                                               \
  f32x4 w0##s, w1##s, w2##s, w3##s, w4##s;                                                      \
  GRADIENT_AXIS(E(0, s), E(1, s), E(2, s), E(3, s), w0##s, w1##s, w2##s, w3##s, w4##s)
          COLUMN(0);
          COLUMN(1);
          COLUMN(2);
          COLUMN(3);
#undef COLUMN
#undef E
          f32x4 v0, v1, v2, v3, v4;
#define ROW(r)                                                                                  \
  GRADIENT_AXIS(w##r##0, w##r##1, w##r##2, w##r##3, v0, v1, v2, v3, v4);                        \
  store_lanes(planes[5 * r] + out + c, v0, n);                                                  \
  store_lanes(planes[5 * r + 1] + out + c, v1, n);                                              \
  store_lanes(planes[5 * r + 2] + out + c, v2, n);                                              \
  store_lanes(planes[5 * r + 3] + out + c, v3, n);                                              \
  store_lanes(planes[5 * r + 4] + out + c, v4, n)
          ROW(0);
          ROW(1);
          ROW(2);
          ROW(3);
          ROW(4);
#undef ROW
        }
#undef E_AT
      }
    }
  }
}

/*
 * dw `[4, 4, inC, outC]` of the stride-2 convolution from the 25 product planes P
 * `[4 inC, outC]`: G^T P G gives the 2x2 taps (a, b) of row (py * 2 + px) * inC + c, which are
 * w[2a + py, 2b + px, c].
 */
__attribute__((export_name("winograd42_filter_gradient"))) void winograd42_filter_gradient(
    float *const *planes, float *dw, int inC, int outC, int first, int end) {
  CONSTANTS;
  const int tap = inC * outC;
  for (int py = 0; py < 2; py++) {
    for (int px = 0; px < 2; px++) {
      for (int c = first; c < end; c++) {
        float *g = dw + (py * 4 + px) * tap + c * outC;
        const int row = ((py * 2 + px) * inC + c) * outC;
        for (int o = 0; o < outC; o += 4) {
          const int n = outC - o < 4 ? outC - o : 4;
#define P(k) load_lanes(planes[k] + row + o, n)
#define COLUMN(s)                                                                               \
  f32x4 q0##s, q1##s;                                                                           \
  TAPS_AXIS(P(s), P(5 + s), P(10 + s), P(15 + s), P(20 + s), q0##s, q1##s)
          COLUMN(0);
          COLUMN(1);
          COLUMN(2);
          COLUMN(3);
          COLUMN(4);
#undef COLUMN
#undef P
          f32x4 g0, g1;
          TAPS_AXIS(q00, q01, q02, q03, q04, g0, g1);
          store_lanes(g + o, g0, n);
          store_lanes(g + 2 * tap + o, g1, n);
          TAPS_AXIS(q10, q11, q12, q13, q14, g0, g1);
          store_lanes(g + 8 * tap + o, g0, n);
          store_lanes(g + 10 * tap + o, g1, n);
        }
      }
    }
  }
}
