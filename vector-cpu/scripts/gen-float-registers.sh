#!/usr/bin/env bash
# FloatRegisters.java is DoubleRegisters.java with double replaced by float (the substitutions of
# gen-sgemm.sh plus the dtype constant): the Vector API needs a separate class per element type for
# C2 to compile constant species into SIMD code. Edit DoubleRegisters.java, then run this.
set -euo pipefail
cd "$(dirname "$0")/../src/main/java/org/theano4j/cpu"
sed -e 's/DoubleVector/FloatVector/g; s/double/float/g; s/Double/Float/g' \
    -e 's/JAVA_DOUBLE/JAVA_FLOAT/g; s/Species\.D\b/Species.F/g; s/float64/float32/g; s/FLOAT64/FLOAT32/g' \
    DoubleRegisters.java > FloatRegisters.java
