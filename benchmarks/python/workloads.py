#!/usr/bin/env python3
"""numpy reference side of benchmarks/compare.sh.

Usage: workloads.py NAME [rounds] [key=value...]
NAME: call logistic dgemm sgemm dgemv logreg compile mlp rng all.
Prints one line per row, `NAME reference=<median> <unit>`, in the same names and units as
org.theano4j.bench.Workloads; comment lines start with '#'. Options as on the Java side:
warmup= and round= (seconds), n= (comma-separated sizes), steps= and warmupSteps= (logreg).
Data come from np.random.RandomState(1234) exactly as the Java side draws them.
"""
import sys
import time
from decimal import Decimal

import numpy as np

SEED = 1234
N, FEATS = 400, 784


def fmt(value):
    if not np.isfinite(value):
        return str(value)
    return format(Decimal(f"{float(value):.4g}").normalize(), "f")


def report(name, value, unit):
    print(f"{name} reference={fmt(value)} {unit}", flush=True)


def unavailable(name, why):
    print(f"{name} reference=n/a ({why})", flush=True)


def note(text):
    print(f"# {text}", flush=True)


class Bench:
    """Warm-up for `warmup` s, then `rounds` rounds of about `round` s; median ns per call."""

    def __init__(self, rounds, options):
        self.rounds = rounds
        self.options = options

    def opt(self, key, default):
        return self.options.get(key, default)

    def sizes(self, key, default):
        v = self.options.get(key)
        return default if v is None else [int(float(s)) for s in v.split(",")]

    def median_nanos(self, op):
        warmup = float(self.opt("warmup", "1")) * 1e9
        round_ns = float(self.opt("round", "0.25")) * 1e9
        calls, start = 0, time.perf_counter_ns()
        while True:
            op()
            calls += 1
            elapsed = time.perf_counter_ns() - start
            if calls >= 2 and elapsed >= warmup:
                break
        reps = max(1, round(round_ns / (elapsed / calls)))
        per_call = []
        for _ in range(self.rounds):
            t0 = time.perf_counter_ns()
            for _ in range(reps):
                op()
            per_call.append((time.perf_counter_ns() - t0) / reps)
        return float(np.median(per_call))


def size_name(n):
    e = round(np.log10(n))
    return f"1e{e}" if 10 ** e == n else str(n)


def random(dtype, *shape):
    size = int(np.prod(shape))
    return np.random.RandomState(SEED).uniform(-1, 1, size).reshape(shape).astype(dtype)


def call(b):
    x, y = np.float64(1.5), np.float64(2.25)
    report("call", b.median_nanos(lambda: np.add(x, y)) / 1e3, "us")
    unavailable("call_alloc", "not measured for numpy")


def logistic(b):
    for n in b.sizes("n", [100_000, 1_000_000, 10_000_000]):
        x = random(np.float64, n)
        report(f"logistic/{size_name(n)}", b.median_nanos(lambda: 1 / (1 + np.exp(-x))) / n, "ns/element")


def gemm(b, dtype, name):
    for n in b.sizes("n", [256, 512, 1024, 2048]):
        a, c = random(dtype, n, n), random(dtype, n, n)
        report(f"{name}/{n}", 2.0 * n ** 3 / b.median_nanos(lambda: np.dot(a, c)), "GFLOP/s")


def dgemv(b):
    a = random(np.float64, N, FEATS)
    v, u = random(np.float64, FEATS), random(np.float64, N)
    report("dgemv/400x784", b.median_nanos(lambda: np.dot(a, v)) / 1e3, "us")
    report("dgemv/784x400T", b.median_nanos(lambda: np.dot(a.T, u)) / 1e3, "us")


