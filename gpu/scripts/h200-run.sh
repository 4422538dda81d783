#!/usr/bin/env bash
# On a GPU machine without Java (an H200 with the NVIDIA driver, and the CUDA libraries from the
# nvidia-* Python wheels in its python3): unpacks the runtime that prepare-device.sh put in .device/,
# puts every site-packages/nvidia/*/lib folder on LD_LIBRARY_PATH, and runs, each step's output under
# $OUT (default .device/out):
#   1. the gpu module's tests tagged gpu (failing, not skipping, when the GPU is unusable)
#   2. the seed's logistic regression on device=cuda and on cpu, 2000 steps each
#   3. T.dot on cuda against cuBLAS called directly (GemmComparison)
# Exit status: the first failing step's, else 0.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dev="$root/.device"
out="${OUT:-$dev/out}"
mkdir -p "$out"
[ -f "$dev/jrt.tgz" ] || { echo "h200-run.sh: no $dev/jrt.tgz (run gpu/scripts/prepare-device.sh and carry .device)" >&2; exit 2; }
tmp="$(mktemp -d)"
tar -C "$tmp" -xzf "$dev/jrt.tgz"
java="$tmp/jrt/bin/java"

libs="$(python3 - <<'PY' 2>/dev/null
import glob, site, sys
roots = site.getsitepackages() + [site.getusersitepackages()]
print(":".join(sorted({d for r in roots for d in glob.glob(r + "/nvidia/*/lib")})))
PY
)"
export LD_LIBRARY_PATH="${libs}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export THEANO4J_CUDA_LIB_PATH="${THEANO4J_CUDA_LIB_PATH:-$libs}"
cp="$(ls "$dev"/lib/*.jar | tr '\n' ':')"
flags=(--enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector -Xss4m)
{
    echo "java: $("$java" -version 2>&1 | head -n 1)"
    echo "nvidia libs: $libs"
    command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,compute_cap --format=csv,noheader
} | tee "$out/environment.txt"

status=0
step() { local name="$1"; shift; echo "== $name"; "$@" 2>&1 | tee "$out/$name.txt"; local rc=${PIPESTATUS[0]}; echo "== $name: exit $rc"; [ $status -ne 0 ] || status=$rc; }

printf '%s\n' "$dev"/lib/*.jar > "$tmp/classpath"
step gpu-tests env JUNIT_JAR="$(ls "$dev"/junit/junit-platform-console-standalone-*.jar)" TESTS_ROOT="$dev/lib/gpu-tests.jar" \
    REPORTS_DIR="$out/gpu-test-reports" "$root/gpu/run-gpu-tests.sh" "$tmp/jrt" "$tmp/classpath"
step logreg-cuda "$java" "${flags[@]}" -Dtheano4j.device=cuda -Dtheano4j.gpu.require=true -cp "$cp" \
    org.theano4j.examples.LogisticRegression 2000
step logreg-cpu "$java" "${flags[@]}" -cp "$cp" org.theano4j.examples.LogisticRegression 2000
step gemm "$java" "${flags[@]}" -cp "$cp" org.theano4j.gpu.GemmComparison
rm -rf "$tmp"
exit $status
