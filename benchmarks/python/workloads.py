"""The workloads of benchmarks/compare.sh, written once over the peer interface (peers/__init__.py).

Row names, units and options are those of org.theano4j.bench.Workloads: warmup= and round=
(seconds), n= (sizes), shapes= (gemm, common.GemmShape), steps= and warmupSteps= (logreg; steps=
also first_logreg and first_mlp), dtype= (first_mlp), nocache= (compile: 0 skips PyTensor's
empty-cache compile), out= (check).
"""
import os
import time

import numpy as np

import common
from common import GemmShape, size_name


def call(peer, b, out):
    out.report("call", b.median_nanos(peer.scalar_add()) / 1e3, "us")
    out.unavailable("call_alloc", "measured on the JVM only")


def logistic(peer, b, out):
    for n in b.sizes("n", [100_000, 1_000_000, 10_000_000]):
        op = peer.logistic(common.random(np.float64, n))
        out.report(f"logistic/{size_name(n)}", b.median_nanos(op) / n, "ns/element")


def gemm(peer, b, out, dtype, name):
    shapes = [GemmShape(str(n)) for n in b.sizes("n", [256, 512, 1024, 2048])]
    shapes += [GemmShape(s) for s in b.opt("shapes", common.MLP_SHAPES).split(",") if s.strip()]
    for s in shapes:
        op = peer.matmul(common.random(dtype, *s.stored_a()), common.random(dtype, s.k, s.n), s.transpose_a)
        out.report(f"{name}/{s.label()}", s.flops() / b.median_nanos(op), "GFLOP/s")


def dgemv(peer, b, out):
    a = common.random(np.float64, common.N, common.FEATS)
    v, u = common.random(np.float64, common.FEATS), common.random(np.float64, common.N)
    out.report("dgemv/400x784", b.median_nanos(peer.gemv(a, v, False)) / 1e3, "us")
    out.report("dgemv/784x400T", b.median_nanos(peer.gemv(a, u, True)) / 1e3, "us")


