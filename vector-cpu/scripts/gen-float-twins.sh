#!/usr/bin/env bash
# The float32 twins of the float64 sources (Sgemm from Dgemm, FloatRegisters from DoubleRegisters),
# by the substitutions of float-twins.sed: the Vector API needs a separate class per element type
# for C2 to compile constant species into SIMD code. Edit the 64-bit file, then run this;
# GeneratedSourcesTest fails while a twin is stale.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../src/main/java/org/theano4j/cpu"
TWINS="Dgemm:Sgemm DoubleRegisters:FloatRegisters"
for pair in $TWINS; do
    sed -f "$here/float-twins.sed" "${pair%%:*}.java" > "${pair##*:}.java"
done