def logreg(b):
    """The seed's training step in numpy: the literal formulas, gradients by hand."""
    rng = np.random.RandomState(SEED)
    x, y = rng.randn(N, FEATS), rng.randint(size=N, low=0, high=2).astype(np.float64)
    w, bias = rng.randn(FEATS), 0.0

    def step():
        nonlocal w, bias
        p_1 = 1 / (1 + np.exp(-np.dot(x, w) - bias))
        prediction = p_1 > 0.5
        xent = -y * np.log(p_1) - (1 - y) * np.log(1 - p_1)
        g = (p_1 - y) / N                       # d mean(xent) / d (x.w + b)
        gw = np.dot(x.T, g) + 0.02 * w          # + d 0.01 * sum(w ** 2) / dw
        gb = g.sum()
        w = w - 0.1 * gw
        bias = bias - 0.1 * gb
        return prediction, xent

    steps = int(float(b.opt("steps", 10_000)))
    warmup = int(float(b.opt("warmupSteps", min(steps // 5, 2000))))
    with np.errstate(all="ignore"):
        for _ in range(warmup):
            step()
        per_round = max(1, steps // b.rounds)
        us = []
        for _ in range(b.rounds):
            t0 = time.perf_counter_ns()
            for _ in range(per_round):
                _, xent = step()
            us.append((time.perf_counter_ns() - t0) / 1e3 / per_round)
    report("logreg", float(np.median(us)), "us/step")
    note(f"logreg (numpy): xent {'finite' if np.isfinite(xent).all() else 'NOT finite'} "
         f"after {warmup + per_round * b.rounds} steps")


def compile_(b):
    unavailable("compile", "numpy compiles nothing; Theano: seconds")
    unavailable("compile/cold", "numpy compiles nothing")


def mlp(b):
    """One SGD step of a 784-500-10 tanh/softmax MLP, batch 128, backpropagation by hand."""
    batch, n_in, hidden, out, lr = 128, 784, 500, 10, 0.01
    for dtype in (np.float32, np.float64):
        rng = np.random.RandomState(SEED)
        x = rng.uniform(-1, 1, (batch, n_in)).astype(dtype)
        labels = rng.randint(0, out, batch)
        bound1, bound2 = np.sqrt(6.0 / (n_in + hidden)), np.sqrt(6.0 / (hidden + out))
        p = {"W1": rng.uniform(-bound1, bound1, (n_in, hidden)).astype(dtype),
             "b1": np.zeros(hidden, dtype),
             "W2": rng.uniform(-bound2, bound2, (hidden, out)).astype(dtype),
             "b2": np.zeros(out, dtype)}
        rate = dtype(lr)

        def step():
            h = np.tanh(x @ p["W1"] + p["b1"])
            z = h @ p["W2"] + p["b2"]
            e = np.exp(z - z.max(axis=1, keepdims=True))
            prob = e / e.sum(axis=1, keepdims=True)
            cost = -np.log(prob[np.arange(batch), labels]).mean()
            dz = prob
            dz[np.arange(batch), labels] -= 1
            dz /= batch
            dh = (dz @ p["W2"].T) * (1 - h * h)
            grads = {"W2": h.T @ dz, "b2": dz.sum(axis=0), "W1": x.T @ dh, "b1": dh.sum(axis=0)}
            for k, g in grads.items():
                p[k] -= rate * g
            return cost

        report(f"mlp/{np.dtype(dtype).name}", b.median_nanos(step) / 1e6, "ms/step")


def rng(b):
    n = int(float(b.opt("n", 10_000_000)))
    rs = np.random.RandomState(SEED)
    uniform = b.median_nanos(lambda: rs.uniform(0, 1, n)) / 1e6
    normal = b.median_nanos(lambda: rs.standard_normal(n)) / 1e6
    for kind in ("mt", "mrg"):  # numpy RandomState is the reference for both generators
        report(f"rng/uniform/{kind}", uniform, "ms")
        report(f"rng/normal/{kind}", normal, "ms")


WORKLOADS = {
    "call": call, "logistic": logistic,
    "dgemm": lambda b: gemm(b, np.float64, "dgemm"), "sgemm": lambda b: gemm(b, np.float32, "sgemm"),
    "dgemv": dgemv, "logreg": logreg, "compile": compile_, "mlp": mlp, "rng": rng,
}


def main(argv):
    if not argv or (argv[0] not in WORKLOADS and argv[0] != "all"):
        sys.exit(f"usage: workloads.py NAME [rounds] [key=value...]; NAME one of {list(WORKLOADS)} or all")
    has_rounds = len(argv) > 1 and "=" not in argv[1]
    rounds = int(argv[1]) if has_rounds else 5
    options = dict(w.split("=", 1) for w in argv[2 if has_rounds else 1:])
    b = Bench(rounds, options)
    for name in (WORKLOADS if argv[0] == "all" else [argv[0]]):
        WORKLOADS[name](b)


if __name__ == "__main__":
    main(sys.argv[1:])
