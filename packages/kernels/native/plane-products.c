// The Winograd planes' matrix products, without tfjs-wasm's repacking of the right-hand operand.
#include "simd.h"

/* Rows of the left operand that one block keeps in registers, with 8 columns (2 vectors) each. */
#define ROWS 4

/*
 * c[0..rows) x [0..8) = a[0..rows) x b[0..K) x [0..8) of row-major a (row length lda), b (ldb) and
 * c (ldc), rows 1 to ROWS, `width` (1 to 8) columns: one block of registers, the k loop inside.
 */
static inline void block(const float *a, int lda, const float *b, int ldb, float *c, int ldc,
                         int rows, int K, int width) {
  f32x4 c00 = {0}, c01 = {0}, c10 = {0}, c11 = {0}, c20 = {0}, c21 = {0}, c30 = {0}, c31 = {0};
  const float *a0 = a, *a1 = a + (rows > 1 ? lda : 0), *a2 = a + (rows > 2 ? 2 * lda : 0);
  const float *a3 = a + (rows > 3 ? 3 * lda : 0);
  const int n0 = width < 4 ? width : 4, n1 = width - n0;
/* The k loop, b's row read by LOAD_B: 2 vectors times a splat of each row's a[k]. */
#define K_LOOP(LOAD_B0, LOAD_B1)                                                                \
  for (int k = 0; k < K; k++, b += ldb) {                                                       \
    const f32x4 b0 = LOAD_B0, b1 = LOAD_B1;                                                     \
    const f32x4 s0 = (f32x4)wasm_v128_load32_splat(a0 + k);                                     \
    const f32x4 s1 = (f32x4)wasm_v128_load32_splat(a1 + k);                                     \
    const f32x4 s2 = (f32x4)wasm_v128_load32_splat(a2 + k);                                     \
    const f32x4 s3 = (f32x4)wasm_v128_load32_splat(a3 + k);                                     \
    c00 += s0 * b0, c01 += s0 * b1, c10 += s1 * b0, c11 += s1 * b1;                             \
    c20 += s2 * b0, c21 += s2 * b1, c30 += s3 * b0, c31 += s3 * b1;                             \
  }
  if (width == 8) {
    K_LOOP((f32x4)wasm_v128_load(b), (f32x4)wasm_v128_load(b + 4))
  } else {
    K_LOOP(load_lanes(b, n0), n1 > 0 ? load_lanes(b + 4, n1) : (f32x4){0})
  }
#undef K_LOOP
#define STORE_ROW(r)                                                                            \
  if (rows > r) {                                                                               \
    store_lanes(c + r * ldc, c##r##0, n0);                                                      \
    if (n1 > 0) store_lanes(c + r * ldc + 4, c##r##1, n1);                                      \
  }
  STORE_ROW(0) STORE_ROW(1) STORE_ROW(2) STORE_ROW(3)
#undef STORE_ROW
}

/* A unit of work: its block of the left operand stays in cache for each column panel of 8. */
#define UNIT_ROWS 128
#define UNIT_COLUMNS 256

/*
 * c[p] `[M, N]` = a[p] `[M, K]` x b[p] `[K, N]` of the units [first, end) of the `planes` products
 * (tables of pointers a, b, c; a plane may repeat). Unit u is a block of UNIT_ROWS rows and
 * UNIT_COLUMNS columns: plane u / (rowBlocks * columnBlocks), then rows, then columns, in blocks
 * cut short at the edges. The threads that share a call take units in turn, thread t copying each
 * column panel of b it multiplies into scratch + 8 K t (scratch: 16 K floats), where it stays in
 * cache for every block of rows.
 */
__attribute__((export_name("plane_products"))) void plane_products(
    const float *const *a, const float *const *b, float *const *c, int planes, int M, int K, int N,
    float *scratch, int first, int end, int thread) {
  (void)planes;
  float *panel = scratch + 8 * K * thread;
  const int rowBlocks = (M + UNIT_ROWS - 1) / UNIT_ROWS;
  const int columnBlocks = (N + UNIT_COLUMNS - 1) / UNIT_COLUMNS;
  for (int u = first; u < end; u++) {
    const int p = u / (rowBlocks * columnBlocks), r = u % (rowBlocks * columnBlocks);
    const int top = (r / columnBlocks) * UNIT_ROWS, left = (r % columnBlocks) * UNIT_COLUMNS;
    const int bottom = M - top < UNIT_ROWS ? M : top + UNIT_ROWS;
    const int right = N - left < UNIT_COLUMNS ? N : left + UNIT_COLUMNS;
    for (int column = left; column < right; column += 8) {
      const int width = right - column < 8 ? right - column : 8;
      const float *source = b[p] + column;
      if (width == 8) {
        for (int k = 0; k < K; k++, source += N) {
          wasm_v128_store(panel + 8 * k, wasm_v128_load(source));
          wasm_v128_store(panel + 8 * k + 4, wasm_v128_load(source + 4));
        }
        source = panel;
      }
      const int ldb = width == 8 ? 8 : N;
      for (int row = top; row < bottom; row += ROWS) {
        const int rows = bottom - row < ROWS ? bottom - row : ROWS;
        block(a[p] + row * K, K, source, ldb, c[p] + row * N + column, N, rows, K, width);
      }
    }
  }
}
