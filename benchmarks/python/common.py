"""What every peer of benchmarks/compare.sh shares: the measuring loop, the row format and the data.

The data are drawn from np.random.RandomState(1234) exactly as the Java side
(org.theano4j.bench.LogReg, Mlp, Kernels) draws them, so every system computes on the same numbers.
"""
import time
from decimal import Decimal

import numpy as np

SEED = 1234
N, FEATS = 400, 784                                   # the seed's logistic regression
BATCH, IN, HIDDEN, OUT, LR = 128, 784, 500, 10, 0.01  # the MLP
MLP_SHAPES = "128x784x500,784x128x500T,500x128x10T"   # its forward and weight-gradient products


def fmt(value):
    """Four significant digits without an exponent, as org.theano4j.bench.Bench.format."""
    if not np.isfinite(value):
        return str(value)
    return format(Decimal(f"{float(value):.4g}").normalize(), "f")


class Out:
    """Prints `NAME SYSTEM=<value> <unit>` rows and `# ...` notes for one system."""

    def __init__(self, system):
        self.system = system

    def report(self, name, value, unit):
        print(f"{name} {self.system}={fmt(value)} {unit}", flush=True)

    def unavailable(self, name, why):
        print(f"{name} {self.system}=n/a ({why})", flush=True)

    def note(self, text):
        print(f"# {text}", flush=True)

    def info(self, key, value):
        print(f"# info {key}: {value}", flush=True)


class Bench:
    """Warm-up for `warmup` s, then `rounds` rounds of about `round` s; median ns per call
    (the loop of org.theano4j.bench.Bench.medianNanos)."""

    def __init__(self, rounds, options):
        self.rounds = rounds
        self.options = options

    def opt(self, key, default):
        return self.options.get(key, default)

    def int_opt(self, key, default):
        return int(float(self.options.get(key, default)))

    def sizes(self, key, default):
        v = self.options.get(key)
        return default if v is None else [int(float(s)) for s in v.split(",") if s]

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


class GemmShape:
    """(m x k) . (k x n); with `transpose_a` the first operand is the transpose of a stored k x m
    array. Written MxKxN[T], a square as n (org.theano4j.bench.GemmShape)."""

    def __init__(self, text):
        s = text.strip().lower()
        self.transpose_a = s.endswith("t")
        parts = [int(float(p)) for p in s.rstrip("t").split("x")]
        if len(parts) == 1 and not self.transpose_a:
            parts *= 3
        if len(parts) != 3 or min(parts) < 1:
            raise ValueError(f"gemm shape: expected MxKxN, MxKxNT or n, given '{text}'")
        self.m, self.k, self.n = parts

    def stored_a(self):
        return (self.k, self.m) if self.transpose_a else (self.m, self.k)

    def flops(self):
        return 2.0 * self.m * self.k * self.n

    def label(self):
        if self.m == self.k == self.n and not self.transpose_a:
            return str(self.n)
        return f"{self.m}x{self.k}x{self.n}" + ("T" if self.transpose_a else "")


def random(dtype, *shape):
    """Uniform [-1, 1) from RandomState(SEED), C order (org.theano4j.bench.Kernels.random)."""
    size = int(np.prod(shape))
    return np.random.RandomState(SEED).uniform(-1, 1, size).reshape(shape).astype(dtype)


def logreg_data():
    """x (N x feats), y (float64 0/1) and the initial w; the bias starts at 0 (LogReg.Data.draw)."""
    rng = np.random.RandomState(SEED)
    x = rng.randn(N, FEATS)
    y = rng.randint(size=N, low=0, high=2).astype(np.float64)
    return x, y, rng.randn(FEATS)


def mlp_data(dtype):
    """x, int64 labels and the parameters {W1, b1, W2, b2}: Glorot uniform, zero biases (Mlp.Data.draw)."""
    rng = np.random.RandomState(SEED)
    x = rng.uniform(-1, 1, (BATCH, IN)).astype(dtype)
    labels = rng.randint(0, OUT, BATCH).astype(np.int64)
    bound1, bound2 = np.sqrt(6.0 / (IN + HIDDEN)), np.sqrt(6.0 / (HIDDEN + OUT))
    w1 = rng.uniform(-bound1, bound1, (IN, HIDDEN)).astype(dtype)
    w2 = rng.uniform(-bound2, bound2, (HIDDEN, OUT)).astype(dtype)
    return x, labels, {"W1": w1, "b1": np.zeros(HIDDEN, dtype), "W2": w2, "b2": np.zeros(OUT, dtype)}
