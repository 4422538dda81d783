#!/bin/sh
# Sets up the peers' virtual environment for compare.sh and prints, on stdout,
#   python=PATH            its interpreter
#   skip=PEER WHY          for each peer that cannot run here (one line each)
# Progress goes to stderr. Rerunning is cheap: each layer is rebuilt only when what it was built
# from changed (a stamp file in the venv records that).
#
# Layers:
#  1. pip packages of requirements.txt (numpy, scipy, jax, jaxlib, torch, ...), by name, from the
#     indexes pip is configured with (where torch's +cpu wheels are not on them, point
#     PIP_EXTRA_INDEX_URL at PyTorch's CPU wheel index);
#  2. PyTensor from PYTENSOR_SRC (a source tree, put on the path with a .pth file: its build needs
#     versioneer) and its dependencies etuples, logical-unification, miniKanren and cons from
#     ETUPLES_SRC, UNIFICATION_SRC, KANREN_SRC, CONS_SRC (pip install --no-deps of each tree);
#     sources.sh makes the five trees from git mirrors. Without PYTENSOR_SRC: skip=pytensor.
#  3. for PyTensor's C backend: g++ and the system OpenBLAS (libopenblas-dev), installed with
#     apt-get when missing and this runs as root.
# Environment: PEERS_VENV (default ~/.cache/theano4j/peers-venv), PYTHON (the interpreter the venv
# is made from, default python3), PIP_RETRIES (default 1: an unreachable index fails fast).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
venv=${PEERS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/theano4j/peers-venv}
base=${PYTHON:-python3}
PIP_RETRIES=${PIP_RETRIES:-1}
export PIP_RETRIES
log() { echo "install.sh: $*" >&2; }
as_root() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }
apt_install() {
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2 ||
    { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2; }
}

# 1. the venv and the pip packages
stamp=$( ("$base" --version; cat "$here/requirements.txt") 2>&1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.theano4j-requirements" 2>/dev/null)" != "$stamp" ]; then
  log "creating $venv ($("$base" --version 2>&1)) from requirements.txt"
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  if ! "$base" -m venv "$venv" >&2; then
    as_root && apt_install python3-venv && "$base" -m venv "$venv" >&2
  fi
  "$venv/bin/python" -m pip install -q -r "$here/requirements.txt" >&2
  printf '%s' "$stamp" >"$venv/.theano4j-requirements"
fi
echo "python=$venv/bin/python"

# 2. PyTensor and its dependencies from source trees
if [ -z "${PYTENSOR_SRC:-}" ]; then
  echo "skip=pytensor PYTENSOR_SRC is not set (eval \"\$(benchmarks/python/sources.sh DIR)\" makes the source trees)"
  exit 0
fi
missing=""
for var in PYTENSOR_SRC ETUPLES_SRC UNIFICATION_SRC KANREN_SRC CONS_SRC; do
  eval "dir=\${$var:-}"
  # shellcheck disable=SC2154 # dir is set by the eval
  [ -n "$dir" ] && [ -d "$dir" ] || missing="$missing $var"
done
if [ -n "$missing" ]; then
  echo "skip=pytensor not a source tree:$missing (sources.sh makes all five)"
  exit 0
fi
src_stamp=$(for d in "$PYTENSOR_SRC" "$ETUPLES_SRC" "$UNIFICATION_SRC" "$KANREN_SRC" "$CONS_SRC"; do
  echo "$d $(git -C "$d" describe --tags --always 2>/dev/null || sed -n 's/^Version: //p' "$d/PKG-INFO" 2>/dev/null)"
done)
if [ "$(cat "$venv/.theano4j-pytensor" 2>/dev/null)" != "$src_stamp" ]; then
  log "installing etuples, logical-unification, miniKanren, cons and PyTensor from their source trees"
  for d in "$UNIFICATION_SRC" "$CONS_SRC" "$ETUPLES_SRC" "$KANREN_SRC"; do
    # a tree with neither .git nor PKG-INFO gives setuptools-scm no version: say so in the version
    if git -C "$d" rev-parse --git-dir >/dev/null 2>&1 || [ -f "$d/PKG-INFO" ]; then
      "$venv/bin/python" -m pip install -q --no-deps "$d" >&2
    else
      SETUPTOOLS_SCM_PRETEND_VERSION=0+unknown "$venv/bin/python" -m pip install -q --no-deps "$d" >&2
    fi
  done
  site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  (cd "$PYTENSOR_SRC" && pwd) >"$site/theano4j-pytensor-src.pth"
  printf '%s' "$src_stamp" >"$venv/.theano4j-pytensor"
fi

# 3. what the C backend compiles and links with
if ! command -v g++ >/dev/null && as_root; then
  apt_install g++ || true
fi
if ! command -v g++ >/dev/null; then
  echo "skip=pytensor no g++ for PyTensor's C backend (apt-get install -y g++)"
  exit 0
fi
if ! "$venv/bin/python" -c 'import ctypes.util, sys; sys.exit(not ctypes.util.find_library("openblas"))'; then
  if as_root; then
    apt_install libopenblas-dev
  else
    log "no system OpenBLAS (apt-get install -y libopenblas-dev): PyTensor's C ops will use no BLAS"
  fi
fi
