#!/usr/bin/env bash
# Compiles native/kernels.c and native/elementwise.c into one WebAssembly SIMD128 module, twice (for
# tfjs-wasm's plain memory and for its threaded build's shared memory), and writes both, base64,
# into src/wasm-kernels/native-module.ts with the SHA-256 of the C sources (a test fails when a
# source changed and this was not rerun).
# Needs Debian's clang and lld (apt-get install clang lld); the package's build does not.
#   packages/train/scripts/build-native.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
common=(--target=wasm32 -O3 -msimd128 -mbulk-memory -nostdlib -ffreestanding -Wall -Werror
  -Wl,--no-entry -Wl,--import-memory -Wl,--strip-all)
clang "${common[@]}" native/kernels.c native/elementwise.c -o "$out/plain.wasm"
clang "${common[@]}" -matomics -Wl,--shared-memory -Wl,--max-memory=4294967296 \
  native/kernels.c native/elementwise.c -o "$out/shared.wasm"
for variant in plain shared; do
  # The kernels run in tfjs-wasm's memory: any stack or static data of their own would overwrite it.
  if llvm-objdump-14 -d "$out/$variant.wasm" | grep -q 'global\.\(get\|set\)'; then
    echo "native/*.c: a kernel uses the stack (an array or an address taken)" >&2; exit 1
  fi
  if llvm-objdump-14 -h "$out/$variant.wasm" | grep -q ' DATA '; then
    echo "native/*.c: the kernels have static data" >&2; exit 1
  fi
done
cat > src/wasm-kernels/native-module.ts <<TS
// Written by scripts/build-native.sh from native/kernels.c and native/elementwise.c: do not edit.

/** SHA-256 of native/kernels.c and native/elementwise.c, one after the other, compiled here. */
export const NATIVE_SOURCE_SHA256 = '$(cat native/kernels.c native/elementwise.c | sha256sum | cut -d' ' -f1)';

/** The kernels for a memory that is not shared (tfjs-wasm's single-threaded builds), base64. */
export const NATIVE_PLAIN = '$(base64 -w0 "$out/plain.wasm")';

/** The kernels for a shared memory (tfjs-wasm's threaded build), base64. */
export const NATIVE_SHARED = '$(base64 -w0 "$out/shared.wasm")';
TS
echo "wrote src/wasm-kernels/native-module.ts ($(stat -c %s "$out/plain.wasm") and $(stat -c %s "$out/shared.wasm") bytes)"
