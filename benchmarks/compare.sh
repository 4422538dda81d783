#!/bin/sh
# Runs theano4j (org.theano4j.bench.Workloads) and numpy (python/workloads.py) on the same
# workloads back to back and prints, per row:
#   NAME theano4j=<median> <unit> reference=<median> <unit> ratio=<x>
# ratio > 1 means theano4j is faster (reference/theano4j for times, theano4j/reference for
# GFLOP/s). numpy runs twice per repeat, with the environment as it is and with
# OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset; the faster of the two is the reference.
#
# Usage: benchmarks/compare.sh NAME... [key=value...]
#   NAME: call logistic dgemm sgemm dgemv logreg compile mlp rng
#   key=value options go to both sides (warmup=0.5  round=0.2  n=256,512  steps=2000);
#   NAME.key=value only to workload NAME (dgemm.n=256,512  logreg.steps=2000)
#   ROUNDS=5   in-process measured rounds per run (each run prints the median)
#   REPEATS=3  runs of each side per workload, alternating; the median of their medians is shown
# Exit status: 1 when a theano4j run failed (e.g. logreg's xent not finite), else 0.
set -eu
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
root=$(dirname "$(dirname "$self")")
cd "$root"
ROUNDS=${ROUNDS:-5}
REPEATS=${REPEATS:-3}
FLAGS="--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
JAR=benchmarks/target/benchmarks.jar

names="" opts=""
for a in "$@"; do
  case $a in *=*) opts="$opts $a" ;; *) names="$names $a" ;; esac
done
if [ -z "$names" ]; then
  sed -n '2,17s/^# \{0,1\}//p' "$self" >&2
  exit 2
fi

# The JDK finder of ./mvnw: keep JAVA_HOME if it is >= 25, else the newest JDK >= 25 found.
jdk_feature() {
  [ -f "$1/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
}
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(jdk_feature "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then return 0; fi
  fi
  best="" bestv=0
  for d in /usr/lib/jvm/* /opt/java/* /opt/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(jdk_feature "$d")
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$bestv" ]; then best=$d bestv=$v; fi
  done
  if [ -z "$best" ]; then
    echo "compare.sh: needs a JDK >= 25 (none in JAVA_HOME, /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks)" >&2
    exit 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}
find_jdk
JAVA="$JAVA_HOME/bin/java"

# python3 with numpy; Debian's python3-numpy when it is missing and we may install it.
PY=python3
if ! "$PY" -c "import numpy" 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y python3-numpy >&2 || { apt-get update >&2 && apt-get install -y python3-numpy >&2; }
    PY=/usr/bin/python3
  fi
  "$PY" -c "import numpy" || { echo "compare.sh: python3 with numpy needed (apt-get install -y python3-numpy)" >&2; exit 1; }
fi

if [ ! -f "$JAR" ]; then
  echo "compare.sh: building $JAR" >&2
  ./mvnw -q -B -DskipTests -pl benchmarks -am package
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for name in $names; do
  wopts=""
  for o in $opts; do
    case $o in
      "$name".*) wopts="$wopts ${o#"$name".}" ;;
      *.*=*) ;;
      *) wopts="$wopts $o" ;;
    esac
  done
  r=1
  while [ "$r" -le "$REPEATS" ]; do
    # shellcheck disable=SC2086 # FLAGS and opts are word lists
    if ! "$JAVA" $FLAGS -cp "$JAR" org.theano4j.bench.Workloads "$name" "$ROUNDS" $wopts \
        >"$tmp/java.$r" 2>"$tmp/java.err"; then
      status=1
      grep -v "Using incubator modules" "$tmp/java.err" | tail -n 5 >&2 || true
    fi
    # shellcheck disable=SC2086
    "$PY" benchmarks/python/workloads.py "$name" "$ROUNDS" $wopts >"$tmp/env.$r"
    # shellcheck disable=SC2086
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
      "$PY" benchmarks/python/workloads.py "$name" "$ROUNDS" $wopts >"$tmp/unset.$r"
    r=$((r + 1))
  done
  "$PY" benchmarks/python/aggregate.py "$tmp" "$REPEATS"
  rm -f "$tmp"/*
done
exit "$status"
