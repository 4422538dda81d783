#!/bin/sh
# Makes a small virtual environment with PyTensor (from its source tree at rel-2.38.3, made from
# the git mirrors by benchmarks/python/sources.sh), numpy and scipy: what dltut_reference.py needs.
# Usage: examples/scripts/pytensor-venv.sh [VENV] [MIRRORS]   (default /tmp/dltut-venv, /work/.mirror)
# Prints the venv's interpreter. PyTensor's C backend needs g++ (installed with apt-get as root).
set -eu
export PIP_RETRIES=${PIP_RETRIES:-0}
here=$(cd "$(dirname "$0")" && pwd)
venv=${1:-/tmp/dltut-venv}
mirrors=${2:-/work/.mirror}
command -v g++ >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q g++ >&2; }
[ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
"$venv/bin/python" -m pip install -q numpy==2.4.6 scipy==1.17.1 filelock==4.0.8 setuptools==84.0.0 \
    toolz==1.1.0 multipledispatch==1.0.0 six >&2
eval "$("$here/../../benchmarks/python/sources.sh" "$venv/src" "$mirrors")"
for d in "$UNIFICATION_SRC" "$CONS_SRC" "$ETUPLES_SRC" "$KANREN_SRC"; do
  "$venv/bin/python" -m pip install -q --no-deps "$d" >&2
done
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
echo "$PYTENSOR_SRC" >"$site/dltut-pytensor-src.pth"
"$venv/bin/python" -c 'import pytensor; print("pytensor", pytensor.__version__)' >&2
echo "$venv/bin/python"
