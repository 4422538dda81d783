#!/usr/bin/env python3
"""Writes the values that RandomStreamsNumpyTest replays: what Theano 1.0's
shared_randomstreams.RandomStreams(seed).<dist>(...) returns on two successive calls of a compiled
function, computed with numpy exactly as Theano's raw_random helpers call it.

Regenerate (numpy 2.4.6 was used) from the repository root with:
    python3 rng/scripts/randomstreams_reference.py > rng/src/test/resources/numpy-reference/randomstreams.txt

One line per case: ``dist|seed|size|shape|call1 values|call2 values`` (size and shape as
comma-separated ints, values space-separated, C order). RandomStreamsNumpyTest.DISTRIBUTIONS
must list the same names with the same parameters.
"""
import numpy as np

P4 = [0.1, 0.2, 0.3, 0.4]
P8 = [0.05, 0.1, 0.15, 0.2, 0.1, 0.1, 0.2, 0.1]
P3 = [0.2, 0.3, 0.5]
P10 = [0.1] * 10


def random_integers(r, size, low, high):
    # Theano's random_integers_helper: one random_integers(low, high) per element, into float64.
    out = np.ndarray(size)
    for i in np.ndindex(*size):
        out[i] = r.randint(low, high + 1)  # numpy's random_integers(low, high), without its deprecation warning
    return out.astype('int64')


def permutation(r, size, n):
    # Theano's permutation_helper.
    out = np.empty(list(size) + [n], int)
    for i in np.ndindex(*size):
        out[i] = r.permutation(n)
    return out


def multinomial(r, size, n, pvals):
    # Theano 1.0.5's multinomial_helper (scalar n, one pvals row).
    pvals = np.asarray(pvals, dtype='float64')
    out = np.ndarray(list(size) + [len(pvals)])
    for i in np.ndindex(*size):
        pvi = pvals
        pisum = np.sum(pvi)
        if 1.0 < pisum < 1.0 + 1e-5:
            pvi = pvi * (1.0 - 5e-5)
            pisum = np.sum(pvi)
        elif pvi[-1] < 5e-5:
            pvi = pvi * (1.0 - 5e-5)
            pisum = np.sum(pvi)
        assert pisum <= 1.0, pisum
        out[i] = r.multinomial(n=n, pvals=pvi.astype('float64'))
    return out.astype('int64')


DISTRIBUTIONS = [
    ("uniform", lambda r, s: r.uniform(0.0, 1.0, s)),
    ("uniform_ab", lambda r, s: r.uniform(-2.0, 3.0, s)),
    ("normal", lambda r, s: r.normal(0.0, 1.0, s)),
    ("normal_ab", lambda r, s: r.normal(1.5, 0.25, s)),
    ("binomial", lambda r, s: r.binomial(10, 0.3, s)),
    ("random_integers", lambda r, s: random_integers(r, s, -3, 5)),
    ("choice", lambda r, s: r.choice(5, s, True, None)),
    ("choice_norep", lambda r, s: r.choice(7, s, False, None)),
    ("choice_p", lambda r, s: r.choice(4, s, True, P4)),
    ("choice_p_norep", lambda r, s: r.choice(8, s, False, P8)),
    ("permutation", lambda r, s: permutation(r, s, 4)),
    ("multinomial", lambda r, s: multinomial(r, s, 10, P3)),
    ("multinomial_10", lambda r, s: multinomial(r, s, 20, P10)),
]
SEEDS = [0, 1, 42]
SIZES = [(0,), (1,), (7,), (2, 3)]


def fmt(a):
    a = np.asarray(a)
    return " ".join(repr(float(v)) if a.dtype.kind == 'f' else str(int(v)) for v in a.ravel())


for name, draw in DISTRIBUTIONS:
    for seed in SEEDS:
        for size in SIZES:
            r = np.random.RandomState(int(np.random.RandomState(seed).randint(2 ** 30)))
            first = np.asarray(draw(r, size))
            second = np.asarray(draw(r, size))
            print("|".join([name, str(seed), ",".join(map(str, size)), ",".join(map(str, first.shape)),
                            fmt(first), fmt(second)]))
