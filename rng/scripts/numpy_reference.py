#!/usr/bin/env python3
"""Writes the numpy.random.RandomState reference values that RandomStateTest replays.

Regenerate (numpy 2.4.6 was used) from the repository root with:
    python3 rng/scripts/numpy_reference.py > rng/src/test/resources/numpy-reference/randomstate.txt

One line per case: ``name|seed|values``. Each case seeds a RandomState, makes the call(s) below,
then draws three more random_sample() values, so a stream that consumed the wrong number of words
fails too. RandomStateTest.CASES must list the same names with the same calls.
"""
import numpy as np

CASES = [
    ("sample_seed0", 0, lambda r: r.random_sample(10)),
    ("sample_seed1", 1, lambda r: r.random_sample(10)),
    ("sample_seed42", 42, lambda r: r.random_sample((2, 5))),
    ("sample_seed_max", 2**32 - 1, lambda r: r.random_sample(10)),
    ("sample_seed_2p31m1", 2**31 - 1, lambda r: r.random_sample(9)),
    ("randn_seed_2p31m1", 2**31 - 1, lambda r: r.randn(7)),
    ("randint_seed_2p31m1", 2**31 - 1, lambda r: r.randint(-3, 2**33, 11)),
    ("sample_long", 12345, lambda r: r.random_sample(1500)),
    ("uniform", 7, lambda r: r.uniform(-2.5, 7.0, (3, 4))),
    ("randn_odd", 3, lambda r: r.randn(1001)),
    ("randn_then_cached", 3, lambda r: np.concatenate([r.randn(3), r.randn(2)])),
    ("normal", 11, lambda r: r.normal(1.5, 2.0, 7)),
    ("randn_many", 5, lambda r: r.randn(20000)),
    ("randint_1", 9, lambda r: r.randint(0, 1, 5)),
    ("randint_2", 9, lambda r: r.randint(0, 2, 20)),
    ("randint_10", 9, lambda r: r.randint(0, 10, 20)),
    ("randint_2p31", 9, lambda r: r.randint(0, 2**31, 20)),
    ("randint_2p32", 9, lambda r: r.randint(0, 2**32, 20)),
    ("randint_2p32_plus5", 9, lambda r: r.randint(0, 2**32 + 5, 20)),
    ("randint_2p40", 9, lambda r: r.randint(0, 2**40, 20)),
    ("randint_2p62_plus3", 9, lambda r: r.randint(0, 2**62 + 3, 20)),
    ("randint_negative_low", 9, lambda r: r.randint(-5, 5, 20)),
    ("randint_wide_negative", 9, lambda r: r.randint(-2**40, 2**40, 20)),
    ("randint_full_int64", 9, lambda r: r.randint(-2**63, 2**63 - 1, 10)),
    ("randint_scalar", 123, lambda r: np.array([r.randint(1000) for _ in range(5)])),
    ("randint_2p30_scalar", 123, lambda r: np.array([r.randint(2**30) for _ in range(5)])),
    ("binomial_inversion", 21, lambda r: r.binomial(10, 0.3, 100)),
    ("binomial_inversion_reflected", 21, lambda r: r.binomial(20, 0.95, 50)),
    ("binomial_btpe", 21, lambda r: r.binomial(100, 0.5, 100)),
    ("binomial_btpe_reflected", 21, lambda r: r.binomial(1000, 0.9, 100)),
    ("binomial_btpe_large", 21, lambda r: r.binomial(1000000, 0.3, 200)),
    ("binomial_n0", 21, lambda r: r.binomial(0, 0.5, 5)),
    ("binomial_p0", 21, lambda r: r.binomial(5, 0.0, 5)),
    ("binomial_p1", 21, lambda r: r.binomial(5, 1.0, 5)),
    ("binomial_sequence", 22, lambda r: np.concatenate(
        [r.binomial(100, 0.4, 10), r.binomial(10, 0.2, 10), r.binomial(100, 0.4, 10),
         r.binomial(100, 0.6, 10), r.binomial(200, 0.4, 10)])),
    ("poisson_0", 31, lambda r: r.poisson(0.0, 5)),
    ("poisson_small", 31, lambda r: r.poisson(0.5, 50)),
    ("poisson_3", 31, lambda r: r.poisson(3.0, 50)),
    ("poisson_below10", 31, lambda r: r.poisson(9.99, 50)),
    ("poisson_10", 31, lambda r: r.poisson(10.0, 50)),
    ("poisson_50", 31, lambda r: r.poisson(50.0, 100)),
    ("poisson_1000", 31, lambda r: r.poisson(1000.0, 100)),
    ("poisson_1e6", 31, lambda r: r.poisson(1e6, 100)),
    ("permutation_10", 41, lambda r: r.permutation(10)),
    ("permutation_1", 41, lambda r: r.permutation(1)),
    ("permutation_0", 41, lambda r: r.permutation(0)),
    ("permutation_100", 41, lambda r: r.permutation(100)),
    ("shuffle_doubles", 41, lambda r: _shuffled(r, np.arange(7) * 0.5)),
    ("choice_replace", 51, lambda r: r.choice(10, 5, True)),
    ("choice_no_replace", 51, lambda r: r.choice(10, 5, False)),
    ("choice_replace_2p33", 51, lambda r: r.choice(2**33, 4, True)),
    ("multinomial", 61, lambda r: r.multinomial(20, [0.2, 0.3, 0.5], 4)),
    ("multinomial_ten", 61, lambda r: r.multinomial(100, [0.1] * 10, 3)),
    ("multinomial_btpe", 61, lambda r: r.multinomial(1000, [0.5, 0.5], 2)),
    ("multinomial_zero_p", 61, lambda r: r.multinomial(5, [0.0, 1.0])),
    ("state_words", 12345, lambda r: _state_words(r)),
    ("state_after_randn", 17, lambda r: _gauss_cache(r)),
]


def _shuffled(r, x):
    r.shuffle(x)
    return x


def _state_words(r):
    r.random_sample(1000)
    _, key, pos, has_gauss, gauss = r.get_state()
    return np.array([int(w) for w in key[:10]] + [int(key[623]), pos])


def _gauss_cache(r):
    r.randn(3)
    _, key, pos, has_gauss, gauss = r.get_state()
    return np.array([float(has_gauss), gauss])


def _fmt(v):
    return repr(float(v)) if isinstance(v, (float, np.floating)) else str(int(v))


def main():
    for name, seed, call in CASES:
        r = np.random.RandomState(seed)
        values = list(np.ravel(np.asarray(call(r)))) + list(r.random_sample(3))
        print("%s|%d|%s" % (name, seed, " ".join(_fmt(v) for v in values)))


if __name__ == "__main__":
    main()
