#!/usr/bin/env bash
# Regenerates bindings/src/main/java/org/theano4j/bindings/cuda/{cuda_h,nvrtc_h,cublas_h}.java
# from include/theano4j_cuda.h and include/allowlist.txt with jextract
# (https://jdk.java.net/jextract/, a build for JDK 25).
#
# The checked-in bindings were written by hand in jextract's layout because jextract
# is not obtainable on the build machines. They add one thing jextract does not:
# library loading through CudaLibraries, which never throws when a library is
# missing. After regenerating, keep that: replace each generated class's
# `SYMBOL_LOOKUP` and `findOrThrow` with the CudaLibraries calls of the
# checked-in version (see bindings/README.md), then `git diff` and review.
#
# Usage: native/regen-bindings.sh [output-dir]   (CUDA_HOME defaults to /usr/local/cuda)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../bindings/target/jextract}"
cuda_home="${CUDA_HOME:-/usr/local/cuda}"

if ! command -v jextract >/dev/null 2>&1; then
  echo "regen-bindings.sh: jextract not found on PATH; install it from https://jdk.java.net/jextract/ (not available on these machines)" >&2
  exit 1
fi

# Emits --include-function NAME for each allow-list entry matching the prefix regex.
includes() {
  grep -v '^[[:space:]]*#' "$here/include/allowlist.txt" | grep -E "^$1" | sed 's/^/--include-function /'
}

# One run per header class, as in jextract's own samples.
gen() {
  local class="$1" prefix="$2" lib="$3"
  # shellcheck disable=SC2046
  jextract \
    --target-package org.theano4j.bindings.cuda \
    --header-class-name "$class" \
    --output "$out" \
    -I "$cuda_home/include" -I "$here/include" \
    --library ":$lib" \
    $(includes "$prefix") \
    "$here/include/theano4j_cuda.h"
}

gen cuda_h   'cu[A-Z]'  libcuda.so.1
gen nvrtc_h  'nvrtc'    libnvrtc.so
gen cublas_h 'cublas'   libcublas.so
echo "generated into $out"
