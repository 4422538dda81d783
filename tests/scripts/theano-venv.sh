#!/usr/bin/env bash
# Recreates the Python-only Theano 1.0.5 reference environment that tests/scripts/grad_parity.py
# runs in (CI never runs Python: the generated reference files are committed).
#   bash tests/scripts/theano-venv.sh /path/to/theano-checkout [venv-dir, default /tmp/pyt]
# The checkout is Theano's repository at tag rel-1.0.5. Run the generator with
#   THEANO_FLAGS='cxx=,blas.ldflags=,device=cpu,floatX=float64' <venv>/bin/python tests/scripts/grad_parity.py ...
set -euo pipefail
src=${1:?usage: theano-venv.sh THEANO_CHECKOUT [VENV_DIR]}
venv=${2:-/tmp/pyt}
python3 -m venv "$venv"
"$venv/bin/pip" install -q numpy==1.23.5 "scipy<1.11" six
"$venv/bin/pip" install -q --no-deps "$src"
THEANO_FLAGS='cxx=,blas.ldflags=,device=cpu,floatX=float64' "$venv/bin/python" -c \
    'import theano; assert theano.__version__.startswith("1.0.5"), theano.__version__; print("theano", theano.__version__, "in", "'"$venv"'")'
