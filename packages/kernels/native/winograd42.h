// Winograd F(4x4, 2x2): the transforms shared by winograd42.c and winograd42-output.c.
#ifndef DCGAN_WINOGRAD42_H
#define DCGAN_WINOGRAD42_H
#include "simd.h"

/*
 * A stride-2 4x4 convolution is a stride-1 2x2 convolution of its input rearranged space to depth
 * (the 2x2 phases of each input pixel pair side by side in the channels), and a stride-2 4x4
 * transposed convolution is four stride-1 2x2 convolutions, one for each output phase. Each 4x4
 * block of a 2x2 convolution's output is A^T [(G g G^T) ⊙ (B^T d B)] A of the 5x5 tile d under it
 * (Toom-Cook points 0, 1, -1, 2 and infinity), so the products become 25 matrix products
 * `[tiles, depth] x [depth, outC]`, 2.56 times fewer multiplies than direct, which
 * plane-products.c runs (or tfjs-wasm's matrix product, where it has more threads). The 25 planes
 * are separate tensors, found through a table of 25 offsets, in (row, column) order of the 5x5
 * tile. Channels go 4 at a time; the last 1 to 3 lane by lane. On tfjs-wasm's product, with fewer
 * tiles than output channels, the products run transposed, `[outC, depth] x [depth, tiles]`,
 * since it repacks the right-hand operand at every call.
 */

/* Five values d0..d4 along one axis to B^T's 5 rows. */
#define INPUT_AXIS(d0, d1, d2, d3, d4, v0, v1, v2, v3, v4)                                      \
  do {                                                                                          \
    const f32x4 a0_ = (d0), a1_ = (d1), a2_ = (d2), a3_ = (d3), a4_ = (d4);                     \
    const f32x4 b1_ = a1_ + a1_, s3_ = a3_ - a2_;                                               \
    v0 = (a0_ - a2_) * two + a3_ - a1_;                                                         \
    v1 = s3_ - b1_;                                                                             \
    v2 = b1_ - a2_ - a2_ + s3_;                                                                 \
    v3 = a3_ - a1_;                                                                             \
    v4 = b1_ - a2_ - a3_ - a3_ + a4_;                                                           \
  } while (0)

/* Taps g0, g1 along one axis to G's 5 rows: g0/2, -(g0+g1)/2, (g1-g0)/6, (g0+2g1)/6, g1. */
#define FILTER_AXIS(g0, g1, u0, u1, u2, u3, u4)                                                 \
  do {                                                                                          \
    const f32x4 h0_ = (g0), h1_ = (g1);                                                         \
    u0 = h0_ * half;                                                                            \
    u1 = -(h0_ + h1_) * half;                                                                   \
    u2 = (h1_ - h0_) * sixth;                                                                   \
    u3 = (h0_ + h1_ + h1_) * sixth;                                                             \
    u4 = h1_;                                                                                   \
  } while (0)

/* Five values m0..m4 along one axis to A^T's 4 rows. */
#define OUTPUT_AXIS(m0, m1, m2, m3, m4, y0, y1, y2, y3)                                         \
  do {                                                                                          \
    const f32x4 n1_ = (m1), n2_ = (m2), n3_ = (m3);                                             \
    const f32x4 sum_ = n1_ + n2_, difference_ = n1_ - n2_;                                      \
    y0 = (m0) + sum_ + n3_;                                                                     \
    y1 = difference_ + n3_ * two;                                                               \
    y2 = sum_ + n3_ * four;                                                                     \
    y3 = difference_ + n3_ * eight + (m4);                                                      \
  } while (0)

