"""numpy: the math of every workload written directly, gradients by hand."""
import numpy as np

from common import LR, N

NAME = "numpy"


def describe(out):
    out.info("numpy", np.__version__)
    blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    bundled = " (bundled in the wheel: scipy-openblas)" if "scipy-openblas" in blas.get("name", "") else ""
    out.info("numpy.blas", f"{blas.get('name')} {blas.get('version')}{bundled}")
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        out.info("numpy.blas.runtime", "threadpoolctl not installed")
        return
    libs = [lib for lib in threadpool_info() if lib.get("user_api") == "blas"]
    for lib in libs:
        out.info("numpy.blas.runtime", f"{lib.get('internal_api')} {lib.get('version')} "
                 f"kernel={lib.get('architecture')} threads={lib.get('num_threads')} ({lib.get('filepath')})")
    if not any(lib.get("internal_api") == "openblas" for lib in libs):
        out.info("numpy.blas.WARNING", "numpy does not run on OpenBLAS here (Debian's numpy without "
                 "libopenblas0-pthread uses the reference BLAS): its numbers mean little")


def scalar_add():
    x, y = np.float64(1.5), np.float64(2.25)
    return lambda: np.add(x, y)


def logistic(x):
    return lambda: 1 / (1 + np.exp(-x))


def matmul(a, b, transpose_a):
    a_ = a.T if transpose_a else a
    return lambda: np.dot(a_, b)


def gemv(a, v, transposed):
    a_ = a.T if transposed else a
    return lambda: np.dot(a_, v)


def to_numpy(result):
    return np.asarray(result)


class LogReg:
    """The seed's step: the literal formulas forward, d(cost)/d(x.w + b) = (p - y) / N by hand."""

    def __init__(self, x, y, w0):
        self.x, self.y, self.w, self.b = x, y, w0.copy(), 0.0

    def step(self):
        x, y = self.x, self.y
        with np.errstate(all="ignore"):  # the literal log(1 - p_1) is -inf where p_1 rounds to 1
            p_1 = 1 / (1 + np.exp(-np.dot(x, self.w) - self.b))
            prediction = p_1 > 0.5
            xent = -y * np.log(p_1) - (1 - y) * np.log(1 - p_1)
        g = (p_1 - y) / N
        gw = np.dot(x.T, g) + 0.02 * self.w       # + d 0.01 * sum(w ** 2) / dw
        self.w = self.w - 0.1 * gw
        self.b = self.b - 0.1 * g.sum()
        return prediction, xent

    def weights(self):
        return {"w": self.w, "b": np.float64(self.b)}


class Mlp:
    """tanh hidden layer, softmax output, mean categorical cross-entropy; backpropagation by hand."""

    def __init__(self, x, labels, params):
        self.x, self.labels = x, labels
        self.p = {k: v.copy() for k, v in params.items()}
        self.rows = np.arange(x.shape[0])
        self.rate = x.dtype.type(LR)

    def step(self):
        p, x, rows, batch = self.p, self.x, self.rows, self.x.shape[0]
        h = np.tanh(x @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        e = np.exp(z - z.max(axis=1, keepdims=True))
        prob = e / e.sum(axis=1, keepdims=True)
        cost = -np.log(prob[rows, self.labels]).mean()
        dz = prob
        dz[rows, self.labels] -= 1
        dz /= batch
        dh = (dz @ p["W2"].T) * (1 - h * h)
        grads = {"W2": h.T @ dz, "b2": dz.sum(axis=0), "W1": x.T @ dh, "b1": dh.sum(axis=0)}
        for k, g in grads.items():
            p[k] -= self.rate * g
        return float(cost)

    def params(self):
        return self.p


compile_logreg = None  # nothing is compiled
