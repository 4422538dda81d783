#!/usr/bin/env bash
# Installs the CUDA 13 libraries theano4j calls (NVRTC, the runtime's headers, cuBLAS) from the
# nvidia-* Python wheels, by package name, into one folder, so the checks against the real
# libraries can run on a machine without a GPU (and the GPU backend can find them on one with).
#
#   gpu/scripts/cuda-wheels.sh [TARGET]     default TARGET: ${XDG_CACHE_HOME:-$HOME/.cache}/theano4j/cuda-wheels
#
# TARGET ends up holding nvidia/cu13/{lib,include}: libnvrtc.so.13, libnvrtc-builtins.so.13.0,
# libcublas.so.13, libcublasLt.so.13, cuda.h, nvrtc.h, cublas_v2.h. The default TARGET is one of
# the folders the bindings search (LibrarySearch), so nothing needs to be set afterwards; for
# another TARGET set THEANO4J_CUDA_LIB_PATH=TARGET. Prints TARGET on success. Installing again is
# a no-op while the versions installed are the ones pip would pick. About 520 MB of wheels
# (cuBLAS is 423 MB), 800 MB installed, under a minute from a local index.
#
# Environment: CUDA_WHEELS (default "nvidia-cuda-nvrtc==13.0.* nvidia-cuda-runtime==13.0.*
# nvidia-cublas==13.*"), PYTHON (default python3). Exit 0: installed; 3: pip could not get the
# wheels (no index reachable, or no such version): the checks that need them then skip.
set -euo pipefail

target="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/theano4j/cuda-wheels}"
python="${PYTHON:-python3}"
# shellcheck disable=SC2206
wheels=(${CUDA_WHEELS:-nvidia-cuda-nvrtc==13.0.* nvidia-cuda-runtime==13.0.* nvidia-cublas==13.*})

command -v "$python" >/dev/null || { echo "cuda-wheels.sh: no $python" >&2; exit 3; }
lib="$target/nvidia/cu13/lib"
stamp="$target/.theano4j-wheels"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${wheels[*]}" ] \
        && [ -e "$lib/libnvrtc.so.13" ] && [ -e "$lib/libnvrtc-builtins.so.13.0" ] && [ -e "$lib/libcublas.so.13" ]; then
    echo "$target"
    exit 0
fi
mkdir -p "$target"
# --target installs the files only (no venv needed); --no-deps: the three wheels need nothing else.
if ! "$python" -m pip install --quiet --no-deps --disable-pip-version-check --upgrade --retries 0 \
        --target "$target" "${wheels[@]}" >&2; then
    echo "cuda-wheels.sh: pip could not install ${wheels[*]}" >&2
    exit 3
fi
for f in libnvrtc.so.13 libnvrtc-builtins.so.13.0 libcublas.so.13 libcublasLt.so.13; do
    [ -e "$lib/$f" ] || { echo "cuda-wheels.sh: $lib/$f missing after install" >&2; exit 3; }
done
echo "${wheels[*]}" > "$stamp"
echo "$target"
