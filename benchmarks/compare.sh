#!/bin/sh
# Runs theano4j (org.theano4j.bench.Workloads) and its peers numpy, JAX (jit, CPU), PyTorch (eager,
# CPU) and PyTensor (C backend) (benchmarks/python/run.py) on the same workloads, data and step
# definitions, after a cross-check that they all compute the same results, and prints a markdown
# report: environment, cross-check table, and per row the medians and theano4j's ratios to the best
# peer and to each (> 1: theano4j faster).
#
# Usage: benchmarks/compare.sh NAME... [key=value...]
#   NAME: call logistic dgemm sgemm dgemv logreg compile mlp first_logreg first_mlp rng
#   key=value options go to every workload (warmup=0.5 round=0.2 n=256,512 steps=2000);
#   NAME.key=value only to workload NAME (dgemm.n=256,512 dgemm.shapes= logreg.steps=2000)
#   PEERS="numpy jax torch pytensor"  which peers run (PyTensor needs PYTENSOR_SRC, see below)
#   ROUNDS=5     in-process measured rounds per run (each run prints its median)
#   REPEATS=3    fresh processes per system and workload, interleaved: theano4j numpy jax ... again
#   CHECK=1      0 skips the cross-check
#   RESULTS=DIR  where the raw results go (default benchmarks/target/compare/DATE);
#                benchmarks/python/aggregate.py DIR prints the report again
#   FORMAT=lines one `NAME theano4j=... reference=<best peer> ... ratio=... peer=...` line a row
#   PYTENSOR_SRC, ETUPLES_SRC, UNIFICATION_SRC, KANREN_SRC, CONS_SRC: source trees for PyTensor
#   (eval "$(benchmarks/python/sources.sh DIR)" makes them); PEERS_VENV, PEERS_PYTHON: see README
# Exit status: 1 when a cross-check failed or a theano4j run failed, else 0.
set -eu
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
root=$(dirname "$(dirname "$self")")
cd "$root"
ROUNDS=${ROUNDS:-5}
REPEATS=${REPEATS:-3}
CHECK=${CHECK:-1}
PEERS=${PEERS-numpy jax torch pytensor}
FLAGS="--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
JAR=benchmarks/target/benchmarks.jar
RESULTS=${RESULTS:-benchmarks/target/compare/$(date -u +%Y%m%dT%H%M%SZ)}
OPENBLAS_PEERS="numpy pytensor"   # the peers whose BLAS is OpenBLAS (torch: MKL, jax: XLA's own)

names="" opts=""
for a in "$@"; do
  case $a in *=*) opts="$opts $a" ;; *) names="$names $a" ;; esac
done
if [ -z "$names" ]; then
  sed -n '2,25s/^# \{0,1\}//p' "$self" >&2
  exit 2
fi
say() { echo "compare.sh: $*" >&2; }

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
    say "needs a JDK >= 25 (none in JAVA_HOME, /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks)"
    exit 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}
find_jdk
JAVA="$JAVA_HOME/bin/java"
if [ ! -f "$JAR" ]; then
  say "building $JAR"
  ./mvnw -q -B -DskipTests -pl benchmarks -am package
fi

mkdir -p "$RESULTS/info" "$RESULTS/runs" "$RESULTS/check"
meta=$RESULTS/meta.txt
: >"$meta"
: >"$RESULTS/notes.txt"
requested=$PEERS

# The peers' python: PEERS_PYTHON as it is, else the venv of benchmarks/python/install.sh.
if [ -n "${PEERS_PYTHON:-}" ]; then
  PY=$PEERS_PYTHON
else
  install_out=$(sh benchmarks/python/install.sh)
  PY=$(echo "$install_out" | sed -n 's/^python=//p')
  echo "$install_out" | sed -n 's/^skip=//p' >"$RESULTS/skipped"
fi
drop() { # PEER WHY: leaves PEER out of this run, with a one-line note
  PEERS=$(echo " $PEERS " | sed "s/ $1 / /; s/^ *//; s/ *$//")
  echo "skipped: $1: $2" >>"$RESULTS/notes.txt"
  say "skipping $1: $2"
}
if [ -f "$RESULTS/skipped" ]; then
  while read -r peer why; do
    case " $PEERS " in *" $peer "*) drop "$peer" "$why" ;; esac
  done <"$RESULTS/skipped"
  rm -f "$RESULTS/skipped"
fi

# The environment, then each system's own account of itself (versions, BLAS, threads).
cpu_id=$(awk -F': ' '/^cpu family/ {f=$2} /^model[[:space:]]*:/ {m=$2} /^stepping/ {s=$2; exit}
  END {printf "family %s model %s stepping %s", f, m, s}' /proc/cpuinfo 2>/dev/null || true)
cpu_flags=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | tr ' ' '\n' |
  grep -E '^(sse4_2|avx|avx2|fma|avx512[a-z_0-9]*|amx[a-z_0-9]*)$' | tr '\n' ' ' | sed 's/ $//')
