"""PyTorch: eager mode on the CPU, gradients by autograd."""
import re

import torch

from common import LR

NAME = "torch"


def describe(out):
    out.info("torch", torch.__version__)
    out.info("torch.threads", f"intra-op {torch.get_num_threads()}, inter-op {torch.get_num_interop_threads()}")
    config = torch.__config__.show()
    blas = re.search(r"BLAS_INFO=(\w+)", config)
    mkl = re.search(r"Math Kernel Library Version ([\w.-]+)", config)
    isa = re.search(r"CPU capability usage: (\w+)", config)
    out.info("torch.blas", f"{blas.group(1) if blas else '?'}{' ' + mkl.group(1) if mkl else ''}, "
             f"kernels for {isa.group(1) if isa else '?'}")


def scalar_add():
    x, y = torch.tensor(1.5, dtype=torch.float64), torch.tensor(2.25, dtype=torch.float64)
    return lambda: torch.add(x, y)


def logistic(x):
    t = torch.from_numpy(x)
    return lambda: 1 / (1 + torch.exp(-t))


def matmul(a, b, transpose_a):
    ta, tb = torch.from_numpy(a), torch.from_numpy(b)
    a_ = ta.T if transpose_a else ta
    return lambda: a_ @ tb


def gemv(a, v, transposed):
    ta, tv = torch.from_numpy(a), torch.from_numpy(v)
    a_ = ta.T if transposed else ta
    return lambda: a_ @ tv


def to_numpy(result):
    return result.detach().numpy()


class LogReg:
    """The seed's step; xent with logsigmoid, for the reason given in jax_._logreg_step (autograd of
    the literal formula is NaN on these data as well)."""

    def __init__(self, x, y, w0):
        self.x, self.y = torch.from_numpy(x), torch.from_numpy(y)
        self.w = torch.tensor(w0, requires_grad=True)
        self.b = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)

    def step(self):
        z = self.x @ self.w + self.b
        xent = -self.y * torch.nn.functional.logsigmoid(z) - (1 - self.y) * torch.nn.functional.logsigmoid(-z)
        cost = xent.mean() + 0.01 * (self.w ** 2).sum()
        gw, gb = torch.autograd.grad(cost, (self.w, self.b))
        with torch.no_grad():
            prediction = torch.sigmoid(z) > 0.5
            self.w -= 0.1 * gw
            self.b -= 0.1 * gb
        return prediction, xent.detach()

    def weights(self):
        return {"w": self.w.detach().numpy().copy(), "b": self.b.detach().numpy().copy()}


class Mlp:
    def __init__(self, x, labels, params):
        self.x, self.labels = torch.from_numpy(x), torch.from_numpy(labels)
        self.p = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
        self.rows = torch.arange(x.shape[0])

    def step(self):
        p = self.p
        h = torch.tanh(self.x @ p["W1"] + p["b1"])
        prob = torch.softmax(h @ p["W2"] + p["b2"], dim=1)
        cost = -torch.log(prob[self.rows, self.labels]).mean()
        grads = torch.autograd.grad(cost, list(p.values()))
        with torch.no_grad():
            for v, g in zip(p.values(), grads):
                v -= LR * g
        return cost.item()

    def params(self):
        return {k: v.detach().numpy().copy() for k, v in self.p.items()}


compile_logreg = None  # eager: nothing is compiled
