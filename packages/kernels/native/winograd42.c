// Winograd F(4x4, 2x2): the filter's and the input's transforms (see winograd42.h).
#include "winograd42.h"

/*
 * G g G^T of the 2x2 taps g(a, b) = w[top + step a, left + step b] of the stride-2 filter w
 * `[4, 4, inC, outC]` into the 25 planes: with `transposed` 0, `[rows, outC]` planes whose row
 * `column + c` holds input channel c; with 1, `[outC, rowLength]` planes whose row o holds output
 * channel o from `column` on. A convolution on input rearranged space to depth takes the taps
 * (py, px) in steps of 2 into columns (py * 2 + px) * inC; a transposed convolution's output
 * phase takes them from its last tap backwards, in steps of -2. Lanes run along the planes' rows,
 * so that every plane is written in order.
 */
__attribute__((export_name("winograd42_taps"))) void winograd42_taps(
    const float *w, float *const *planes, int inC, int outC, int top, int left, int step,
    int rowLength, int column, int transposed, int first, int end) {
  CONSTANTS;
  const int tap = inC * outC;
  const float *g00 = w + (top * 4 + left) * tap;
  const float *g01 = g00 + step * tap, *g10 = g00 + 4 * step * tap;
  const float *g11 = g10 + step * tap;
  if (!transposed) {
    for (int c = first; c < end; c++) {
      const int row = (column + c) * outC;
      for (int o = 0; o < outC; o += 4) {
        const int n = outC - o < 4 ? outC - o : 4, at = c * outC + o;
#define STORE_PLANE(k, v) store_lanes(planes[k] + row + o, v, n)
        FILTER_TILE(load_lanes(g00 + at, n), load_lanes(g01 + at, n), load_lanes(g10 + at, n),
                    load_lanes(g11 + at, n));
#undef STORE_PLANE
      }
    }
    return;
  }
  for (int o = first; o < end; o++) {
    for (int c = 0; c < inC; c += 4) {
      const int n = inC - c < 4 ? inC - c : 4;
      const int at = c * outC + o, row = o * rowLength + column + c;
#define STORE_PLANE(k, v) store_lanes(planes[k] + row, v, n)
      FILTER_TILE(load_spread(g00 + at, n, outC), load_spread(g01 + at, n, outC),
                  load_spread(g10 + at, n, outC), load_spread(g11 + at, n, outC));
#undef STORE_PLANE
    }
  }
}

/* Where input (y, x) of the image starts, or the zeros when it lies outside x. */
#define INPUT_AT(y, x)                                                                          \
  ((y) >= 0 && (y) < inH && (x) >= 0 && (x) < inW ? image + ((y) * inW + (x)) * inC : zeros)

/*
 * The 25 planes `[tiles, depth]` of B^T d B of the 2x2 convolution's input, x
 * `[batch, inH, inW, inC]` rearranged space to depth by `phases` (1: as it is; 2: depth
 * (py * 2 + px) * inC + c holds x[phases * Y + py, phases * X + px, c]) and padded by padTop and
 * padLeft (in x's pixels). Tile (b, ty, tx), in that order, is the 5x5 input
 * under outputs (4ty..4ty+3, 4tx..4tx+3), read as zeros (from `zeros`, inC of them) outside x.
 */
