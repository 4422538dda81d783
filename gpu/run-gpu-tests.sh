#!/usr/bin/env bash
# Runs the gpu module's tests tagged "gpu" (and "cuda-libs": real NVRTC compiles) with the JUnit console launcher, on a machine that
# has an NVIDIA GPU but neither Java nor Maven: everything it needs is carried there (see
# "Running the GPU tests elsewhere" in gpu/README.md for preparing it).
#
#   gpu/run-gpu-tests.sh JDK_DIR [CLASSPATH_FILE] [-- extra console-launcher options]
#
#   JDK_DIR         a (jlinked) JDK 25 runtime, e.g. .jrt
#   CLASSPATH_FILE  optional: class path entries, one per line or ':'-separated, relative to
#                   the repository root; default: the target/classes folders of tensor,
#                   symbolic, bindings and gpu, and gpu/target/test-classes
#
# Environment: TESTS_ROOT (the test classes to scan, a folder or jar; default gpu/target/test-classes),
# JUNIT_JAR (default gpu/target/junit/junit-platform-console-standalone-*.jar),
# REPORTS_DIR (default $OUT/gpu-test-reports when OUT is set, else gpu/target/gpu-test-reports),
# THEANO4J_CUDA_LIB_PATH (default: the site-packages of python3, where the nvidia-* wheels put
# NVRTC and cuBLAS). A GPU that cannot be used fails the run (-Dtheano4j.gpu.require=true)
# instead of skipping every test.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "run-gpu-tests.sh: $*" >&2; exit 2; }

[ $# -ge 1 ] || die "usage: gpu/run-gpu-tests.sh JDK_DIR [CLASSPATH_FILE] [-- launcher options]"
jdk="$(cd "$1" 2>/dev/null && pwd)" || die "no JDK folder $1"
shift
java="$jdk/bin/java"
[ -x "$java" ] || die "no executable $java"

cpfile=""
if [ $# -ge 1 ] && [ "$1" != "--" ]; then cpfile="$1"; shift; fi
if [ $# -ge 1 ] && [ "$1" = "--" ]; then shift; fi

entries=()
if [ -n "$cpfile" ]; then
    [ -f "$cpfile" ] || die "no class path file $cpfile"
    while IFS= read -r e; do
        [ -n "$e" ] && entries+=("$e")
    done < <(tr ':' '\n' < "$cpfile")
else
    entries=(tensor/target/classes symbolic/target/classes bindings/target/classes gpu/target/classes
             gpu/target/test-classes)
fi
cp=""
for e in "${entries[@]}"; do
    case "$e" in /*) p="$e" ;; *) p="$root/$e" ;; esac
    [ -e "$p" ] || die "class path entry $e is missing (build with ./mvnw -pl gpu -am test-compile and carry it)"
    cp="${cp:+$cp:}$p"
done
tests="${TESTS_ROOT:-$root/gpu/target/test-classes}"
[ -e "$tests" ] || die "no $tests (build with ./mvnw -pl gpu -am test-compile and carry it)"

junit="${JUNIT_JAR:-}"
if [ -z "$junit" ]; then
    junit="$(ls "$root"/gpu/target/junit/junit-platform-console-standalone-*.jar 2>/dev/null | head -n 1 || true)"
fi
[ -n "$junit" ] && [ -f "$junit" ] || die "no junit-platform-console-standalone jar (see gpu/README.md)"

if [ -z "${THEANO4J_CUDA_LIB_PATH:-}" ] && command -v python3 >/dev/null; then
    site="$(python3 -c 'import site, sys; print(":".join(site.getsitepackages() + [site.getusersitepackages()]))' 2>/dev/null || true)"
    [ -n "$site" ] && export THEANO4J_CUDA_LIB_PATH="$site"
fi

# XML reports need the java.xml module; a runtime jlinked without it gets the console tree only.
report_opts=()
reports="${REPORTS_DIR:-${OUT:+$OUT/gpu-test-reports}}"
reports="${reports:-$root/gpu/target/gpu-test-reports}"
if "$java" --list-modules | grep -q '^java\.xml@'; then
    mkdir -p "$reports"
    report_opts=(--reports-dir "$reports")
else
    reports="none (the runtime lacks java.xml)"
fi

echo "java: $("$java" -version 2>&1 | head -n 1); junit: $(basename "$junit"); reports: $reports"
exec "$java" --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector -Xss4m \
    -Dtheano4j.gpu.require=true \
    -jar "$junit" execute \
    --class-path "$cp" --scan-class-path "$tests" --include-tag gpu --include-tag cuda-libs --fail-if-no-tests \
    --details=tree --disable-banner "${report_opts[@]}" "$@"
