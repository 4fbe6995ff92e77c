// SIMD128 helpers shared by the native kernels (compiled by ../scripts/build-native.sh).
// The kernels run in tfjs-wasm's own memory, imported: every pointer is a byte offset of a tensor
// that tfjs-wasm allocated. Nothing may use memory of its own (no static data, no stack: no arrays,
// no address taken), which the build script checks.
#ifndef DCGAN_SIMD_H
#define DCGAN_SIMD_H
#include <wasm_simd128.h>

typedef float f32x4 __attribute__((vector_size(16)));

static inline f32x4 load_lanes(const float *p, int n) {
  if (n >= 4) return (f32x4)wasm_v128_load(p);
  f32x4 v = {0, 0, 0, 0};
  v[0] = p[0];
  if (n > 1) v[1] = p[1];
  if (n > 2) v[2] = p[2];
  return v;
}

static inline void store_lanes(float *p, f32x4 v, int n) {
  if (n >= 4) {
    wasm_v128_store(p, (v128_t)v);
    return;
  }
  p[0] = v[0];
  if (n > 1) p[1] = v[1];
  if (n > 2) p[2] = v[2];
}

#endif