env_of() { for v in "$@"; do eval "printf '%s=%s ' $v \"\${$v-unset}\""; done; }
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "command: \`ROUNDS=$ROUNDS REPEATS=$REPEATS PEERS=\"$requested\" benchmarks/compare.sh$names$opts\`"
  echo "theano4j commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (uncommitted changes)')"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1) ($cpu_id), $(nproc) cores; flags: ${cpu_flags:-none of AVX/AVX2/AVX-512}"
  echo "os: $(uname -sr); python: $("$PY" --version 2>&1) (packages: pip-freeze.txt of the results)"
  echo "threads: $(env_of OMP_NUM_THREADS MKL_NUM_THREADS OPENBLAS_NUM_THREADS OPENBLAS_CORETYPE OPENBLAS_L2_SIZE XLA_FLAGS THEANO4J_FLAGS | sed 's/ $//')"
} >>"$meta"
"$PY" -m pip freeze >"$RESULTS/pip-freeze.txt" 2>/dev/null || true
variants=""
if [ -n "${OPENBLAS_CORETYPE:-}${OPENBLAS_L2_SIZE:-}" ]; then
  variants="unset"
  echo "OpenBLAS variables: set here, so $OPENBLAS_PEERS also run with OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset each round; the faster counts, marked (u)" >>"$RESULTS/notes.txt"
fi
# shellcheck disable=SC2086 # FLAGS is a word list
"$JAVA" $FLAGS -cp "$JAR" org.theano4j.bench.Workloads info >"$RESULTS/info/theano4j.txt" 2>/dev/null
for peer in $PEERS; do
  if ! "$PY" benchmarks/python/run.py "$peer" info >"$RESULTS/info/$peer.txt" 2>"$RESULTS/info/$peer.err"; then
    drop "$peer" "$(tail -n 1 "$RESULTS/info/$peer.err")"
  fi
done

# run SYSTEM VARIANT FILE WORKLOAD ARGS...: one fresh process; a non-zero exit is noted in FILE.
run() {
  sys=$1 variant=$2 file=$3
  shift 3
  if [ "$sys" = theano4j ]; then
    # shellcheck disable=SC2086
    set -- "$JAVA" $FLAGS -cp "$JAR" org.theano4j.bench.Workloads "$@"
  else
    set -- "$PY" benchmarks/python/run.py "$sys" "$@"
  fi
  if [ "$variant" = unset ]; then set -- env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$@"; fi
  rc=0
  "$@" >"$file" 2>"${file%.txt}.err" || rc=$?
  if [ "$rc" != 0 ]; then
    echo "# exit $rc: $(grep -v 'Using incubator modules' "${file%.txt}.err" | tail -n 1)" >>"$file"
    say "$sys $* failed (exit $rc); see ${file%.txt}.err"
  fi
}
systems_of() { # the systems of one round: theano4j, each peer, and the OpenBLAS peers' variant
  echo theano4j
  for peer in $PEERS; do
    echo "$peer"
    case " $OPENBLAS_PEERS " in *" $peer "*) [ -n "$variants" ] && echo "$peer~unset" ;; esac
  done
  return 0
}

if [ "$CHECK" != 0 ]; then
  say "cross-check"
  for sys in theano4j $(echo " $PEERS " | grep -q " numpy " || echo numpy) $PEERS; do
    run "$sys" - "$RESULTS/check/$sys.txt" check "out=$RESULTS/check/$sys"
  done
fi

i=0
for name in $names; do
  i=$((i + 1))
  wopts=""
  for o in $opts; do
    case $o in
      "$name".*) wopts="$wopts ${o#"$name".}" ;;
      *.*=*) ;;
      *) wopts="$wopts $o" ;;
    esac
  done
  dir=$RESULTS/runs/$(printf '%02d' "$i")-$name
  mkdir -p "$dir"
  r=1
  while [ "$r" -le "$REPEATS" ]; do
    say "$name: round $r of $REPEATS"
    for sys in $(systems_of); do
      # shellcheck disable=SC2086 # wopts is a word list
      run "${sys%~*}" "$(echo "$sys" | sed -n 's/.*~//p')" "$dir/$sys.$r.txt" "$name" "$ROUNDS" $wopts
    done
    r=$((r + 1))
  done
done

say "results in $RESULTS (benchmarks/python/aggregate.py $RESULTS prints this report again)"
if [ "${FORMAT:-}" = lines ]; then
  exec "$PY" benchmarks/python/aggregate.py "$RESULTS" --lines
fi
exec "$PY" benchmarks/python/aggregate.py "$RESULTS"