__attribute__((export_name("winograd42_input"))) void winograd42_input(
    const float *x, float *const *planes, const float *zeros, int batch, int inH, int inW,
    int inC, int phases, int tilesH, int tilesW, int padTop, int padLeft, int first, int end) {
  CONSTANTS;
  const int depth = phases * phases * inC;
  int tile = first * tilesH * tilesW;
  for (int b = first; b < end; b++) {
    const float *image = x + b * inH * inW * inC;
    for (int ty = 0; ty < tilesH; ty++) {
      for (int tx = 0; tx < tilesW; tx++, tile++) {
        for (int py = 0; py < phases; py++) {
          for (int px = 0; px < phases; px++) {
            const int y = phases * 4 * ty + py - padTop, xx = phases * 4 * tx + px - padLeft;
            for (int c = 0; c < inC; c += 4) {
              const int n = inC - c < 4 ? inC - c : 4;
              const int row = (py * phases + px) * inC + c;
              const int out = tile * depth + row;
#define D(u, v) load_lanes(INPUT_AT(y + phases * (u), xx + phases * (v)) + c, n)
#define COLUMN(v)                                                                               \
  f32x4 t0##v, t1##v, t2##v, t3##v, t4##v;                                                      \
  INPUT_AXIS(D(0, v), D(1, v), D(2, v), D(3, v), D(4, v), t0##v, t1##v, t2##v, t3##v, t4##v)
              COLUMN(0);
              COLUMN(1);
              COLUMN(2);
              COLUMN(3);
              COLUMN(4);
#undef COLUMN
#undef D
              f32x4 v0, v1, v2, v3, v4;
#define STORE(k, v) store_lanes(planes[k] + out, v, n)
#define ROW(r)                                                                                  \
  INPUT_AXIS(t##r##0, t##r##1, t##r##2, t##r##3, t##r##4, v0, v1, v2, v3, v4);                  \
  STORE(5 * r, v0);                                                                             \
  STORE(5 * r + 1, v1);                                                                         \
  STORE(5 * r + 2, v2);                                                                         \
  STORE(5 * r + 3, v3);                                                                         \
  STORE(5 * r + 4, v4)
              ROW(0);
              ROW(1);
              ROW(2);
              ROW(3);
              ROW(4);
#undef ROW
#undef STORE
            }
          }
        }
      }
    }
  }
}


typedef int i32x4 __attribute__((vector_size(16)));

/* x[base + (y * inW + xx) * inC] of each lane, or 0 where (y, xx) lies outside the image. */
static inline f32x4 load_tiles(const float *x, i32x4 base, i32x4 y, i32x4 xx, int inH, int inW,
                               int inC) {
  f32x4 v = {0, 0, 0, 0};
#define LANE(j)                                                                                 \
  if (y[j] >= 0 && y[j] < inH && xx[j] >= 0 && xx[j] < inW)                                     \
    v[j] = x[base[j] + (y[j] * inW + xx[j]) * inC];
  LANE(0) LANE(1) LANE(2) LANE(3)
#undef LANE
  return v;
}

/*
 * winograd42_input's planes transposed, `[depth, tiles]` (the filter gradient's left operand),
 * written in order: lanes run along 4 tiles, one channel at a time.
 */
__attribute__((export_name("winograd42_input_transposed"))) void winograd42_input_transposed(
    const float *x, float *const *planes, int batch, int inH, int inW, int inC, int phases,
    int tilesH, int tilesW, int padTop, int padLeft, int first, int end) {
  CONSTANTS;
  const int perImage = tilesH * tilesW, tiles = batch * perImage, span = phases * 4;
  for (int tile = first; tile < end; tile += 4) {
    const int n = tiles - tile < 4 ? tiles - tile : 4;
    i32x4 base, top, left;
#define LANE(j)                                                                                 \
  do {                                                                                          \
    const int t = tile + ((j) < n ? (j) : n - 1), r = t % perImage;                             \
    base[j] = t / perImage * inH * inW * inC;                                                   \
    top[j] = span * (r / tilesW) - padTop;                                                      \
    left[j] = span * (r % tilesW) - padLeft;                                                    \
  } while (0)
    LANE(0);
    LANE(1);
    LANE(2);
    LANE(3);
#undef LANE
    for (int py = 0; py < phases; py++) {
      for (int px = 0; px < phases; px++) {
        for (int c = 0; c < inC; c++) {
          const int out = ((py * phases + px) * inC + c) * tiles + tile;
#define D(u, v)                                                                                 \
  load_tiles(x + c, base, top + (py + phases * (u)), left + (px + phases * (v)), inH, inW, inC)
#define COLUMN(v)                                                                               \
  f32x4 t0##v, t1##v, t2##v, t3##v, t4##v;                                                      \
  INPUT_AXIS(D(0, v), D(1, v), D(2, v), D(3, v), D(4, v), t0##v, t1##v, t2##v, t3##v, t4##v)
          COLUMN(0);
          COLUMN(1);
          COLUMN(2);
          COLUMN(3);
          COLUMN(4);
#undef COLUMN
#undef D
          f32x4 v0, v1, v2, v3, v4;
#define ROW(r)                                                                                  \
  INPUT_AXIS(t##r##0, t##r##1, t##r##2, t##r##3, t##r##4, v0, v1, v2, v3, v4);                  \
  store_lanes(planes[5 * r] + out, v0, n);                                                      \
  store_lanes(planes[5 * r + 1] + out, v1, n);                                                  \
  store_lanes(planes[5 * r + 2] + out, v2, n);                                                  \
  store_lanes(planes[5 * r + 3] + out, v3, n);                                                  \
  store_lanes(planes[5 * r + 4] + out, v4, n)
          ROW(0);
          ROW(1);
          ROW(2);
          ROW(3);
          ROW(4);
#undef ROW
        }
      }
    }
  }
}