def logreg(peer, b, out):
    """us per step of the seed's train function: `steps` steps in `rounds` rounds after `warmupSteps`."""
    model = peer.LogReg(*common.logreg_data())
    steps = b.int_opt("steps", 10_000)
    warmup = b.int_opt("warmupSteps", min(steps // 5, 2000))
    for _ in range(warmup):
        model.step()
    per_round = max(1, steps // b.rounds)
    us = []
    for _ in range(b.rounds):
        t0 = time.perf_counter_ns()
        for _ in range(per_round):
            _, xent = model.step()
        us.append((time.perf_counter_ns() - t0) / 1e3 / per_round)
    out.report("logreg", float(np.median(us)), "us/step")
    finite = np.isfinite(peer.to_numpy(xent)).all()
    out.note(f"logreg ({peer.NAME}): after {warmup + per_round * b.rounds} steps xent is "
             f"{'finite' if finite else 'NOT finite'}")


def compile_(peer, b, out):
    if peer.compile_logreg is None:
        out.unavailable("compile", f"{peer.NAME} compiles nothing")
        out.unavailable("compile/cold", f"{peer.NAME} compiles nothing")
        return
    data = common.logreg_data()
    t0 = time.perf_counter_ns()
    peer.compile_logreg(*data)
    cold = (time.perf_counter_ns() - t0) / 1e6
    out.report("compile", b.median_nanos(lambda: peer.compile_logreg(*data)) / 1e6, "ms")
    out.report("compile/cold", cold, "ms")
    nocache = getattr(peer, "compile_without_cache", None)
    if nocache is not None and b.opt("nocache", "1") != "0":
        out.report("compile/nocache", nocache(), "ms")


def mlp(peer, b, out):
    for dtype in (np.float32, np.float64):
        model = peer.Mlp(*common.mlp_data(dtype))
        out.report(f"mlp/{np.dtype(dtype).name}", b.median_nanos(model.step) / 1e6, "ms/step")
        cost = model.step()
        if not np.isfinite(cost):
            out.note(f"FAILED: mlp/{np.dtype(dtype).name} ({peer.NAME}): non-finite cost {cost}")


def _first(b, out, name, steps, make):
    """ms of building the model and its first `steps` steps; then of `steps` steps once warm."""
    t0 = time.perf_counter_ns()
    model = make()
    for _ in range(steps):
        model.step()
    out.report(name, (time.perf_counter_ns() - t0) / 1e6, "ms")

    def steady():
        for _ in range(steps):
            model.step()
    out.report(f"{name}/steady", b.median_nanos(steady) / 1e6, "ms")


def first_logreg(peer, b, out):
    data = common.logreg_data()
    _first(b, out, "first/logreg", b.int_opt("steps", 100), lambda: peer.LogReg(*data))


def first_mlp(peer, b, out):
    dtype = np.dtype(b.opt("dtype", "float32"))
    data = common.mlp_data(dtype)
    _first(b, out, f"first/mlp/{dtype.name}", b.int_opt("steps", 10), lambda: peer.Mlp(*data))


def rng(peer, b, out):
    if peer.NAME != "numpy":
        for row in ("rng/uniform/mt", "rng/normal/mt", "rng/uniform/mrg", "rng/normal/mrg"):
            out.unavailable(row, "numpy's RandomState is the reference")
        return
    n = b.int_opt("n", 10_000_000)
    rs = np.random.RandomState(common.SEED)
    uniform = b.median_nanos(lambda: rs.uniform(0, 1, n)) / 1e6
    normal = b.median_nanos(lambda: rs.standard_normal(n)) / 1e6
    for kind in ("mt", "mrg"):  # numpy RandomState is the reference for both generators
        out.report(f"rng/uniform/{kind}", uniform, "ms")
        out.report(f"rng/normal/{kind}", normal, "ms")


def check(peer, b, out):
    """Writes the cross-check arrays as org.theano4j.bench.CrossCheck does (same cases, same names)."""
    root = b.opt("out", "check-out")

    def write(case, arrays):
        os.makedirs(os.path.join(root, case), exist_ok=True)
        for name, a in arrays.items():  # shortest round-trip decimals, one a line (Double.toString's)
            values = np.asarray(a, np.float64).reshape(-1)
            with open(os.path.join(root, case, f"{name}.txt"), "w") as f:
                f.writelines(f"{float(v)!r}\n" for v in values)

    model = peer.LogReg(*common.logreg_data())
    for _ in range(b.int_opt("logregSteps", 100)):
        model.step()
    write("logreg", model.weights())
    for dtype in (np.float64, np.float32):
        model = peer.Mlp(*common.mlp_data(dtype))
        cost = [model.step() for _ in range(b.int_opt("mlpSteps", 10))][-1]
        write(f"mlp_{np.dtype(dtype).name}", dict(model.params(), cost=cost))
    s = GemmShape("784x128x500T")
    for dtype, name in ((np.float64, "dgemm"), (np.float32, "sgemm")):
        op = peer.matmul(common.random(dtype, *s.stored_a()), common.random(dtype, s.k, s.n), s.transpose_a)
        write(f"{name}_{s.label()}", {"c": peer.to_numpy(op())})
    write("logistic", {"y": peer.to_numpy(peer.logistic(common.random(np.float64, 100_000))())})
    out.note(f"check: wrote the cross-check arrays under {os.path.abspath(root)}")


def info(peer, b, out):
    peer.describe(out)


WORKLOADS = {
    "call": call, "logistic": logistic,
    "dgemm": lambda p, b, o: gemm(p, b, o, np.float64, "dgemm"),
    "sgemm": lambda p, b, o: gemm(p, b, o, np.float32, "sgemm"),
    "dgemv": dgemv, "logreg": logreg, "compile": compile_, "mlp": mlp, "rng": rng,
    "first_logreg": first_logreg, "first_mlp": first_mlp, "check": check, "info": info,
}
NOT_IN_ALL = {"check", "info", "first_logreg", "first_mlp"}
