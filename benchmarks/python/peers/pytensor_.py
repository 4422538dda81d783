"""PyTensor with its C backend (linker cvm): the seed's Theano code as it is, on PyTensor's API.

Flags (PYTENSOR_FLAGS, set before the import unless the caller set them): linker=cvm (C ops run
by the C virtual machine: PyTensor's default linker would otherwise pick Numba where it is
installed), compiledir under the virtual environment (or PEERS_PYTENSOR_COMPILEDIR), and
blas__ldflags=-lopenblas where the system has libopenblas (PyTensor cannot link the OpenBLAS that
numpy's wheel bundles: its symbols are renamed and 64-bit).
"""
import ctypes.util
import os
import subprocess
import sys
import tempfile

from common import LR


def _flags():
    given = os.environ.get("PYTENSOR_FLAGS", "")
    names = {f.split("=", 1)[0].strip() for f in given.split(",") if "=" in f}
    extra = []
    if "linker" not in names:
        extra.append("linker=cvm")
    if "compiledir" not in names:
        default = os.path.join(sys.prefix, "pytensor-compiledir")
        extra.append("compiledir=" + os.environ.get("PEERS_PYTENSOR_COMPILEDIR", default))
    if "blas__ldflags" not in names and ctypes.util.find_library("openblas"):
        extra.append("blas__ldflags=-lopenblas")
    return ",".join([f for f in [given] + extra if f])


os.environ["PYTENSOR_FLAGS"] = _flags()

import numpy as np  # noqa: E402
import pytensor  # noqa: E402
import pytensor.tensor as pt  # noqa: E402

NAME = "pytensor"


def describe(out):
    c = pytensor.config
    out.info("pytensor", f"{pytensor.__version__} ({os.path.dirname(os.path.dirname(pytensor.__file__))})")
    out.info("pytensor.config", f"linker={c.linker} mode={c.mode} cxx={c.cxx} blas__ldflags='{c.blas__ldflags}' "
             f"compiledir={c.compiledir}")
    a = np.ones((2, 2))
    matmul(a, a, False)()  # loads the BLAS the C ops link, for threadpoolctl to see
    try:
        from threadpoolctl import threadpool_info
        for lib in threadpool_info():
            if lib.get("user_api") == "blas" and "scipy_openblas" not in lib.get("filepath", ""):
                out.info("pytensor.blas.runtime", f"{lib.get('internal_api')} {lib.get('version')} "
                         f"kernel={lib.get('architecture')} threads={lib.get('num_threads')} ({lib.get('filepath')})")
    except ImportError:
        pass


def _function(inputs, outputs, **kw):
    return pytensor.function(inputs, outputs, **kw)


def scalar_add():
    x, y = pt.dscalars("x", "y")
    f = _function([x, y], x + y)
    return lambda: f(1.5, 2.25)


def logistic(x):
    v = pt.dvector("x")
    f = _function([v], 1 / (1 + pt.exp(-v)))
    return lambda: f(x)


def matmul(a, b, transpose_a):
    p, q = pt.matrix("a", dtype=a.dtype), pt.matrix("b", dtype=b.dtype)
    f = _function([p, q], pt.dot(p.T if transpose_a else p, q))
    return lambda: f(a, b)


def gemv(a, v, transposed):
    p, q = pt.dmatrix("a"), pt.dvector("v")
    f = _function([p, q], pt.dot(p.T if transposed else p, q))
    return lambda: f(a, v)


def to_numpy(result):
    return np.asarray(result)


def _train(w, b):
    """The seed's graph (literal formulas, pt.grad, updates of w and b), compiled."""
    x, y = pt.dmatrix("x"), pt.dvector("y")
    p_1 = 1 / (1 + pt.exp(-pt.dot(x, w) - b))
    prediction = p_1 > 0.5
    xent = -y * pt.log(p_1) - (1 - y) * pt.log(1 - p_1)
    cost = xent.mean() + 0.01 * (w ** 2).sum()
    gw, gb = pt.grad(cost, [w, b])
    return _function([x, y], [prediction, xent], updates=((w, w - 0.1 * gw), (b, b - 0.1 * gb)))


class LogReg:
    def __init__(self, x, y, w0):
        self.x, self.y = x, y
        self.w, self.b = pytensor.shared(w0.copy(), name="w"), pytensor.shared(np.float64(0.0), name="b")
        self.train = _train(self.w, self.b)

    def step(self):
        return self.train(self.x, self.y)

    def weights(self):
        return {"w": self.w.get_value(), "b": np.asarray(self.b.get_value())}


class Mlp:
    def __init__(self, x, labels, params):
        self.x, self.labels = x, labels
        self.p = {k: pytensor.shared(v.copy(), name=k) for k, v in params.items()}
        xv, yv = pt.matrix("x", dtype=x.dtype), pt.lvector("y")
        h = pt.tanh(pt.dot(xv, self.p["W1"]) + self.p["b1"])
        prob = pt.special.softmax(pt.dot(h, self.p["W2"]) + self.p["b2"], axis=1)
        cost = -pt.log(prob[pt.arange(xv.shape[0]), yv]).mean()
        shared = list(self.p.values())
        grads = pt.grad(cost, shared)
        rate = np.asarray(LR, dtype=x.dtype)
        self.train = _function([xv, yv], cost, updates=[(v, v - rate * g) for v, g in zip(shared, grads)])

    def step(self):
        return float(self.train(self.x, self.labels))

    def params(self):
        return {k: v.get_value() for k, v in self.p.items()}


def compile_logreg(x, y, w0):
    _train(pytensor.shared(w0.copy(), name="w"), pytensor.shared(np.float64(0.0), name="b"))


_NOCACHE = """
import sys, time
sys.path.insert(0, {path!r})
import common
from peers import pytensor_
x, y, w0 = common.logreg_data()
t0 = time.perf_counter()
pytensor_.compile_logreg(x, y, w0)
print((time.perf_counter() - t0) * 1e3)
"""


def compile_without_cache():
    """ms of the seed's compile in a fresh process with an empty compiledir (gcc runs for every op)."""
    with tempfile.TemporaryDirectory(prefix="pytensor-nocache-") as d:
        env = dict(os.environ, PEERS_PYTENSOR_COMPILEDIR=d,
                   PYTENSOR_FLAGS=",".join(f for f in os.environ["PYTENSOR_FLAGS"].split(",")
                                           if not f.startswith("compiledir=")))
        code = _NOCACHE.format(path=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        res = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        return float(res.stdout.strip().splitlines()[-1])
