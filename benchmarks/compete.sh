#!/bin/bash
# The CPU backend's worker team next to competing processes: dgemm n=512, logreg and mlp with two
# threads (spin 200 us = the default, 0, 5000 us) and with one thread, alone and next to one and two
# busy loops. Prints one line per setting (the README's "Sharing the cores" table).
# Usage: benchmarks/compete.sh   (after ./mvnw -q -B -DskipTests -pl benchmarks -am package)
set -u
here=$(cd "$(dirname "$0")" && pwd)
java=${JAVA:-java}
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && [ -z "${JAVA:-}" ] && java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
jar=$here/target/benchmarks.jar
[ -f "$jar" ] || { echo "compete.sh: build $jar first" >&2; exit 2; }
run() {
  local cfg=$1
  shift
  "$java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED "$cfg" -cp "$jar" \
      org.theano4j.bench.Workloads "$@" 2>/dev/null | grep -v '^#' | tr '\n' ' '
}
for competitors in 0 1 2; do
  pids=()
  for ((i = 0; i < competitors; i++)); do
    (while :; do :; done) &
    pids+=($!)
  done
  sleep 1
  for cfg in -Dtheano4j.cpu.spinMicros=200 -Dtheano4j.cpu.spinMicros=0 -Dtheano4j.cpu.spinMicros=5000 -Dtheano4j.cpu.threads=1; do
    echo "busy loops=$competitors $cfg | $(run "$cfg" dgemm 3 n=512 shapes= warmup=2) | $(run "$cfg" logreg 3 warmup=2) | $(run "$cfg" mlp 3 warmup=2)"
  done
  [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}"
  wait 2>/dev/null
done
