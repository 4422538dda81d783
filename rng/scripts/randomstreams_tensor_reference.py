#!/usr/bin/env python3
"""Writes the values that RandomStreamsTensorTest replays: what Theano 1.0's
shared_randomstreams.RandomStreams(seed) draws with a symbolic size and tensor parameters (p, n,
low, high, avg, std and pvals given as variables) on two successive calls of a compiled function,
computed with numpy exactly as Theano's RandomFunction.perform and raw_random helpers call it:
numpy's legacy RandomState.binomial / uniform / normal with array parameters (one draw per element
in C order), random_integers_helper (one randint per element) and multinomial_helper (one legacy
multinomial per pvals row, rows nudged as Theano 1.0.5 does).

Regenerate (numpy 2.4.6 was used; its legacy RandomState is bit-identical to 1.23 for these
methods) from the repository root with:
    python3 rng/scripts/randomstreams_tensor_reference.py > rng/src/test/resources/numpy-reference/randomstreams_tensor.txt

One line per array: ``case|key|dtype|shape|values`` (shape comma-separated, ``-`` for a scalar,
values space-separated in C order). Keys ``in.NAME`` are the function's inputs, ``callK.NAME`` the
samples of call K. Each case makes one RandomStreams(seed); its k-th draw gets the state
RandomState(seedgen.randint(2**30)), seedgen = RandomState(seed), as in Theano's gen().
"""
import numpy as np


def multinomial_helper(r, n, pvals, size):
    # Theano 1.0.5 raw_random.multinomial_helper, size None or a tuple.
    ndim = len(size) if size is not None else max(n.ndim, pvals.ndim - 1)
    n = n.reshape((1,) * (ndim - n.ndim) + n.shape)
    pvals = pvals.reshape((1,) * (ndim - pvals.ndim + 1) + pvals.shape)
    if size is None:
        size = tuple(max(n.shape[d], pvals.shape[d]) for d in range(ndim))
    out = np.ndarray(tuple(size) + (pvals.shape[-1],))
    nb = np.broadcast_to(n, size)
    pb = np.broadcast_to(pvals, tuple(size) + (pvals.shape[-1],))
    for mi in np.ndindex(*size):
        pvi = pb[mi]
        pisum = np.sum(pvi)
        if 1.0 < pisum < 1.0 + 1e-5:
            pvi = pvi * (1.0 - 5e-5)
            pisum = np.sum(pvi)
        elif pvi[-1] < 5e-5:
            pvi = pvi * (1.0 - 5e-5)
            pisum = np.sum(pvi)
        assert pisum <= 1.0, pisum
        out[mi] = r.multinomial(n=nb[mi], pvals=pvi.astype('float64'))
    return out.astype('int64')


def random_integers_helper(r, low, high, size):
    shape = size if size is not None else np.broadcast(low, high).shape
    out = np.ndarray(shape)
    lb, hb = np.broadcast_to(low, shape), np.broadcast_to(high, shape)
    for oi in np.ndindex(*shape):
        out[oi] = r.randint(low=lb[oi], high=hb[oi] + 1)
    return out.astype('int64')


def rows(seed, shape, lo=0.0, hi=1.0):
    return np.random.RandomState(seed).uniform(lo, hi, size=shape)


def stochastic(seed, shape):
    m = np.random.RandomState(seed).random_sample(shape) + 0.05
    return m / m.sum(axis=-1, keepdims=True)