/* Four values e0..e3 along one axis to A's 5 rows (the filter gradient's output side). */
#define GRADIENT_AXIS(e0, e1, e2, e3, w0, w1, w2, w3, w4)                                       \
  do {                                                                                          \
    const f32x4 f0_ = (e0), f1_ = (e1), f2_ = (e2), f3_ = (e3);                                 \
    const f32x4 even_ = f0_ + f2_, odd_ = f1_ + f3_;                                            \
    w0 = f0_;                                                                                   \
    w1 = even_ + odd_;                                                                          \
    w2 = even_ - odd_;                                                                          \
    w3 = f0_ + f1_ * two + f2_ * four + f3_ * eight;                                            \
    w4 = f3_;                                                                                   \
  } while (0)

/* Five values p0..p4 along one axis to G^T's 2 rows. */
#define TAPS_AXIS(p0, p1, p2, p3, p4, g0, g1)                                                   \
  do {                                                                                          \
    const f32x4 q1_ = (p1), q2_ = (p2), q3_ = (p3);                                             \
    g0 = ((p0) - q1_) * half + (q3_ - q2_) * sixth;                                             \
    g1 = (q2_ + q3_ + q3_) * sixth - q1_ * half + (p4);                                         \
  } while (0)

/* The transforms' factors, as vectors; each kernel uses some of them. */
#define CONSTANTS                                                                               \
  __attribute__((unused)) const f32x4 half = {0.5f, 0.5f, 0.5f, 0.5f};                          \
  __attribute__((unused)) const f32x4 sixth = {1.0f / 6, 1.0f / 6, 1.0f / 6, 1.0f / 6};         \
  __attribute__((unused)) const f32x4 two = {2, 2, 2, 2}, four = {4, 4, 4, 4};                  \
  __attribute__((unused)) const f32x4 eight = {8, 8, 8, 8}

/* G g G^T of the 2x2 taps g00..g11 (row, column) stored through STORE_PLANE(k, value). */
#define FILTER_TILE(g00, g01, g10, g11)                                                         \
  do {                                                                                          \
    f32x4 r00, r01, r02, r03, r04, r10, r11, r12, r13, r14, u0, u1, u2, u3, u4;                 \
    FILTER_AXIS(g00, g01, r00, r01, r02, r03, r04);                                             \
    FILTER_AXIS(g10, g11, r10, r11, r12, r13, r14);                                             \
    FILTER_AXIS(r00, r10, u0, u1, u2, u3, u4);                                                  \
    STORE_PLANE(0, u0); STORE_PLANE(5, u1); STORE_PLANE(10, u2); STORE_PLANE(15, u3);           \
    STORE_PLANE(20, u4);                                                                        \
    FILTER_AXIS(r01, r11, u0, u1, u2, u3, u4);                                                  \
    STORE_PLANE(1, u0); STORE_PLANE(6, u1); STORE_PLANE(11, u2); STORE_PLANE(16, u3);           \
    STORE_PLANE(21, u4);                                                                        \
    FILTER_AXIS(r02, r12, u0, u1, u2, u3, u4);                                                  \
    STORE_PLANE(2, u0); STORE_PLANE(7, u1); STORE_PLANE(12, u2); STORE_PLANE(17, u3);           \
    STORE_PLANE(22, u4);                                                                        \
    FILTER_AXIS(r03, r13, u0, u1, u2, u3, u4);                                                  \
    STORE_PLANE(3, u0); STORE_PLANE(8, u1); STORE_PLANE(13, u2); STORE_PLANE(18, u3);           \
    STORE_PLANE(23, u4);                                                                        \
    FILTER_AXIS(r04, r14, u0, u1, u2, u3, u4);                                                  \
    STORE_PLANE(4, u0); STORE_PLANE(9, u1); STORE_PLANE(14, u2); STORE_PLANE(19, u3);           \
    STORE_PLANE(24, u4);                                                                        \
  } while (0)

/* The n (1 to 4) values p[0], p[stride], p[2 stride], ... as lanes. */
static inline f32x4 load_spread(const float *p, int n, int stride) {
  f32x4 v = {p[0], 0, 0, 0};
  if (n > 1) v[1] = p[stride];
  if (n > 2) v[2] = p[2 * stride];
  if (n > 3) v[3] = p[3 * stride];
  return v;
}

#endif