# each case: (seed, inputs, [(name, draw(r, inputs) -> array)]) ; draws in creation order
CASES = {
    "binomial_p_matrix_size_of_p": (1234, {"p": rows(1, (3, 4))},
                                    [("b", lambda r, v: r.binomial(1, v["p"], v["p"].shape).astype("float64"))]),
    "binomial_n_vector_p_matrix_no_size": (7, {"n": np.array([5, 10, 40, 0]), "p": rows(2, (3, 4))},
                                           [("b", lambda r, v: r.binomial(v["n"], v["p"]))]),
    "binomial_size_mixed_int_and_scalar": (99, {"x": np.zeros(5)},
                                           [("b", lambda r, v: r.binomial(7, 0.3, (2, v["x"].shape[0])))]),
    "binomial_btpe_p_vector": (5, {"p": np.array([0.2, 0.5, 0.9])},
                               [("b", lambda r, v: r.binomial(100, v["p"], (4, 3)))]),
    "uniform_bounds_no_size": (11, {"low": np.array([-1.0, 0.0, 2.0]), "high": rows(3, (2, 3), 3.0, 4.0)},
                               [("u", lambda r, v: r.uniform(v["low"], v["high"]))]),
    "uniform_size_of_x_scalar_low": (12, {"x": np.zeros((4, 3)), "low": np.array(-2.0), "high": np.array([1.0, 2.0, 3.0])},
                                     [("u", lambda r, v: r.uniform(v["low"], v["high"], v["x"].shape))]),
    "uniform_float32": (13, {"high": np.array([1.0, 10.0])},
                        [("u", lambda r, v: r.uniform(0.0, v["high"], (3, 2)).astype("float32"))]),
    "normal_params_constant_size": (21, {"avg": rows(4, (2, 3), -5, 5), "std": np.array([0.5, 1.0, 2.0])},
                                    [("z", lambda r, v: r.normal(v["avg"], v["std"], (4, 2, 3)))]),
    "normal_odd_count": (22, {"avg": np.array([0.0, 1.0, 2.0, 3.0, 4.0]), "std": np.array(0.25)},
                         [("z", lambda r, v: r.normal(v["avg"], v["std"], (5,)))]),
    "random_integers_bounds": (31, {"low": np.array([-3, 0, 10]), "high": np.array([5, 0, 20])},
                               [("k", lambda r, v: random_integers_helper(r, v["low"], v["high"], (2, 3)))]),
    "multinomial_matrix_pvals": (41, {"pvals": stochastic(5, (4, 3))},
                                 [("m", lambda r, v: multinomial_helper(r, np.array(10), v["pvals"], None))]),
    "multinomial_n_vector": (42, {"n": np.array([1, 5, 20, 0]), "pvals": stochastic(6, (4, 5))},
                             [("m", lambda r, v: multinomial_helper(r, v["n"], v["pvals"], None))]),
    "multinomial_size_auto_axis": (43, {"pvals": stochastic(7, (3, 4))},
                                   [("m", lambda r, v: multinomial_helper(r, np.array(6), v["pvals"], (2, 3)))]),
    "multinomial_nudged_rows": (44, {"pvals": np.array([[0.5, 0.5 + 2e-6, 0.0], [0.3, 0.7 - 1e-5, 1e-5]])},
                                [("m", lambda r, v: multinomial_helper(r, np.array(50), v["pvals"], None))]),
    "multinomial_constant_pvals_nudged": (45, {}, [("m", lambda r, v: multinomial_helper(
        r, np.array(50), np.array([0.5, 0.5 + 2e-6, 0.0]), (3,)))]),
    "two_draws_one_stream": (55, {"p": rows(8, (2, 2))},
                             [("b", lambda r, v: r.binomial(3, v["p"], v["p"].shape)),
                              ("z", lambda r, v: r.normal(v["p"], 1.0, v["p"].shape))]),
}


def fmt(a):
    a = np.asarray(a)
    shape = ",".join(str(d) for d in a.shape) if a.ndim else "-"
    vals = " ".join(repr(float(e)) if a.dtype.kind == "f" else str(int(e)) for e in a.ravel())
    return "%s|%s|%s" % (a.dtype.name, shape, vals)


def main():
    for name, (seed, inputs, draws) in CASES.items():
        for k, v in inputs.items():
            print("%s|in.%s|%s" % (name, k, fmt(v)))
        seedgen = np.random.RandomState(seed)
        states = [np.random.RandomState(int(seedgen.randint(2 ** 30))) for _ in draws]
        for call in (1, 2):
            for (key, draw), r in zip(draws, states):
                print("%s|call%d.%s|%s" % (name, call, key, fmt(draw(r, inputs))))


if __name__ == "__main__":
    main()
